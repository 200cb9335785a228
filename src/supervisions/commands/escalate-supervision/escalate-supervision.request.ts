import { DateField, NestedField, TextField } from '../../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../../platform/http/requests/acting-body.request.js';

export class EscalateSupervisionRequest {
  @DateField('2025-02-25')
  escalatedOn!: string;

  @TextField('Kết luận giám sát cho thấy dấu hiệu vi phạm trong cấp đất')
  grounds!: string;

  @NestedField(() => ActingBodyRequest, { optional: true, description: 'The inspecting body; by default the supervising body' })
  body?: ActingBodyRequest;
}
