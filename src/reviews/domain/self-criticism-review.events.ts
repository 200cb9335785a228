import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';

/** The period reviewed: a year (1 Jan to 31 Dec) or a term, mid-term or other span. */
export type ReviewPeriod = Readonly<{ from: IsoDate; to: IsoDate }>;

/** Kiểm điểm tự phê bình và phê bình, planned for a date. */
export type SelfCriticismReviewScheduled = Event<
  'SelfCriticismReviewScheduled',
  { reviewId: string; subject: SubjectRef; period: ReviewPeriod; scheduledFor: IsoDate }
>;
export type SelfCriticismReviewHeld = Event<'SelfCriticismReviewHeld', { reviewId: string; heldOn: IsoDate; summary: string }>;
export type SelfCriticismReviewConcluded = Event<'SelfCriticismReviewConcluded', { reviewId: string; concludedOn: IsoDate; conclusion: string }>;

export type SelfCriticismReviewEvent = SelfCriticismReviewScheduled | SelfCriticismReviewHeld | SelfCriticismReviewConcluded;

export const SELF_CRITICISM_REVIEW_ACT_DATES: ActDates<SelfCriticismReviewEvent> = {
  // Scheduling is not dated: `scheduledFor` is the day planned for the review, usually still to come.
  SelfCriticismReviewScheduled: () => null,
  SelfCriticismReviewHeld: (e) => e.data.heldOn,
  SelfCriticismReviewConcluded: (e) => e.data.concludedOn,
};
