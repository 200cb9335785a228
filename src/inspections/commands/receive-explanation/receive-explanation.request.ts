import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class ReceiveExplanationRequest {
  @DateField('2025-04-01')
  receivedOn!: string;

  @TextField('Đối tượng giải trình về việc cấp đất sai thẩm quyền')
  summary!: string;
}
