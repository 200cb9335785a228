import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class HoldReviewRequest {
  @DateField('2025-01-20')
  heldOn!: string;

  @TextField('Chi bộ góp ý; đảng viên nhận khuyết điểm về tác phong')
  summary!: string;
}
