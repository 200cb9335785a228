import { DateField, EnumField, NestedField, TextField } from '../../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../../platform/http/requests/acting-body.request.js';
import { SubjectRequest } from '../../../platform/http/requests/subject.request.js';
import { INSPECTION_KINDS, type InspectionKind } from '../../domain/inspection.events.js';

/** An inspection escalated from a supervision is proposed by the supervision's escalate route, which keeps both links. */
export class ProposeInspectionRequest {
  @NestedField(() => ActingBodyRequest, { description: 'The inspecting body, usually the inspection commission (ủy ban kiểm tra)' })
  body!: ActingBodyRequest;

  @NestedField(() => SubjectRequest, { description: 'The organization or member inspected' })
  subject!: SubjectRequest;

  @EnumField(INSPECTION_KINDS, 'suspected-violation', { description: 'Regular, or on signs of violation (khi có dấu hiệu vi phạm)' })
  kind!: InspectionKind;

  @TextField('Đơn tố cáo về việc cấp đất sai quy định')
  grounds!: string;

  @DateField('2025-03-01')
  proposedOn!: string;
}
