import { DateField, EnumField, IntField, NestedField } from '../../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../../platform/http/requests/acting-body.request.js';
import { SubjectRequest } from '../../../platform/http/requests/subject.request.js';
import { QUALITY_RATINGS, type QualityRating } from '../../domain/quality-classification.events.js';

export class ClassifyQualityRequest {
  @NestedField(() => SubjectRequest, { description: 'The organization or member classified' })
  subject!: SubjectRequest;

  @IntField(2024, { min: 1930, max: 9999, description: 'The year classified' })
  year!: number;

  @NestedField(() => ActingBodyRequest, { description: 'The body that classifies' })
  body!: ActingBodyRequest;

  @EnumField(QUALITY_RATINGS, 'good', { description: 'Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ' })
  rating!: QualityRating;

  @DateField('2025-01-15')
  classifiedOn!: string;
}
