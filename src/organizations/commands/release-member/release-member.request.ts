import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class ReleaseMemberRequest {
  @TextField('Tự nguyện xin ra khỏi Đảng vì lý do sức khỏe')
  reason!: string;

  @DateField('2025-03-01')
  releasedOn!: string;
}
