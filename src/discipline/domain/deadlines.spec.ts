import { body, DISTRICT, member } from '../../rulebook/rulebook.fixtures.js';
import { appealDecider } from './appeal.decider.js';
import { disciplineDeadlines } from './deadlines.js';
import type { DisciplineCaseEvent } from './discipline-case.events.js';

const subject = member({ holdsPost: true });
const commission = body(DISTRICT, 'inspection-commission');
const opened: DisciplineCaseEvent = { type: 'DisciplineCaseOpened', data: { caseId: 'c-1', openedOn: '2023-03-01', inspectionId: null, subject } };
const violation: DisciplineCaseEvent = {
  type: 'ViolationRecorded',
  data: { violationId: 'v-1', description: 'd', committedOn: '2019-05-02', level: 'reprimand', graveOffences: [], concernsTaskAssignedByHigherLevel: false },
};
const issued: DisciplineCaseEvent = {
  type: 'DisciplineDecisionIssued',
  data: {
    form: 'warning',
    decidingBody: commission,
    decisionNumber: '12',
    signedOn: '2023-06-01',
    ruleVersion: 'qd69-2022+qd22-2021',
    authorityGrant: 'g',
    limitationLastDate: null,
    announcementDueOn: '2023-06-16',
    citations: [],
  },
};
const announced: DisciplineCaseEvent = {
  type: 'DisciplineDecisionAnnounced',
  data: {
    announcedOn: '2023-06-10',
    effectiveOn: '2023-06-10',
    basis: 'announcement',
    announcementDueOn: '2023-06-16',
    announcedLate: false,
    ruleVersion: 'qd69-2022+qd22-2021',
  },
};

describe('deadlines derived from events', () => {
  it('QĐ 69 art. 4 cl. 2: while the case is open, the limitation date of its harshest violation', () => {
    expect(disciplineDeadlines([opened, violation])).toEqual([
      expect.objectContaining({ kind: 'limitation', dueOn: '2024-05-02', ruleVersion: 'qd69-2022+qd22-2021' }),
    ]);
  });

  it('QĐ 30/2016 figure: once signed, the 15-day announcement deadline (flagged unconfirmed under QĐ 22)', () => {
    expect(disciplineDeadlines([opened, violation, issued])).toEqual([
      expect.objectContaining({ kind: 'announcement', dueOn: '2023-06-16', confirmed: false }),
    ]);
  });

  it('Charter art. 39; QĐ 69 art. 2 cl. 5; QĐ 296 art. 8: in effect, the appeal window, the state notice and the lapse date', () => {
    expect(disciplineDeadlines([opened, violation, issued, announced]).map((d) => [d.kind, d.dueOn])).toEqual([
      ['state-notice', '2023-06-15'],
      ['appeal-window', '2023-07-10'],
      ['lapse', '2024-06-10'],
    ]);
  });

  it("QĐ 22 art. 22: a pending appeal adds its handling deadline, and the sanction's deadlines stay (no suspension)", () => {
    const appeal = appealDecider().decide(
      {
        type: 'fileAppeal',
        metadata: { today: '2026-01-01' },
        data: {
          appealId: 'a-1',
          appellant: { kind: 'member', memberId: 'm-1' },
          subject,
          sanction: {
            caseId: 'c-1',
            form: 'warning',
            decidingBody: commission,
            decisionNumber: '12',
            signedOn: '2023-06-01',
            ruleVersion: 'qd69-2022+qd22-2021',
          },
          receivedOn: '2023-06-10',
          filedOn: '2023-06-20',
          reviewingBody: { organizationId: 'D', level: 'district', bodyKind: 'standing-committee' },
          previousAppeals: [],
          handovers: [],
          confidentialTo: null,
        },
      },
      { status: 'none' },
    );
    const kinds = disciplineDeadlines([opened, violation, issued, announced], [appeal]).map((d) => [d.kind, d.dueOn]);
    expect(kinds).toContainEqual(['appeal-handling', '2023-09-20']);
    expect(kinds).toContainEqual(['lapse', '2024-06-10']);
  });

  it('QĐ 69 art. 2 cl. 5: while an appeal noted on the case is pending there is no lapse date; the decision on appeal starts it again', () => {
    const filed: DisciplineCaseEvent = { type: 'AppealAgainstDecisionFiled', data: { appealId: 'a-1', filedOn: '2023-06-20' } };
    const upheld: DisciplineCaseEvent = { type: 'AppealOutcomeApplied', data: { appealId: 'a-1', outcome: 'upheld', form: null, announcedOn: '2023-09-15' } };
    expect(disciplineDeadlines([opened, violation, issued, announced, filed]).map((d) => d.kind)).not.toContain('lapse');
    expect(disciplineDeadlines([opened, violation, issued, announced, filed, upheld])).toContainEqual(
      expect.objectContaining({ kind: 'lapse', dueOn: '2024-09-15' }),
    );
  });
});
