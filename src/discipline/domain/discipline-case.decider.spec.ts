import { body, CELL, DISTRICT, member } from '../../rulebook/rulebook.fixtures.js';
import { spec } from '../../shared/domain/decider-spec.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import type { Ballot, DecidingBody } from '../../rulebook/index.js';
import type { DisciplineCaseCommand } from './discipline-case.commands.js';
import { allowedDisciplineCaseCommands, disciplineCaseDecider, evolveDisciplineCase } from './discipline-case.decider.js';
import type { DisciplineCaseEvent } from './discipline-case.events.js';

const decider = disciplineCaseDecider();
const today = '2026-06-01';
const cmd = <T extends DisciplineCaseCommand['type']>(type: T, data: Extract<DisciplineCaseCommand, { type: T }>['data']) =>
  ({ type, data, metadata: { today } }) as Extract<DisciplineCaseCommand, { type: T }>;

const subject = member({ holdsPost: true });
const cell = body(CELL, 'cell');
const commission = body(DISTRICT, 'inspection-commission');

const opened: DisciplineCaseEvent = { type: 'DisciplineCaseOpened', data: { caseId: 'c-1', openedOn: '2023-03-01', inspectionId: 'i-1', subject } };
const violation = (committedOn: string, level: 'reprimand' | 'warning' | 'dismissal' | 'expulsion' = 'warning'): DisciplineCaseEvent => ({
  type: 'ViolationRecorded',
  data: {
    violationId: `v-${committedOn}`,
    description: 'misuse of public funds',
    committedOn,
    level,
    graveOffences: [],
    concernsTaskAssignedByHigherLevel: false,
  },
});

function ballot(body: DecidingBody, heldOn: string, votes: Ballot['votes'], stage: Ballot['stage'] = 'proposal', counted = 11): Ballot {
  return { stage, body, heldOn, fullMembers: counted, excluded: [], present: counted, votes, againstDiscipline: 0, abstentions: 0 };
}
function recorded(b: Ballot): DisciplineCaseEvent {
  const events = decider.decide(
    { type: 'recordBallot', data: { ballot: b }, metadata: { today } },
    [opened].reduce(evolveDisciplineCase, decider.initialState()),
  );
  const [event] = events;
  if (!event) throw new Error('no ballot event');
  return event;
}
const cellWarning = recorded(ballot(cell, '2023-04-10', { expulsion: 3, dismissal: 2, warning: 2, reprimand: 2 }));
const impose = (form: 'warning' | 'dismissal' | 'expulsion', decidingBody: DecidingBody, signedOn = '2023-04-12') =>
  cmd('imposeSanction', { form, decidingBody, decisionNumber: '12-QĐ/CB', signedOn, especiallySerious: false });

describe('discipline case', () => {
  it('QĐ 22 art. 15: recording a ballot pins the counted outcome and the rule version (cộng dồn → warning)', () => {
    expect(cellWarning).toMatchObject({ type: 'BallotRecorded', data: { ruleVersion: 'qd69-2022+qd22-2021', tally: { outcome: 'warning', counted: 11 } } });
  });

  it('Charter art. 36: a cell that voted a warning issues it; the decision pins the rule version and the limitation date', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), cellWarning])
      .when(impose('warning', cell))
      .then([
        {
          type: 'DisciplineDecisionIssued',
          data: expect.objectContaining({
            form: 'warning',
            ruleVersion: 'qd69-2022+qd22-2021',
            authorityGrant: 'cell-reprimand-warning',
            limitationLastDate: '2030-01-15',
            announcementDueOn: '2023-04-22',
          }) as never,
        },
      ]);
  });

  it('QĐ 22 art. 11: a cell cannot dismiss; the refusal names the grassroots committee that may decide', () => {
    const b = recorded(ballot(cell, '2023-04-10', { dismissal: 6 }));
    spec(decider)
      .given([opened, violation('2020-01-15'), b])
      .when(impose('dismissal', cell))
      .thenThrows(RuleViolationError, {
        code: 'no-authority',
        details: expect.objectContaining({ referTo: expect.objectContaining({ organizationId: 'D' }) }) as never,
      });
  });

  it('QĐ 22 art. 15: the form must be the one the ballot decided', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), cellWarning])
      .when(cmd('imposeSanction', { form: 'reprimand', decidingBody: cell, decisionNumber: '1', signedOn: '2023-04-12', especiallySerious: false }))
      .thenThrows(RuleViolationError, { code: 'form-differs-from-ballot', details: expect.objectContaining({ ballotOutcome: 'warning' }) as never });
  });

  it('QĐ 22 art. 15: a ballot where nothing reaches the threshold decides nothing', () => {
    const none = recorded(ballot(cell, '2023-04-10', { warning: 2, reprimand: 3 }));
    spec(decider)
      .given([opened, violation('2020-01-15'), none])
      .when(impose('warning', cell))
      .thenThrows(RuleViolationError, { code: 'vote-below-threshold' });
  });

  it('Charter art. 38 cl. 3: expulsion by the commission needs the two-thirds proposal first, then more than half', () => {
    const decision = recorded(ballot(commission, '2023-04-20', { expulsion: 5 }, 'decision', 9));
    const weakProposal = recorded(ballot(cell, '2023-04-10', { expulsion: 7, reprimand: 5 }, 'proposal', 12));
    const proposal = recorded(ballot(cell, '2023-04-10', { expulsion: 8, reprimand: 4 }, 'proposal', 12));
    spec(decider)
      .given([opened, violation('2022-01-15', 'expulsion'), weakProposal, decision])
      .when(impose('expulsion', commission, '2023-04-21'))
      .thenThrows(RuleViolationError, {
        code: 'vote-below-threshold',
      });
    expect(
      decider.decide(
        impose('expulsion', commission, '2023-04-21'),
        [opened, violation('2022-01-15', 'expulsion'), proposal, decision].reduce(evolveDisciplineCase, decider.initialState()),
      ),
    ).toMatchObject([
      { type: 'DisciplineDecisionIssued', data: { form: 'expulsion', authorityGrant: 'inspection-commission-all-forms', limitationLastDate: null } },
    ]);
  });

  it('QĐ 69 art. 4 cl. 2: a warning-level violation concluded on the 10th anniversary may still be disciplined', () => {
    const b = recorded(ballot(cell, '2023-04-10', { warning: 6 }));
    expect(decider.decide(impose('warning', cell), [opened, violation('2013-04-10'), b].reduce(evolveDisciplineCase, decider.initialState()))[0]).toMatchObject(
      {
        data: { limitationLastDate: '2023-04-10' },
      },
    );
  });

  it('QĐ 69 art. 4 cl. 2: concluded the day after the 10th anniversary, the warning is refused as limitation-expired', () => {
    const b = recorded(ballot(cell, '2023-04-10', { warning: 6 }));
    spec(decider)
      .given([opened, violation('2013-04-09'), b])
      .when(impose('warning', cell))
      .thenThrows(RuleViolationError, {
        code: 'limitation-expired',
        details: expect.objectContaining({ lastDate: '2023-04-09', concludedOn: '2023-04-10' }) as never,
      });
  });

  it('HD 08-HD/TW: when the limitation period has expired the case ends with a notice of the form that would apply', () => {
    const b = recorded(ballot(cell, '2023-04-10', { warning: 6 }));
    spec(decider)
      .given([opened, violation('2013-04-09'), b])
      .when(cmd('issueLimitationExpiredNotice', { noticeNumber: 'TB-3', issuedOn: '2023-04-15', issuedBy: cell }))
      .then([
        {
          type: 'NotDisciplinedLimitationExpired',
          data: expect.objectContaining({ formThatWouldApply: 'warning', limitationLastDate: '2023-04-09', concludedOn: '2023-04-10' }) as never,
        },
      ]);
  });

  it('HD 08-HD/TW: a limitation notice is refused while the period runs', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), cellWarning])
      .when(cmd('issueLimitationExpiredNotice', { noticeNumber: 'TB-3', issuedOn: '2023-04-15', issuedBy: cell }))
      .thenThrows(RuleViolationError, { code: 'limitation-not-expired' });
  });

  it('QĐ 69 art. 2 cl. 14: no decision while a member is on maternity leave', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), { type: 'DeferralGroundRecorded', data: { ground: 'maternity-leave', since: '2023-03-20' } }, cellWarning])
      .when(impose('warning', cell))
      .thenThrows(RuleViolationError, { code: 'deferral-active' });
  });

  it('QĐ 69 art. 2 cl. 14: no ballot is held on a day inside a ground of "not yet considered" (chưa xem xét)', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), { type: 'DeferralGroundRecorded', data: { ground: 'maternity-leave', since: '2023-03-20' } }])
      .when(cmd('recordBallot', { ballot: ballot(cell, '2023-04-10', { warning: 7 }) }))
      .thenThrows(RuleViolationError, {
        code: 'deferral-active',
        details: expect.objectContaining({ act: 'ballot', on: '2023-04-10', citation: expect.objectContaining({ article: 'art. 2 cl. 14' }) }) as never,
      });
  });

  it('QĐ 69 art. 2 cl. 14: once the ground is lifted the ballot is recorded', () => {
    spec(decider)
      .given([
        opened,
        violation('2020-01-15'),
        { type: 'DeferralGroundRecorded', data: { ground: 'maternity-leave', since: '2023-03-20' } },
        { type: 'DeferralGroundLifted', data: { ground: 'maternity-leave', liftedOn: '2023-04-01' } },
      ])
      .when(cmd('recordBallot', { ballot: ballot(cell, '2023-04-10', { warning: 7 }) }))
      .then([{ type: 'BallotRecorded', data: expect.objectContaining({ tally: expect.objectContaining({ outcome: 'warning' }) }) as never }]);
  });

  it('QĐ 69 art. 2 cl. 14: a decision after the ground ends may not rest on a ballot held while it was active', () => {
    spec(decider)
      .given([
        opened,
        violation('2020-01-15'),
        cellWarning,
        { type: 'DeferralGroundRecorded', data: { ground: 'serious-illness-in-hospital', since: '2023-04-01' } },
        { type: 'DeferralGroundLifted', data: { ground: 'serious-illness-in-hospital', liftedOn: '2023-04-11' } },
      ])
      .when(impose('warning', cell, '2023-04-12'))
      .thenThrows(RuleViolationError, { code: 'deferral-active', details: expect.objectContaining({ act: 'decision', on: '2023-04-10' }) as never });
  });

  it('HD 02-HD/TW: a deceased member is not disciplined, but the body still concludes and votes', () => {
    spec(decider)
      .given([opened, violation('2020-01-15'), { type: 'DeferralGroundRecorded', data: { ground: 'deceased', since: '2023-03-20' } }])
      .when(cmd('recordBallot', { ballot: ballot(cell, '2023-04-10', { warning: 7 }) }))
      .then([{ type: 'BallotRecorded', data: expect.objectContaining({ ruleVersion: 'qd69-2022+qd22-2021' }) as never }]);
  });

  it('QĐ 69 art. 7: a member without a post cannot be dismissed', () => {
    const noPost: DisciplineCaseEvent = { type: 'DisciplineCaseOpened', data: { ...opened.data, subject: { ...subject, holdsPost: false } } as never };
    spec(decider)
      .given([noPost, violation('2020-01-15')])
      .when(impose('dismissal', commission))
      .thenThrows(RuleViolationError, { code: 'form-not-allowed' });
  });

  const issued = decider.decide(impose('warning', cell), [opened, violation('2020-01-15'), cellWarning].reduce(evolveDisciplineCase, decider.initialState()));
  const decided = [opened, violation('2020-01-15'), cellWarning, ...issued];

  it("Charter art. 39 cl. 6: a cell's decision takes effect when the cell announces the vote result", () => {
    spec(decider)
      .given(decided)
      .when(cmd('announceDecision', { announcedOn: '2023-04-25', voteResultAnnouncedOn: '2023-04-10' }))
      .then([
        {
          type: 'DisciplineDecisionAnnounced',
          data: {
            announcedOn: '2023-04-25',
            effectiveOn: '2023-04-10',
            basis: 'cell-vote-result-announcement',
            announcementDueOn: '2023-04-22',
            announcedLate: true,
            ruleVersion: 'qd69-2022+qd22-2021',
          },
        },
      ]);
  });

  it('Charter art. 39 cl. 6: a refusal to receive is minuted and the decision takes effect', () => {
    const events = decider.decide(cmd('minuteRefusalToReceive', { minutedOn: '2023-04-20' }), decided.reduce(evolveDisciplineCase, decider.initialState()));
    expect(events.map((e) => e.type)).toEqual(['ReceiptRefusalMinuted', 'DisciplineDecisionAnnounced']);
    expect(events[1]).toMatchObject({ data: { basis: 'refusal-to-receive-minuted', effectiveOn: '2023-04-20' } });
  });

  const announced: DisciplineCaseEvent = {
    type: 'DisciplineDecisionAnnounced',
    data: {
      announcedOn: '2023-04-20',
      effectiveOn: '2023-04-20',
      basis: 'announcement',
      announcementDueOn: '2023-04-22',
      announcedLate: false,
      ruleVersion: 'qd69-2022+qd22-2021',
    },
  };

  it('QĐ 69 art. 2 cl. 5: a lapse recorded before 12 months is refused with the lapse date', () => {
    spec(decider)
      .given([...decided, announced])
      .when(cmd('recordLapse', { on: '2024-04-19' }))
      .thenThrows(RuleViolationError, { code: 'lapse-not-reached', details: expect.objectContaining({ lapsesOn: '2024-04-20' }) as never });
  });

  it('QĐ 69 art. 2 cl. 5: the decision lapses 12 months after its announcement', () => {
    spec(decider)
      .given([...decided, announced])
      .when(cmd('recordLapse', { on: '2024-05-02' }))
      .then([
        {
          type: 'DisciplineDecisionLapsed',
          data: {
            lapsedOn: '2024-04-20',
            recordedOn: '2024-05-02',
            ruleVersion: 'qd69-2022+qd22-2021',
            citation: expect.objectContaining({ article: 'art. 2 cl. 5' }) as never,
          },
        },
      ]);
  });

  it('QĐ 69 art. 2 cl. 5: the lapse runs from the announcement of the decision on appeal', () => {
    spec(decider)
      .given([...decided, announced, { type: 'AppealOutcomeApplied', data: { appealId: 'a-1', outcome: 'upheld', form: null, announcedOn: '2023-09-01' } }])
      .when(cmd('recordLapse', { on: '2024-05-02' }))
      .thenThrows(RuleViolationError, { code: 'lapse-not-reached', details: expect.objectContaining({ lapsesOn: '2024-09-01' }) as never });
  });

  it('QĐ 69 art. 2 cl. 5: no lapse is recorded while an appeal against the decision is pending', () => {
    spec(decider)
      .given([...decided, announced, { type: 'AppealAgainstDecisionFiled', data: { appealId: 'a-1', filedOn: '2023-05-02' } }])
      .when(cmd('recordLapse', { on: '2024-05-02' }))
      .thenThrows(RuleViolationError, { code: 'lapse-interrupted', details: expect.objectContaining({ heldBy: { appealPending: true } }) as never });
  });

  it('QĐ 296 art. 8: matching action proposed to the state body after the 5-day deadline is recorded as late', () => {
    spec(decider)
      .given([...decided, announced])
      .when(cmd('recordStateActionProposal', { stateBody: "District People's Committee", proposedOn: '2023-04-26' }))
      .then([{ type: 'StateMatchingActionProposed', data: expect.objectContaining({ dueOn: '2023-04-25', withinDeadline: false }) as never }]);
  });

  it('Charter art. 39 cl. 7: an appeal filed against a decision in effect is noted on the case, the sanction staying in force', () => {
    const filed: DisciplineCaseEvent = { type: 'AppealAgainstDecisionFiled', data: { appealId: 'a-1', filedOn: '2023-05-02' } };
    spec(decider)
      .given([...decided, announced])
      .when(cmd('recordAppealFiled', { appealId: 'a-1', filedOn: '2023-05-02' }))
      .then([filed]);
    expect([...decided, announced, filed].reduce(evolveDisciplineCase, decider.initialState())).toMatchObject({
      status: 'in-effect',
      file: { appealIds: ['a-1'] },
    });
    spec(decider)
      .given([...decided, announced, filed])
      .when(cmd('recordAppealFiled', { appealId: 'a-1', filedOn: '2023-05-03' }))
      .thenThrows(InvalidInputError, { details: { field: 'appealId', rule: 'not-already-filed' } });
  });

  it('a case opened as confidential records the body considering it; an older case without the field is an ordinary one', () => {
    const open = (confidentialTo: { organizationId: string; bodyKind: 'inspection-commission' } | null) =>
      cmd('openDisciplineCase', { caseId: 'c-2', openedOn: '2023-03-01', inspectionId: null, subject, confidentialTo });
    const confidential = { organizationId: DISTRICT.organizationId, bodyKind: 'inspection-commission' } as const;
    spec(decider)
      .given([])
      .when(open(confidential))
      .then([{ type: 'DisciplineCaseOpened', data: { caseId: 'c-2', openedOn: '2023-03-01', inspectionId: null, subject, confidentialTo: confidential } }]);
    const state = evolveDisciplineCase(decider.initialState(), opened);
    expect(state.status === 'open' && state.file.confidentialTo).toBeNull();
  });

  it("a confidential case is considered by a body of the subject's organization or one above it, not a stranger's", () => {
    spec(decider)
      .given([])
      .when(
        cmd('openDisciplineCase', {
          caseId: 'c-2',
          openedOn: '2023-03-01',
          inspectionId: null,
          subject,
          confidentialTo: { organizationId: 'elsewhere', bodyKind: 'inspection-commission' },
        }),
      )
      .thenThrows(InvalidInputError, { details: { field: 'confidentialTo.organizationId', rule: 'subject-organization-or-above' } });
  });

  it('refuses commands out of order, listing the allowed ones', () => {
    spec(decider)
      .given([opened])
      .when(cmd('recordLapse', { on: '2024-05-02' }))
      .thenThrows(InvalidTransitionError, { details: expect.objectContaining({ currentState: 'open' }) as never });
    expect(allowedDisciplineCaseCommands(decided.reduce(evolveDisciplineCase, decider.initialState()))).toEqual(['announceDecision', 'minuteRefusalToReceive']);
  });
});
