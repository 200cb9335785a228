import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { ReviewPeriod } from './self-criticism-review.events.js';

export type ScheduleReview = Command<'scheduleReview', { reviewId: string; subject: SubjectRef; period: ReviewPeriod; scheduledFor: IsoDate }>;
export type HoldReview = Command<'holdReview', { heldOn: IsoDate; summary: string }>;
export type ConcludeReview = Command<'concludeReview', { concludedOn: IsoDate; conclusion: string }>;

export type SelfCriticismReviewCommand = ScheduleReview | HoldReview | ConcludeReview;
