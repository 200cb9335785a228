import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';

/** Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
export const QUALITY_RATINGS = ['excellent', 'good', 'completed', 'not-completed'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Đánh giá, xếp loại chất lượng of an organization or member for one year. */
export type QualityClassified = Event<
  'QualityClassified',
  { subject: SubjectRef; year: number; body: ActingBody; rating: QualityRating; classifiedOn: IsoDate }
>;
/** Supersedes the rating in force; the earlier record stays as it was. */
export type QualityClassificationCorrected = Event<
  'QualityClassificationCorrected',
  { subject: SubjectRef; year: number; previousRating: QualityRating; rating: QualityRating; reason: string; correctedOn: IsoDate }
>;

export type QualityClassificationEvent = QualityClassified | QualityClassificationCorrected;

export const QUALITY_CLASSIFICATION_ACT_DATES: ActDates<QualityClassificationEvent> = {
  QualityClassified: (e) => e.data.classifiedOn,
  QualityClassificationCorrected: (e) => e.data.correctedOn,
};
