import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError } from '../../shared/domain/errors.js';
import { requireActDate, requireIsoDate, requireNotInFuture, requireSubject, requireText } from '../../shared/domain/input.js';
import { compareIsoDates } from '../../shared/domain/iso-date.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { ScheduleReview, SelfCriticismReviewCommand } from './self-criticism-review.commands.js';
import type { SelfCriticismReviewEvent } from './self-criticism-review.events.js';
import { evolveSelfCriticismReview, initialSelfCriticismReviewState, type SelfCriticismReviewState } from './self-criticism-review.state.js';

export const SELF_CRITICISM_REVIEW_STREAM_TYPE = 'self-criticism-review';
export const STREAM_TYPE = SELF_CRITICISM_REVIEW_STREAM_TYPE;
export function selfCriticismReviewStreamId(reviewId: string): string {
  return `${SELF_CRITICISM_REVIEW_STREAM_TYPE}-${reviewId}`;
}
export const streamId = selfCriticismReviewStreamId;

export const selfCriticismReviewMachine = transitions<SelfCriticismReviewState>()({
  scheduleReview: ['not-scheduled'],
  holdReview: ['scheduled'],
  concludeReview: ['held'],
});

export type SelfCriticismReviewCommandType = SelfCriticismReviewCommand['type'];

export function allowedSelfCriticismReviewCommands(state: SelfCriticismReviewState): SelfCriticismReviewCommandType[] {
  return selfCriticismReviewMachine.allowedCommands(state.status);
}

function schedule(command: ScheduleReview): SelfCriticismReviewEvent[] {
  const { reviewId, subject, period, scheduledFor } = command.data;
  requireText('reviewId', reviewId);
  requireSubject('subject', subject);
  requireIsoDate('period.from', period.from);
  requireIsoDate('period.to', period.to);
  if (compareIsoDates(period.to, period.from) < 0) {
    throw new InvalidInputError('period.to', 'not-before-from', { from: period.from, to: period.to });
  }
  requireIsoDate('scheduledFor', scheduledFor);
  return [{ type: 'SelfCriticismReviewScheduled', data: { reviewId, subject, period, scheduledFor } }];
}

export function decideSelfCriticismReview(command: SelfCriticismReviewCommand, state: SelfCriticismReviewState): SelfCriticismReviewEvent[] {
  switch (command.type) {
    case 'scheduleReview':
      selfCriticismReviewMachine.requireState(state, command.type);
      return schedule(command);
    case 'holdReview': {
      const { review } = selfCriticismReviewMachine.requireState(state, command.type);
      const { heldOn, summary } = command.data;
      requireText('summary', summary);
      requireNotInFuture('heldOn', heldOn, command.metadata.today);
      return [{ type: 'SelfCriticismReviewHeld', data: { reviewId: review.reviewId, heldOn, summary } }];
    }
    case 'concludeReview': {
      const { review, heldOn } = selfCriticismReviewMachine.requireState(state, command.type);
      const { concludedOn, conclusion } = command.data;
      requireText('conclusion', conclusion);
      requireActDate('concludedOn', concludedOn, heldOn, command.metadata.today);
      return [{ type: 'SelfCriticismReviewConcluded', data: { reviewId: review.reviewId, concludedOn, conclusion } }];
    }
    default:
      return assertNever(command);
  }
}

export const selfCriticismReviewDecider: Decider<SelfCriticismReviewCommand, SelfCriticismReviewState, SelfCriticismReviewEvent> = {
  decide: decideSelfCriticismReview,
  evolve: evolveSelfCriticismReview,
  initialState: initialSelfCriticismReviewState,
};
