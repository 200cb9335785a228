import { DateField, EnumField, TextField } from '../../../platform/http/request-fields.js';
import { FOLLOW_UP_RESULTS, type FollowUpResult } from '../../domain/inspection.events.js';

export class RecordFollowUpRequest {
  @DateField('2025-08-01')
  checkedOn!: string;

  @EnumField(FOLLOW_UP_RESULTS, 'partly-carried-out')
  result!: FollowUpResult;

  @TextField('Đã kiểm điểm; chưa khắc phục xong hậu quả')
  note!: string;
}
