import { assertNever } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { SelfCriticismReviewEvent, SelfCriticismReviewScheduled } from './self-criticism-review.events.js';

export type ScheduledReview = SelfCriticismReviewScheduled['data'];

export type SelfCriticismReviewState =
  | Readonly<{ status: 'not-scheduled' }>
  | Readonly<{ status: 'scheduled'; review: ScheduledReview }>
  | Readonly<{ status: 'held'; review: ScheduledReview; heldOn: IsoDate; summary: string }>
  | Readonly<{ status: 'concluded'; review: ScheduledReview; heldOn: IsoDate; summary: string; concludedOn: IsoDate; conclusion: string }>;

export type SelfCriticismReviewStatus = SelfCriticismReviewState['status'];

export function initialSelfCriticismReviewState(): SelfCriticismReviewState {
  return { status: 'not-scheduled' };
}

export function evolveSelfCriticismReview(state: SelfCriticismReviewState, event: SelfCriticismReviewEvent): SelfCriticismReviewState {
  switch (event.type) {
    case 'SelfCriticismReviewScheduled':
      return { status: 'scheduled', review: event.data };
    case 'SelfCriticismReviewHeld':
      return state.status === 'scheduled' ? { status: 'held', review: state.review, heldOn: event.data.heldOn, summary: event.data.summary } : state;
    case 'SelfCriticismReviewConcluded':
      return state.status === 'held' ? { ...state, status: 'concluded', concludedOn: event.data.concludedOn, conclusion: event.data.conclusion } : state;
    default:
      return assertNever(event);
  }
}
