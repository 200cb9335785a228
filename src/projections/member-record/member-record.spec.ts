import { disciplineCaseDecider, evolveDisciplineCase } from '../../discipline/domain/discipline-case.decider.js';
import type { DisciplineCaseCommand } from '../../discipline/domain/discipline-case.commands.js';
import type { DisciplineCaseEvent } from '../../discipline/domain/discipline-case.events.js';
import { body, CELL, member } from '../../rulebook/rulebook.fixtures.js';
import { defaultRulebook } from '../../rulebook/rulebook.js';
import { evolveMemberRecord, initialMemberRecord, memberRecordView, type MemberRecordState } from './member-record.js';

const rulebook = defaultRulebook();
const decider = disciplineCaseDecider(rulebook);
const cell = body(CELL, 'cell');

/** One case's events, produced by the decider command by command. */
function caseEvents(caseId: string, commands: readonly [DisciplineCaseCommand['type'], unknown][]): DisciplineCaseEvent[] {
  const events: DisciplineCaseEvent[] = [];
  for (const [type, data] of commands) {
    const command = { type, data, metadata: { today: '2026-06-01' } } as DisciplineCaseCommand;
    events.push(...decider.decide(command, events.reduce(evolveDisciplineCase, decider.initialState())));
  }
  return events;
}

const opening = (caseId: string, committedOn: string): [DisciplineCaseCommand['type'], unknown][] => [
  ['openDisciplineCase', { caseId, openedOn: '2023-03-01', inspectionId: null, subject: member(), confidentialTo: null }],
  [
    'recordViolation',
    { violationId: `v-${caseId}`, description: 'misuse of funds', committedOn, level: 'warning', graveOffences: [], concernsTaskAssignedByHigherLevel: false },
  ],
];
const warned = caseEvents('c-1', [
  ...opening('c-1', '2022-11-02'),
  [
    'recordBallot',
    {
      ballot: {
        stage: 'decision',
        body: cell,
        heldOn: '2023-04-10',
        fullMembers: 9,
        excluded: [],
        present: 9,
        votes: { warning: 6 },
        againstDiscipline: 0,
        abstentions: 0,
      },
    },
  ],
  ['imposeSanction', { form: 'warning', decidingBody: cell, decisionNumber: '1-QĐ/CB', signedOn: '2023-04-12', especiallySerious: false }],
  ['announceDecision', { announcedOn: '2023-04-20', voteResultAnnouncedOn: null }],
]);

function fold(streams: Readonly<Record<string, readonly DisciplineCaseEvent[]>>): MemberRecordState {
  return Object.entries(streams)
    .flatMap(([streamId, events]) => events.map((event) => ({ streamId, type: event.type, data: event.data as Record<string, unknown> })))
    .reduce(evolveMemberRecord, initialMemberRecord('m-1'));
}

describe('member record: legal states that time alone changes', () => {
  it('QĐ 69 art. 2 cl. 5: a warning is in effect the day before its lapse date and lapsed from that day, with no lapse recorded', () => {
    const record = fold({ 'discipline-case-c-1': warned });
    expect(memberRecordView(record, '2024-04-19', rulebook).sanctions).toMatchObject({
      inEffect: [{ caseId: 'c-1', lapsesOn: '2024-04-20', lapsedOn: null }],
      lapsed: [],
    });
    expect(memberRecordView(record, '2024-04-20', rulebook).sanctions).toMatchObject({
      inEffect: [],
      lapsed: [{ caseId: 'c-1', status: 'lapsed', lapsedOn: '2024-04-20' }],
    });
  });

  it('QĐ 69 art. 2 cl. 5: a new violation within the 12 months, recorded in another case, keeps the warning in effect', () => {
    const record = fold({ 'discipline-case-c-1': warned, 'discipline-case-c-2': caseEvents('c-2', opening('c-2', '2023-10-01')) });
    expect(memberRecordView(record, '2024-06-01', rulebook).sanctions).toMatchObject({ inEffect: [{ caseId: 'c-1', lapsesOn: null }], lapsed: [] });
  });

  it('QĐ 69 art. 2 cl. 5: a pending appeal holds the lapse; the decision on appeal starts the 12 months again', () => {
    const filed: DisciplineCaseEvent = { type: 'AppealAgainstDecisionFiled', data: { appealId: 'a-1', filedOn: '2023-05-02' } };
    const upheld: DisciplineCaseEvent = { type: 'AppealOutcomeApplied', data: { appealId: 'a-1', outcome: 'upheld', form: null, announcedOn: '2023-07-01' } };
    expect(memberRecordView(fold({ 'discipline-case-c-1': [...warned, filed] }), '2024-05-01', rulebook).sanctions.inEffect).toHaveLength(1);
    const decided = memberRecordView(fold({ 'discipline-case-c-1': [...warned, filed, upheld] }), '2024-05-01', rulebook);
    expect(decided.sanctions.inEffect).toMatchObject([{ lapsesOn: '2024-07-01' }]);
    expect(memberRecordView(fold({ 'discipline-case-c-1': [...warned, filed, upheld] }), '2024-07-01', rulebook).sanctions.lapsed).toHaveLength(1);
  });

  it('QĐ 80-QĐ/TW: the planning bar of a lapsed warning still runs its 30 months from the effective date', () => {
    const view = memberRecordView(fold({ 'discipline-case-c-1': warned }), '2024-05-01', rulebook);
    expect(view.sanctions.lapsed).toMatchObject([{ planningBar: { barredUntil: '2025-10-20' } }]);
    expect(view.cadrePlanning).toMatchObject({ barredUntil: '2025-10-20' });
  });

  it('QĐ 80-QĐ/TW and QĐ 117-QĐ/TW: the record shows each planning list with its acts, and the member off the list between removal and restoration', () => {
    const list = { planningListId: 'l-1', organizationId: 'd-1', target: 'department-heads', term: { fromYear: 2020, toYear: 2025 } };
    const acts = [
      { type: 'MemberAddedToPlanning', data: { planningListId: 'l-1', memberId: 'm-1', addedOn: '2023-01-05', decision: '5-QĐ/HU', list } },
      {
        type: 'MemberRemovedFromPlanning',
        data: { planningListId: 'l-1', memberId: 'm-1', removedOn: '2023-04-20', reason: 'discipline', decision: '1-QĐ/CB', disciplineDecisionId: 'c-1', list },
      },
      {
        type: 'MemberRestoredToPlanning',
        data: { planningListId: 'l-1', memberId: 'm-1', restoredOn: '2023-09-01', disciplineDecisionId: 'c-1', appealId: 'a-1', list },
      },
    ].map((event) => ({ streamId: 'planning-list-l-1', ...event }));
    const record = acts.reduce(evolveMemberRecord, initialMemberRecord('m-1'));
    expect(memberRecordView(record, '2022-12-31', rulebook).cadrePlanning.lists).toEqual([]);
    expect(memberRecordView(record, '2023-05-01', rulebook).cadrePlanning.lists).toMatchObject([
      { planningListId: 'l-1', target: 'department-heads', status: 'removed', acts: [{ act: 'added' }, { act: 'removed', disciplineDecisionId: 'c-1' }] },
    ]);
    expect(memberRecordView(record, '2023-09-01', rulebook).cadrePlanning.lists).toMatchObject([
      { status: 'in-planning', acts: [{}, {}, { act: 'restored', appealId: 'a-1' }] },
    ]);
  });
});
