import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class ConcludeReviewRequest {
  @DateField('2025-01-25')
  concludedOn!: string;

  @TextField('Hoàn thành nhiệm vụ; cần khắc phục khuyết điểm về tác phong')
  conclusion!: string;
}
