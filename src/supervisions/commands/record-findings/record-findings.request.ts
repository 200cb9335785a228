import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class RecordFindingsRequest {
  @DateField('2025-02-10')
  recordedOn!: string;

  @TextField('Chưa công khai kết quả giải quyết đơn thư')
  findings!: string;
}
