import { body, DISTRICT, GRASSROOTS, member } from '../../rulebook/rulebook.fixtures.js';
import { spec } from '../../shared/domain/decider-spec.js';
import { InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import type { DecidingBody, MemberFacts } from '../../rulebook/index.js';
import type { AppealCommand, FileAppeal } from './appeal.commands.js';
import { allowedAppealCommands, appealDecider, evolveAppeal } from './appeal.decider.js';
import type { AppealEvent } from './appeal.events.js';

const decider = appealDecider();
const today = '2026-06-01';
const subject = member({ holdsPost: true, managedByCommitteeOf: DISTRICT });
const commission = body(DISTRICT, 'inspection-commission');
const districtStanding: DecidingBody = { organizationId: 'D', level: 'district', bodyKind: 'standing-committee' };

function fileAppeal(overrides: Partial<FileAppeal['data']> = {}): FileAppeal {
  return {
    type: 'fileAppeal',
    metadata: { today },
    data: {
      appealId: 'a-1',
      appellant: { kind: 'member', memberId: 'm-1' },
      subject,
      sanction: {
        caseId: 'c-1',
        form: 'warning',
        decidingBody: commission,
        decisionNumber: '12-QĐ/UBKT',
        signedOn: '2023-06-01',
        ruleVersion: 'qd69-2022+qd22-2021',
      },
      receivedOn: '2023-06-10',
      filedOn: '2023-07-10',
      reviewingBody: districtStanding,
      previousAppeals: [],
      handovers: [],
      confidentialTo: null,
      ...overrides,
    },
  };
}
const cmd = (type: AppealCommand['type'], data: object) => ({ type, data, metadata: { today } }) as AppealCommand;
const [filed] = decider.decide(fileAppeal(), decider.initialState());
if (!filed) throw new Error('appeal not filed');

describe('appeal', () => {
  it("Charter art. 39 cl. 7: an appeal filed on the last day of the month goes to the commission's own committee, the sanction staying in force", () => {
    expect(filed).toMatchObject({
      type: 'AppealFiled',
      data: { windowLastDay: '2023-07-10', handlingDueOn: '2023-10-10', sanctionRemainsInForce: true, ruleVersion: 'qd69-2022+qd22-2021' },
    });
  });

  it('Charter art. 39 cl. 7: an appeal filed the day after the window is refused, showing the dates', () => {
    spec(decider)
      .given([])
      .when(fileAppeal({ filedOn: '2023-07-11' }))
      .thenThrows(RuleViolationError, {
        code: 'appeal-late',
        details: expect.objectContaining({ receivedOn: '2023-06-10', lastDay: '2023-07-10', filedOn: '2023-07-11' }) as never,
      });
  });

  it('QĐ 22 art. 22: an appeal filed on behalf of someone else is not admissible', () => {
    spec(decider)
      .given([])
      .when(fileAppeal({ appellant: { kind: 'member', memberId: 'm-2' } }))
      .thenThrows(RuleViolationError, { code: 'appeal-not-admissible', details: expect.objectContaining({ reason: 'filed-on-behalf-of-another' }) as never });
  });

  it('QĐ 22 art. 22: an appeal already being handled higher up is not admissible', () => {
    spec(decider)
      .given([])
      .when(fileAppeal({ previousAppeals: [{ appealId: 'a-0', reviewingBody: districtStanding, status: 'pending' }] }))
      .thenThrows(RuleViolationError, { code: 'appeal-not-admissible', details: expect.objectContaining({ reason: 'being-handled-higher-up' }) as never });
  });

  it('Charter art. 39 cl. 9: a warning already decided by the central inspection commission is not admissible again', () => {
    const cic: DecidingBody = { organizationId: 'C', level: 'central', bodyKind: 'central-inspection-commission' };
    spec(decider)
      .given([])
      .when(fileAppeal({ previousAppeals: [{ appealId: 'a-0', reviewingBody: cic, status: 'decided' }] }))
      .thenThrows(RuleViolationError, { code: 'appeal-not-admissible', details: expect.objectContaining({ reason: 'decided-at-final-level' }) as never });
  });

  it('Charter art. 39 cl. 7: an appeal skipping the next higher level is not admissible', () => {
    spec(decider)
      .given([])
      .when(fileAppeal({ reviewingBody: { organizationId: 'P', level: 'province', bodyKind: 'inspection-commission' } }))
      .thenThrows(RuleViolationError, { code: 'appeal-not-admissible', details: expect.objectContaining({ reason: 'not-the-next-higher-level' }) as never });
  });

  describe('HD 31-HD/BTCTW (2025): after a level is abolished, an appeal goes to the body that took over the appeals of the body the rules name', () => {
    const provinceStanding: DecidingBody = { organizationId: 'P', level: 'province', bodyKind: 'standing-committee' };
    const handover = { organizationId: 'D', bodyKind: 'standing-committee', successor: provinceStanding, from: '2023-07-01', decision: '1234-QĐ/TU' } as const;
    it('routes an appeal filed on the day of the handover to the successor, with a province-level handling deadline, and records the decision', () => {
      const [routed] = decider.decide(fileAppeal({ reviewingBody: provinceStanding, handovers: [handover] }), decider.initialState());
      expect(routed).toMatchObject({ type: 'AppealFiled', data: { reviewingBody: provinceStanding, handlingDueOn: '2023-10-10' } });
    });
    it('refuses the abolished body, naming the successor and the handover', () => {
      spec(decider)
        .given([])
        .when(fileAppeal({ handovers: [handover] }))
        .thenThrows(RuleViolationError, {
          code: 'appeal-not-admissible',
          details: expect.objectContaining({
            reason: 'not-the-next-higher-level',
            expected: expect.objectContaining({ organizationId: 'P', bodyKinds: ['standing-committee'], handedOverBy: handover }),
          }) as never,
        });
    });
    it('keeps an appeal filed the day before the handover with the body the rules name', () => {
      const [before] = decider.decide(fileAppeal({ filedOn: '2023-06-30', handovers: [handover] }), decider.initialState());
      expect(before).toMatchObject({ data: { reviewingBody: districtStanding } });
      spec(decider)
        .given([])
        .when(fileAppeal({ filedOn: '2023-06-30', reviewingBody: provinceStanding, handovers: [handover] }))
        .thenThrows(RuleViolationError, { code: 'appeal-not-admissible', details: expect.objectContaining({ reason: 'not-the-next-higher-level' }) as never });
    });
    it("routes an appeal against a grassroots committee's decision past the district whose committees handed their appeals over, to either of their successors", () => {
      const provinceExecutive: DecidingBody = { ...provinceStanding, bodyKind: 'executive-committee' };
      const handovers = [{ ...handover, bodyKind: 'executive-committee', successor: provinceExecutive }, handover] as const;
      const sanction = { ...fileAppeal().data.sanction, decidingBody: body(GRASSROOTS, 'executive-committee') };
      for (const reviewingBody of [provinceStanding, provinceExecutive]) {
        const [routed] = decider.decide(fileAppeal({ sanction, reviewingBody, handovers }), decider.initialState());
        expect(routed).toMatchObject({ data: { reviewingBody } });
      }
      spec(decider)
        .given([])
        .when(fileAppeal({ sanction, reviewingBody: { organizationId: 'D', level: 'district', bodyKind: 'executive-committee' }, handovers }))
        .thenThrows(RuleViolationError, {
          code: 'appeal-not-admissible',
          details: expect.objectContaining({
            expected: expect.objectContaining({ organizationId: 'P', bodyKinds: ['standing-committee', 'executive-committee'] }),
          }) as never,
        });
    });
    it('follows a chain of handovers', () => {
      const merged = {
        organizationId: 'P',
        bodyKind: 'standing-committee',
        successor: { ...provinceStanding, organizationId: 'P2' },
        from: '2023-07-05',
        decision: '1-QĐ/TW',
      } as const;
      const [routed] = decider.decide(fileAppeal({ reviewingBody: merged.successor, handovers: [handover, merged] }), decider.initialState());
      expect(routed).toMatchObject({ data: { reviewingBody: merged.successor } });
    });
  });

  it('Charter art. 36 cl. 5: the reviewing committee may uphold the sanction', () => {
    spec(decider)
      .given([filed])
      .when(cmd('upholdSanction', { decidedOn: '2023-09-01', decisionNumber: '40-QĐ/HU' }))
      .then([
        {
          type: 'SanctionUpheld',
          data: {
            decidedBy: districtStanding,
            decidedOn: '2023-09-01',
            decisionNumber: '40-QĐ/HU',
            afterHandlingDeadline: false,
            ruleVersion: 'qd69-2022+qd22-2021',
            form: 'warning',
          },
        },
      ]);
  });

  it('Charter art. 36 cl. 5: the reviewing committee may change the form within its authority', () => {
    spec(decider)
      .given([filed])
      .when(cmd('changeSanction', { form: 'reprimand', decidedOn: '2023-09-01', decisionNumber: '41-QĐ/HU' }))
      .then([
        {
          type: 'SanctionChanged',
          data: expect.objectContaining({ fromForm: 'warning', toForm: 'reprimand', authorityGrant: 'upper-committee-reprimand-warning' }) as never,
        },
      ]);
  });

  it("QĐ 22 art. 11: a change to a form beyond the reviewer's authority is referred upward", () => {
    const sameLevelCommitteeMember: MemberFacts = {
      ...subject,
      committeeSeats: [{ organizationId: 'D', level: 'district' }],
      managedByCommitteeOf: { organizationId: 'P', level: 'province' },
    };
    const [filedForMember] = decider.decide(fileAppeal({ subject: sameLevelCommitteeMember }), decider.initialState());
    if (!filedForMember) throw new Error('appeal not filed');
    spec(decider)
      .given([filedForMember])
      .when(cmd('changeSanction', { form: 'dismissal', decidedOn: '2023-09-01', decisionNumber: '42' }))
      .then([
        {
          type: 'AppealReferredUpward',
          data: expect.objectContaining({
            from: districtStanding,
            to: { organizationId: 'P', level: 'province', bodyKind: 'standing-committee' },
            proposedForm: 'dismissal',
            handlingDueOn: '2023-12-01',
          }) as never,
        },
      ]);
  });

  it('QĐ 117-QĐ/TW: annulling a dismissal orders the post or an equivalent and cadre-planning eligibility restored', () => {
    const [filedDismissal] = decider.decide(fileAppeal({ sanction: { ...fileAppeal().data.sanction, form: 'dismissal' } }), decider.initialState());
    if (!filedDismissal) throw new Error('appeal not filed');
    const events = decider.decide(
      cmd('annulSanction', { decidedOn: '2024-01-20', decisionNumber: '43', reason: 'violation not proven' }),
      [filedDismissal].reduce(evolveAppeal, decider.initialState()),
    );
    expect(events[0]).toMatchObject({ type: 'SanctionAnnulled', data: { form: 'dismissal', afterHandlingDeadline: true } });
    const items = events.filter((e): e is Extract<AppealEvent, { type: 'RestorationOrdered' }> => e.type === 'RestorationOrdered').map((e) => e.data.item);
    expect(items).toEqual(expect.arrayContaining(['post-or-equivalent', 'cadre-planning-eligibility']));
    expect(items).not.toContain('party-membership');
  });

  it('refuses a second decision on a decided appeal', () => {
    const upheld: AppealEvent = {
      type: 'SanctionUpheld',
      data: { decidedBy: districtStanding, decidedOn: '2023-09-01', decisionNumber: '40', afterHandlingDeadline: false, ruleVersion: 'x', form: 'warning' },
    };
    spec(decider)
      .given([filed, upheld])
      .when(cmd('annulSanction', { decidedOn: '2023-09-02', decisionNumber: '44', reason: 'r' }))
      .thenThrows(InvalidTransitionError);
    expect(allowedAppealCommands([filed, upheld].reduce(evolveAppeal, decider.initialState()))).toEqual([]);
  });
});
