import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError } from '../../shared/domain/errors.js';
import type { SupervisionCommand } from './supervision.commands.js';
import { allowedSupervisionCommands, STREAM_TYPE, supervisionDecider, supervisionMachine, supervisionStreamId } from './supervision.decider.js';
import type { SupervisionEvent } from './supervision.events.js';
import type { SupervisionStatus } from './supervision.state.js';

const metadata = { today: '2025-06-30' };
const supervisionId = 'sup-3';
const body = { organizationId: 'org-binh-xuyen', bodyKind: 'inspection-commission' } as const;
const subject = { kind: 'organization', organizationId: 'grassroots-9' } as const;

const commands: { [K in SupervisionCommand['type']]: Extract<SupervisionCommand, { type: K }> } = {
  startSupervision: {
    type: 'startSupervision',
    data: { supervisionId, body, subject, kind: 'thematic', plan: 'Plan 4-KH/UBKT', topic: 'Declaration of assets', startedOn: '2025-02-01' },
    metadata,
  },
  recordFindings: { type: 'recordFindings', data: { recordedOn: '2025-03-01', findings: 'Two declarations incomplete' }, metadata },
  concludeSupervision: {
    type: 'concludeSupervision',
    data: { concludedOn: '2025-04-01', signsOfViolation: true, summary: 'Signs of violation by the secretary' },
    metadata,
  },
  escalateSupervision: { type: 'escalateSupervision', data: { inspectionId: 'insp-1', escalatedOn: '2025-04-10' }, metadata },
  closeSupervision: { type: 'closeSupervision', data: { closedOn: '2025-06-10' }, metadata },
};
const noSigns: SupervisionCommand = {
  ...commands.concludeSupervision,
  data: { concludedOn: '2025-04-01', signsOfViolation: false, summary: 'No sign of violation' },
};

function record(steps: readonly SupervisionCommand[]): SupervisionEvent[] {
  return steps.reduce<SupervisionEvent[]>(
    (history, command) => [...history, ...supervisionDecider.decide(command, foldEvents(supervisionDecider, history))],
    [],
  );
}
const stateOf = (history: readonly SupervisionEvent[]) => foldEvents(supervisionDecider, history);

const histories: Record<SupervisionStatus, SupervisionEvent[]> = {
  'not-started': [],
  'under-way': record([commands.startSupervision, commands.recordFindings]),
  concluded: record([commands.startSupervision, commands.recordFindings, noSigns]),
  'signs-of-violation': record([commands.startSupervision, commands.recordFindings, commands.concludeSupervision]),
  escalated: record([commands.startSupervision, commands.recordFindings, commands.concludeSupervision, commands.escalateSupervision]),
  closed: record([commands.startSupervision, commands.recordFindings, noSigns, commands.closeSupervision]),
};

describe('supervision stream (giám sát)', () => {
  it('is named supervision-<id>', () => {
    expect(STREAM_TYPE).toBe('supervision');
    expect(supervisionStreamId(supervisionId)).toBe('supervision-sup-3');
  });

  it('walks a thematic supervision through repeated findings and signs of violation to escalation and closing', () => {
    const history = record([
      commands.startSupervision,
      commands.recordFindings,
      { type: 'recordFindings', data: { recordedOn: '2025-03-15', findings: 'Secretary holds an undeclared plot' }, metadata },
      commands.concludeSupervision,
      commands.escalateSupervision,
      commands.closeSupervision,
    ]);
    expect(history).toEqual([
      { type: 'SupervisionStarted', data: commands.startSupervision.data },
      { type: 'SupervisionFindingsRecorded', data: { supervisionId, ...commands.recordFindings.data } },
      { type: 'SupervisionFindingsRecorded', data: { supervisionId, recordedOn: '2025-03-15', findings: 'Secretary holds an undeclared plot' } },
      { type: 'SupervisionConcluded', data: { supervisionId, ...commands.concludeSupervision.data } },
      { type: 'SupervisionEscalated', data: { supervisionId, inspectionId: 'insp-1', escalatedOn: '2025-04-10' } },
      { type: 'SupervisionClosed', data: { supervisionId, closedOn: '2025-06-10' } },
    ]);
    expect(stateOf(history)).toMatchObject({ status: 'closed', inspectionId: 'insp-1', conclusion: { signsOfViolation: true } });
  });

  it('walks a regular supervision with no sign of violation to closing', () => {
    const regular = { ...commands.startSupervision, data: { ...commands.startSupervision.data, kind: 'regular' as const, topic: null } };
    const history = record([regular, commands.recordFindings, noSigns, commands.closeSupervision]);
    expect(stateOf(history)).toMatchObject({ status: 'closed', inspectionId: null, supervision: { kind: 'regular', topic: null } });
  });

  it('escalates only a supervision concluded with signs of violation', () => {
    expect(allowedSupervisionCommands(stateOf(histories['signs-of-violation']))).toContain('escalateSupervision');
    spec(supervisionDecider)
      .given(histories.concluded)
      .when(commands.escalateSupervision)
      .thenThrows(InvalidTransitionError, { details: { command: 'escalateSupervision', currentState: 'concluded', allowedCommands: ['closeSupervision'] } });
  });

  describe('refuses inconsistent input', () => {
    const cases: [string, SupervisionStatus, SupervisionCommand, string, string][] = [
      [
        'a thematic supervision without a topic',
        'not-started',
        { ...commands.startSupervision, data: { ...commands.startSupervision.data, topic: null } },
        'topic',
        'required-for-thematic',
      ],
      [
        'a start dated in the future',
        'not-started',
        { ...commands.startSupervision, data: { ...commands.startSupervision.data, startedOn: '2025-07-01' } },
        'startedOn',
        'not-in-future',
      ],
      [
        'an acting body with no organization',
        'not-started',
        { ...commands.startSupervision, data: { ...commands.startSupervision.data, body: { ...body, organizationId: '' } } },
        'body.organizationId',
        'not-blank',
      ],
      [
        'findings dated before the start',
        'under-way',
        { ...commands.recordFindings, data: { ...commands.recordFindings.data, recordedOn: '2025-01-31' } },
        'recordedOn',
        'not-before-last-act',
      ],
      ['blank findings', 'under-way', { ...commands.recordFindings, data: { ...commands.recordFindings.data, findings: ' ' } }, 'findings', 'not-blank'],
      [
        'a conclusion dated before the last findings',
        'under-way',
        { ...commands.concludeSupervision, data: { ...commands.concludeSupervision.data, concludedOn: '2025-02-28' } },
        'concludedOn',
        'not-before-last-act',
      ],
      [
        'an escalation without an inspection id',
        'signs-of-violation',
        { ...commands.escalateSupervision, data: { inspectionId: '', escalatedOn: '2025-04-10' } },
        'inspectionId',
        'not-blank',
      ],
    ];
    it.each(cases)('%s', (_name, status, command, field, rule) => {
      spec(supervisionDecider).given(histories[status]).when(command).thenThrows(InvalidInputError, { details: { field, rule } });
    });
  });

  describe('a command out of order is refused with the commands its state allows', () => {
    const cases = (Object.keys(histories) as SupervisionStatus[]).flatMap((status) =>
      supervisionMachine.commandTypes.map((type) => [status, type, allowedSupervisionCommands(stateOf(histories[status])).includes(type)] as const),
    );
    it.each(cases.filter(([, , allowed]) => !allowed))('in %s, refuses %s', (status, type) => {
      spec(supervisionDecider)
        .given(histories[status])
        .when(commands[type])
        .thenThrows(InvalidTransitionError, {
          code: 'invalid-transition',
          details: { command: type, currentState: status, allowedCommands: allowedSupervisionCommands(stateOf(histories[status])) },
        });
    });
    it.each(cases.filter(([, , allowed]) => allowed))('in %s, accepts %s', (status, type) => {
      expect(supervisionDecider.decide(commands[type], stateOf(histories[status]))).toHaveLength(1);
    });
    it('allows nothing once closed', () => {
      expect(allowedSupervisionCommands(stateOf(histories.closed))).toEqual([]);
    });
  });
});
