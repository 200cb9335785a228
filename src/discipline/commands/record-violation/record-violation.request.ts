import { BooleanField, DateField, EnumField, TextField } from '../../../platform/http/request-fields.js';
import { GRAVE_OFFENCES, type GraveOffence } from '../../../rulebook/index.js';
import { SANCTION_FORMS, type SanctionForm } from '../../../shared/domain/vocabulary.js';
import { EnumListField } from '../../../platform/http/list-fields.js';

export class RecordViolationRequest {
  @TextField('Ký hợp đồng giao khoán đất công ích trái quy định, gây thất thoát ngân sách xã')
  description!: string;

  @DateField('2025-11-20')
  committedOn!: string;

  @EnumField(SANCTION_FORMS, 'warning', { description: 'The form the violation would warrant on its own; it sets the limitation period' })
  level!: SanctionForm;

  @EnumListField(GRAVE_OFFENCES, [], { description: 'Offences with no limitation period (QĐ 69 art. 4 cl. 2)' })
  graveOffences?: GraveOffence[];

  @BooleanField(false, { optional: true, description: 'Concerns a task assigned by a higher level (a cell then only proposes)' })
  concernsTaskAssignedByHigherLevel?: boolean;
}
