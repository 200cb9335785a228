import type { DecidingBody, MemberFacts } from '../../rulebook/index.js';
import { appealDecider, type AppealFile } from './appeal.decider.js';
import type { AppealCommand } from './appeal.commands.js';
import type { AppealEvent } from './appeal.events.js';
import { disciplineCaseDecider, type CaseFile, type IssuedDecision } from './discipline-case.decider.js';
import { appealOutcomeFollowUps, effectFollowUps } from './follow-ups.js';

const today = '2026-06-01';
const chain = [
  { organizationId: 'G', level: 'grassroots' },
  { organizationId: 'P', level: 'province' },
] as const;
const subject: MemberFacts = {
  kind: 'member',
  memberId: 'm-1',
  membership: 'full',
  holdsPost: false,
  organizations: chain,
  committeeSeats: [],
  managedByCommitteeOf: null,
};
const commission: DecidingBody = { organizationId: 'P', level: 'province', bodyKind: 'inspection-commission' };
const standing: DecidingBody = { organizationId: 'P', level: 'province', bodyKind: 'standing-committee' };

function underReview(form: 'warning' | 'expulsion'): AppealFile {
  const decider = appealDecider();
  const sanction = {
    caseId: 'c-1',
    form,
    decidingBody: commission,
    decisionNumber: '05-QĐ/UBKT',
    signedOn: '2025-09-01',
    ruleVersion: 'qd69-264-2025+qd296-2025',
  };
  const data = {
    appealId: 'a-1',
    appellant: { kind: 'member', memberId: 'm-1' },
    subject,
    sanction,
    receivedOn: '2025-09-05',
    filedOn: '2025-09-20',
    reviewingBody: standing,
    previousAppeals: [],
    handovers: [],
    confidentialTo: null,
  } as const;
  const state = decider.decide({ type: 'fileAppeal', data, metadata: { today } }, decider.initialState()).reduce(decider.evolve, decider.initialState());
  if (state.status !== 'under-review') throw new Error('appeal not under review');
  return state.appeal;
}
const decide = (appeal: AppealFile, command: Omit<AppealCommand, 'metadata'>): AppealEvent[] =>
  appealDecider().decide({ ...command, metadata: { today } } as AppealCommand, { status: 'under-review', appeal });

describe('what an appeal decision changes on the case and the member', () => {
  it('QĐ 117-QĐ/TW: an annulled expulsion records the outcome on the case and gives membership back', () => {
    const appeal = underReview('expulsion');
    const events = decide(appeal, {
      type: 'annulSanction',
      data: { decidedOn: '2025-11-10', decisionNumber: '31-QĐ/TU', announcedOn: '2025-11-12', reason: 'Sai thẩm quyền' },
    });
    expect(appealOutcomeFollowUps(appeal, events)).toEqual([
      { type: 'recordAppealOutcome', caseId: 'c-1', data: { appealId: 'a-1', outcome: 'annulled', form: null, announcedOn: '2025-11-12' } },
      { type: 'restoreMembership', memberId: 'm-1', data: { disciplineDecisionId: 'c-1', appealId: 'a-1', restoredOn: '2025-11-10' } },
    ]);
  });

  it('QĐ 117-QĐ/TW: an annulled warning restores nothing on the member record (planning eligibility and the rest stay on the appeal)', () => {
    const appeal = underReview('warning');
    const events = decide(appeal, {
      type: 'annulSanction',
      data: { decidedOn: '2025-11-10', decisionNumber: '31-QĐ/TU', announcedOn: '2025-11-10', reason: 'Không có vi phạm' },
    });
    expect(events.filter((e) => e.type === 'RestorationOrdered').map((e) => e.data)).toContainEqual(
      expect.objectContaining({ item: 'cadre-planning-eligibility' }),
    );
    expect(appealOutcomeFollowUps(appeal, events).map((f) => f.type)).toEqual(['recordAppealOutcome']);
  });

  it('Charter art. 36 cl. 5: an upheld or changed sanction is recorded on the case with the form now in force', () => {
    const appeal = underReview('expulsion');
    const changed = decide(appeal, {
      type: 'changeSanction',
      data: { form: 'warning', decidedOn: '2025-11-10', decisionNumber: '32-QĐ/TU', announcedOn: '2025-11-10' },
    });
    expect(appealOutcomeFollowUps(appeal, changed)).toEqual([
      { type: 'recordAppealOutcome', caseId: 'c-1', data: { appealId: 'a-1', outcome: 'changed', form: 'warning', announcedOn: '2025-11-10' } },
    ]);
    const upheld = decide(appeal, { type: 'upholdSanction', data: { decidedOn: '2025-11-10', decisionNumber: '33-QĐ/TU', announcedOn: '2025-11-10' } });
    expect(appealOutcomeFollowUps(appeal, upheld)).toEqual([
      { type: 'recordAppealOutcome', caseId: 'c-1', data: { appealId: 'a-1', outcome: 'upheld', form: null, announcedOn: '2025-11-10' } },
    ]);
  });

  it('Charter art. 39 cl. 6: an expulsion ends the membership on the day it takes effect; other forms leave the member record alone', () => {
    const decider = disciplineCaseDecider();
    const file = { caseId: 'c-1', subject } as CaseFile;
    const announced = decider.decide(
      { type: 'announceDecision', data: { announcedOn: '2025-09-05', voteResultAnnouncedOn: null }, metadata: { today } },
      {
        status: 'decided',
        file: { ...file, lastActOn: '2025-09-01' },
        decision: { form: 'expulsion', decidingBody: commission, ruleVersion: 'qd69-264-2025+qd296-2025', announcementDueOn: '2025-09-16' } as IssuedDecision,
      },
    );
    expect(effectFollowUps(file, { form: 'expulsion' } as IssuedDecision, announced)).toEqual([
      { type: 'recordExpulsion', memberId: 'm-1', data: { disciplineDecisionId: 'c-1', expelledOn: '2025-09-05' } },
    ]);
    expect(effectFollowUps(file, { form: 'warning' } as IssuedDecision, announced)).toEqual([]);
  });
});
