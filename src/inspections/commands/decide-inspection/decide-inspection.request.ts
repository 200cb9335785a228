import { DateField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField, UuidListField } from '../../../platform/http/request-fields.js';
import { PeriodRequest } from '../../../platform/http/requests/period.request.js';

export class DecideInspectionRequest {
  @TextField('125-QĐ/UBKT', { maxLength: SHORT_TEXT_MAX_LENGTH })
  decisionNumber!: string;

  @DateField('2025-03-10')
  decidedOn!: string;

  @TextField('Việc chấp hành quy định về quản lý đất đai')
  scope!: string;

  @NestedField(() => PeriodRequest, { description: 'The period examined' })
  period!: PeriodRequest;

  @UuidListField(['0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9'], { minItems: 1, maxItems: 30, description: 'Members of the inspection team' })
  teamMemberIds!: string[];
}
