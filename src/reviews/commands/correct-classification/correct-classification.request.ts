import { DateField, EnumField, TextField } from '../../../platform/http/request-fields.js';
import { QUALITY_RATINGS, type QualityRating } from '../../domain/quality-classification.events.js';

export class CorrectClassificationRequest {
  @EnumField(QUALITY_RATINGS, 'completed', { description: 'The rating in force from now on' })
  rating!: QualityRating;

  @TextField('Phát hiện vi phạm sau khi xếp loại')
  reason!: string;

  @DateField('2025-04-01')
  correctedOn!: string;
}
