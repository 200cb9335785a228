import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError } from '../../shared/domain/errors.js';
import type { SelfCriticismReviewCommand } from './self-criticism-review.commands.js';
import {
  allowedSelfCriticismReviewCommands,
  selfCriticismReviewDecider,
  selfCriticismReviewMachine,
  selfCriticismReviewStreamId,
  STREAM_TYPE,
} from './self-criticism-review.decider.js';
import type { SelfCriticismReviewEvent } from './self-criticism-review.events.js';
import type { SelfCriticismReviewStatus } from './self-criticism-review.state.js';

const metadata = { today: '2025-06-30' };
const reviewId = 'review-2024-cell-a';
const subject = { kind: 'organization', organizationId: 'cell-a' } as const;

const commands: { [K in SelfCriticismReviewCommand['type']]: Extract<SelfCriticismReviewCommand, { type: K }> } = {
  scheduleReview: {
    type: 'scheduleReview',
    data: { reviewId, subject, period: { from: '2024-01-01', to: '2024-12-31' }, scheduledFor: '2024-12-15' },
    metadata,
  },
  holdReview: { type: 'holdReview', data: { heldOn: '2024-12-16', summary: 'Cell meeting; 2 members criticised for late dues' }, metadata },
  concludeReview: { type: 'concludeReview', data: { concludedOn: '2024-12-20', conclusion: 'Shortcomings and remedies agreed' }, metadata },
};
const scheduled: SelfCriticismReviewEvent = { type: 'SelfCriticismReviewScheduled', data: commands.scheduleReview.data };
const held: SelfCriticismReviewEvent = { type: 'SelfCriticismReviewHeld', data: { reviewId, ...commands.holdReview.data } };
const concluded: SelfCriticismReviewEvent = { type: 'SelfCriticismReviewConcluded', data: { reviewId, ...commands.concludeReview.data } };

const histories: Record<SelfCriticismReviewStatus, SelfCriticismReviewEvent[]> = {
  'not-scheduled': [],
  scheduled: [scheduled],
  held: [scheduled, held],
  concluded: [scheduled, held, concluded],
};
const stateOf = (history: readonly SelfCriticismReviewEvent[]) => foldEvents(selfCriticismReviewDecider, history);

describe('self-criticism review stream (kiểm điểm tự phê bình và phê bình)', () => {
  it('is named self-criticism-review-<id>', () => {
    expect(STREAM_TYPE).toBe('self-criticism-review');
    expect(selfCriticismReviewStreamId(reviewId)).toBe('self-criticism-review-review-2024-cell-a');
  });

  it('walks a yearly review from scheduling to conclusion', () => {
    spec(selfCriticismReviewDecider).given([]).when(commands.scheduleReview).then([scheduled]);
    spec(selfCriticismReviewDecider).given([scheduled]).when(commands.holdReview).then([held]);
    spec(selfCriticismReviewDecider).given([scheduled, held]).when(commands.concludeReview).then([concluded]);
    expect(stateOf(histories.concluded)).toMatchObject({ status: 'concluded', heldOn: '2024-12-16', review: { subject } });
  });

  describe('refuses inconsistent input', () => {
    const cases: [string, SelfCriticismReviewStatus, SelfCriticismReviewCommand, string, string][] = [
      [
        'a period that ends before it starts',
        'not-scheduled',
        { ...commands.scheduleReview, data: { ...commands.scheduleReview.data, period: { from: '2024-12-31', to: '2024-01-01' } } },
        'period.to',
        'not-before-from',
      ],
      [
        'a member subject with no id',
        'not-scheduled',
        { ...commands.scheduleReview, data: { ...commands.scheduleReview.data, subject: { kind: 'member', memberId: '' } } },
        'subject.memberId',
        'not-blank',
      ],
      [
        'a meeting held in the future',
        'scheduled',
        { ...commands.holdReview, data: { ...commands.holdReview.data, heldOn: '2025-07-01' } },
        'heldOn',
        'not-in-future',
      ],
      ['a meeting without a summary', 'scheduled', { ...commands.holdReview, data: { ...commands.holdReview.data, summary: '' } }, 'summary', 'not-blank'],
      [
        'a conclusion before the meeting',
        'held',
        { ...commands.concludeReview, data: { ...commands.concludeReview.data, concludedOn: '2024-12-15' } },
        'concludedOn',
        'not-before-last-act',
      ],
    ];
    it.each(cases)('%s', (_name, status, command, field, rule) => {
      spec(selfCriticismReviewDecider).given(histories[status]).when(command).thenThrows(InvalidInputError, { details: { field, rule } });
    });
  });

  describe('a command out of order is refused with the commands its state allows', () => {
    const cases = (Object.keys(histories) as SelfCriticismReviewStatus[]).flatMap((status) =>
      selfCriticismReviewMachine.commandTypes.map(
        (type) => [status, type, allowedSelfCriticismReviewCommands(stateOf(histories[status])).includes(type)] as const,
      ),
    );
    it.each(cases.filter(([, , allowed]) => !allowed))('in %s, refuses %s', (status, type) => {
      spec(selfCriticismReviewDecider)
        .given(histories[status])
        .when(commands[type])
        .thenThrows(InvalidTransitionError, {
          details: { command: type, currentState: status, allowedCommands: allowedSelfCriticismReviewCommands(stateOf(histories[status])) },
        });
    });
    it.each(cases.filter(([, , allowed]) => allowed))('in %s, accepts %s', (status, type) => {
      expect(selfCriticismReviewDecider.decide(commands[type], stateOf(histories[status]))).toHaveLength(1);
    });
  });
});
