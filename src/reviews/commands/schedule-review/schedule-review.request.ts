import { DateField, NestedField } from '../../../platform/http/request-fields.js';
import { PeriodRequest } from '../../../platform/http/requests/period.request.js';
import { SubjectRequest } from '../../../platform/http/requests/subject.request.js';

export class ScheduleReviewRequest {
  @NestedField(() => SubjectRequest, { description: 'The organization or member who reviews itself' })
  subject!: SubjectRequest;

  @NestedField(() => PeriodRequest, { description: 'The period reviewed: a year, a term or mid-term' })
  period!: PeriodRequest;

  @DateField('2025-01-20')
  scheduledFor!: string;
}
