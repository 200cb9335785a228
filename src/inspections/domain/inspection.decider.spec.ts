import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError } from '../../shared/domain/errors.js';
import type { InspectionCommand } from './inspection.commands.js';
import { allowedInspectionCommands, inspectionDecider, inspectionMachine, inspectionStreamId, STREAM_TYPE } from './inspection.decider.js';
import type { InspectionEvent } from './inspection.events.js';
import type { InspectionStatus } from './inspection.state.js';

const metadata = { today: '2025-06-30' };
const inspectionId = 'insp-1';
const body = { organizationId: 'org-binh-xuyen', bodyKind: 'inspection-commission' } as const;
const subject = { kind: 'member', memberId: 'member-7' } as const;

const commands: { [K in InspectionCommand['type']]: Extract<InspectionCommand, { type: K }> } = {
  proposeInspection: {
    type: 'proposeInspection',
    data: { inspectionId, body, subject, kind: 'suspected-violation', grounds: 'Letter of complaint', proposedOn: '2025-01-10' },
    metadata,
  },
  decideInspection: {
    type: 'decideInspection',
    data: {
      decisionNumber: '12-QĐ/UBKT',
      decidedOn: '2025-01-20',
      scope: 'Land allocation in commune X',
      period: { from: '2020-01-01', to: '2024-12-31' },
      teamMemberIds: ['member-1', 'member-2'],
    },
    metadata,
  },
  sendOutline: { type: 'sendOutline', data: { sentOn: '2025-01-25' }, metadata },
  receiveExplanation: { type: 'receiveExplanation', data: { receivedOn: '2025-02-10', summary: 'Admits late declaration' }, metadata },
  reportVerification: { type: 'reportVerification', data: { reportedOn: '2025-03-01', draftReportSummary: 'Declaration of assets incomplete' }, metadata },
  concludeInspection: {
    type: 'concludeInspection',
    data: {
      concludedOn: '2025-03-15',
      violationFound: true,
      severity: 'serious',
      findings: 'Did not declare a plot of land',
      recommendations: ['Declare the plot', 'Self-criticism before the cell'],
      proposeDiscipline: true,
    },
    metadata,
  },
  notifyConclusion: { type: 'notifyConclusion', data: { notifiedOn: '2025-03-20' }, metadata },
  recordFollowUp: { type: 'recordFollowUp', data: { checkedOn: '2025-05-01', result: 'partly-carried-out', note: 'Declared; review pending' }, metadata },
  closeInspection: { type: 'closeInspection', data: { closedOn: '2025-06-10' }, metadata },
};

const walk: InspectionCommand[] = [
  commands.proposeInspection,
  commands.decideInspection,
  commands.sendOutline,
  commands.receiveExplanation,
  commands.reportVerification,
  commands.concludeInspection,
  commands.notifyConclusion,
  commands.recordFollowUp,
  commands.closeInspection,
];

function record(steps: readonly InspectionCommand[]): InspectionEvent[] {
  return steps.reduce<InspectionEvent[]>((history, command) => [...history, ...inspectionDecider.decide(command, foldEvents(inspectionDecider, history))], []);
}
const stateOf = (history: readonly InspectionEvent[]) => foldEvents(inspectionDecider, history);

const histories: Record<InspectionStatus, InspectionEvent[]> = {
  'not-proposed': [],
  proposed: record(walk.slice(0, 1)),
  decided: record(walk.slice(0, 2)),
  'outline-sent': record(walk.slice(0, 3)),
  'explanation-received': record(walk.slice(0, 4)),
  'verification-reported': record(walk.slice(0, 5)),
  concluded: record(walk.slice(0, 6)),
  'conclusion-notified': record(walk.slice(0, 7)),
  'following-up': record(walk.slice(0, 8)),
  closed: record(walk),
};

describe('inspection stream (kiểm tra)', () => {
  it('is named inspection-<id>', () => {
    expect(STREAM_TYPE).toBe('inspection');
    expect(inspectionStreamId(inspectionId)).toBe('inspection-insp-1');
  });

  it('walks an inspection on signs of violation from proposal to closing, following the conclusion up twice', () => {
    const history = record([
      ...walk.slice(0, 8),
      { type: 'recordFollowUp', data: { checkedOn: '2025-06-01', result: 'carried-out', note: 'Plot declared' }, metadata },
      commands.closeInspection,
    ]);
    expect(history).toEqual([
      {
        type: 'InspectionProposed',
        data: {
          inspectionId,
          body,
          subject,
          kind: 'suspected-violation',
          escalatedFromSupervisionId: null,
          grounds: 'Letter of complaint',
          proposedOn: '2025-01-10',
        },
      },
      { type: 'InspectionDecided', data: { inspectionId, ...commands.decideInspection.data } },
      { type: 'InspectionOutlineSent', data: { inspectionId, sentOn: '2025-01-25' } },
      { type: 'ExplanationReceived', data: { inspectionId, ...commands.receiveExplanation.data } },
      { type: 'VerificationReported', data: { inspectionId, ...commands.reportVerification.data } },
      { type: 'InspectionConcluded', data: { inspectionId, ...commands.concludeInspection.data } },
      { type: 'ConclusionNotified', data: { inspectionId, notifiedOn: '2025-03-20' } },
      { type: 'ConclusionFollowedUp', data: { inspectionId, ...commands.recordFollowUp.data } },
      { type: 'ConclusionFollowedUp', data: { inspectionId, checkedOn: '2025-06-01', result: 'carried-out', note: 'Plot declared' } },
      { type: 'InspectionClosed', data: { inspectionId, closedOn: '2025-06-10' } },
    ]);
    const state = stateOf(history);
    expect(state.status).toBe('closed');
    expect(state.status === 'closed' && state.followUps.map((followUp) => followUp.result)).toEqual(['partly-carried-out', 'carried-out']);
  });

  it('closes a regular inspection that found no violation, without follow-up', () => {
    const history = record([
      {
        ...commands.proposeInspection,
        data: { ...commands.proposeInspection.data, kind: 'regular', subject: { kind: 'organization', organizationId: 'cell-a' } },
      },
      ...walk.slice(1, 5),
      {
        ...commands.concludeInspection,
        data: { ...commands.concludeInspection.data, violationFound: false, severity: 'none', recommendations: [], proposeDiscipline: false },
      },
      commands.notifyConclusion,
      commands.closeInspection,
    ]);
    expect(stateOf(history)).toMatchObject({ status: 'closed', conclusion: { violationFound: false }, followUps: [] });
  });

  it('starts an inspection escalated from a supervision as one on signs of violation, keeping the link', () => {
    const escalated = { ...commands.proposeInspection, data: { ...commands.proposeInspection.data, escalatedFromSupervisionId: 'sup-3' } };
    spec(inspectionDecider)
      .given([])
      .when(escalated)
      .then([{ type: 'InspectionProposed', data: { ...escalated.data, escalatedFromSupervisionId: 'sup-3' } }]);
    spec(inspectionDecider)
      .given([])
      .when({ ...escalated, data: { ...escalated.data, kind: 'regular' } })
      .thenThrows(InvalidInputError, { details: { field: 'kind', rule: 'escalation-is-suspected-violation' } });
  });

  describe('refuses inconsistent input', () => {
    const conclusion = commands.concludeInspection;
    const decision = commands.decideInspection;
    const cases: [string, InspectionStatus, InspectionCommand, string, string][] = [
      [
        'a period examined that ends before it starts',
        'proposed',
        { ...decision, data: { ...decision.data, period: { from: '2024-01-01', to: '2023-12-31' } } },
        'period.to',
        'not-before-from',
      ],
      [
        'a decision dated before the proposal',
        'proposed',
        { ...decision, data: { ...decision.data, decidedOn: '2025-01-09' } },
        'decidedOn',
        'not-before-proposal',
      ],
      ['a decision dated in the future', 'proposed', { ...decision, data: { ...decision.data, decidedOn: '2025-07-01' } }, 'decidedOn', 'not-in-future'],
      ['an empty team', 'proposed', { ...decision, data: { ...decision.data, teamMemberIds: [] } }, 'teamMemberIds', 'not-empty'],
      [
        'a team member listed twice',
        'proposed',
        { ...decision, data: { ...decision.data, teamMemberIds: ['member-1', 'member-1'] } },
        'teamMemberIds',
        'unique',
      ],
      [
        'the member inspected on the team',
        'proposed',
        { ...decision, data: { ...decision.data, teamMemberIds: ['member-7'] } },
        'teamMemberIds',
        'subject-not-on-team',
      ],
      [
        'an explanation received before the outline was sent',
        'outline-sent',
        { ...commands.receiveExplanation, data: { receivedOn: '2025-01-24', summary: 's' } },
        'receivedOn',
        'not-before-last-act',
      ],
      [
        'a conclusion dated before the decision',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, concludedOn: '2025-01-19' } },
        'concludedOn',
        'not-before-decision',
      ],
      [
        'a conclusion dated before the draft report',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, concludedOn: '2025-02-28' } },
        'concludedOn',
        'not-before-last-act',
      ],
      [
        'discipline proposed with no violation found',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, violationFound: false, severity: 'none' } },
        'proposeDiscipline',
        'requires-violation',
      ],
      [
        'a severity with no violation found',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, violationFound: false, proposeDiscipline: false } },
        'severity',
        'none-without-violation',
      ],
      [
        'a violation found without a severity',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, severity: 'none' } },
        'severity',
        'graded-when-violation-found',
      ],
      [
        'a blank recommendation',
        'verification-reported',
        { ...conclusion, data: { ...conclusion.data, recommendations: [''] } },
        'recommendations[0]',
        'not-blank',
      ],
      [
        'a follow-up dated before the notification',
        'conclusion-notified',
        { ...commands.recordFollowUp, data: { ...commands.recordFollowUp.data, checkedOn: '2025-03-19' } },
        'checkedOn',
        'not-before-last-act',
      ],
      [
        'a proposal with no subject id',
        'not-proposed',
        { ...commands.proposeInspection, data: { ...commands.proposeInspection.data, subject: { kind: 'member', memberId: '' } } },
        'subject.memberId',
        'not-blank',
      ],
    ];
    it.each(cases)('%s', (_name, status, command, field, rule) => {
      spec(inspectionDecider).given(histories[status]).when(command).thenThrows(InvalidInputError, { code: 'invalid-input', details: { field, rule } });
    });
  });

  describe('a command out of order is refused with the commands its state allows', () => {
    const cases = (Object.keys(histories) as InspectionStatus[]).flatMap((status) =>
      inspectionMachine.commandTypes.map((type) => [status, type, allowedInspectionCommands(stateOf(histories[status])).includes(type)] as const),
    );
    it.each(cases.filter(([, , allowed]) => !allowed))('in %s, refuses %s', (status, type) => {
      spec(inspectionDecider)
        .given(histories[status])
        .when(commands[type])
        .thenThrows(InvalidTransitionError, {
          code: 'invalid-transition',
          details: { command: type, currentState: status, allowedCommands: allowedInspectionCommands(stateOf(histories[status])) },
        });
    });
    it.each(cases.filter(([, , allowed]) => allowed))('in %s, accepts %s', (status, type) => {
      const command =
        type === 'recordFollowUp' ? { ...commands.recordFollowUp, data: { ...commands.recordFollowUp.data, checkedOn: '2025-06-01' } } : commands[type];
      expect(inspectionDecider.decide(command, stateOf(histories[status]))).toHaveLength(1);
    });
    it('allows nothing once closed', () => {
      expect(allowedInspectionCommands(stateOf(histories.closed))).toEqual([]);
    });
  });
});
