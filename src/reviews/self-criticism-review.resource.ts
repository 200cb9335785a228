import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import { anchorOf } from '../commands/stream-scope.js';
import type { SelfCriticismReviewCommand } from './domain/self-criticism-review.commands.js';
import {
  allowedSelfCriticismReviewCommands,
  selfCriticismReviewDecider,
  selfCriticismReviewMachine,
  selfCriticismReviewStreamId,
  STREAM_TYPE,
} from './domain/self-criticism-review.decider.js';
import { SELF_CRITICISM_REVIEW_ACT_DATES, type SelfCriticismReviewEvent } from './domain/self-criticism-review.events.js';
import type { SelfCriticismReviewState } from './domain/self-criticism-review.state.js';

export const selfCriticismReviews: StreamResource<SelfCriticismReviewCommand, SelfCriticismReviewState, SelfCriticismReviewEvent> = {
  streamType: STREAM_TYPE,
  decider: selfCriticismReviewDecider,
  actDates: SELF_CRITICISM_REVIEW_ACT_DATES,
  streamId: selfCriticismReviewStreamId,
  allowedCommands: allowedSelfCriticismReviewCommands,
  acceptedIn: selfCriticismReviewMachine.acceptedIn,
  scopeOf: (state) => (state.status === 'not-scheduled' ? [] : [anchorOf(state.review.subject)]),
};

export const SelfCriticismReviewsController = () => ResourceController('self-criticism-reviews', 'Self-criticism reviews — kiểm điểm tự phê bình và phê bình');
