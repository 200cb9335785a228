import { RuleViolationError } from '../shared/domain/errors.js';
import { appealHandlingDeadline, appealWindowEnd, isFinalLevel, nextReviewLevel, requireAppealInTime, restorationOnAnnulment } from './appeals.js';
import { defaultRulebook } from './rulebook.js';
import { body, CELL, CENTRAL, DISTRICT, GRASSROOTS, PROVINCE } from './rulebook.fixtures.js';

const v2019 = defaultRulebook().versionInForce('2019-06-01');
const v2023 = defaultRulebook().versionInForce('2023-05-10');
const chain = [CELL, GRASSROOTS, DISTRICT, PROVINCE, CENTRAL];

describe('appeals (Charter art. 39 cl. 7-9; QĐ 22 art. 22)', () => {
  it('Charter art. 39 cl. 7: an appeal filed on the last day of the month after receipt is in time', () => {
    const window = appealWindowEnd('2023-06-10', v2023);
    expect(window).toMatchObject({ lastDay: '2023-07-10', confirmed: false });
    expect(() => requireAppealInTime(window, '2023-07-10')).not.toThrow();
  });

  it('Charter art. 39 cl. 7: an appeal filed the day after the window closed is late, showing the dates', () => {
    const window = appealWindowEnd('2023-06-10', v2023);
    expect(() => requireAppealInTime(window, '2023-07-11')).toThrow(RuleViolationError);
    try {
      requireAppealInTime(window, '2023-07-11');
    } catch (error) {
      expect(error).toMatchObject({ code: 'appeal-late', details: { receivedOn: '2023-06-10', filedOn: '2023-07-11', lastDay: '2023-07-10' } });
    }
  });

  it('QĐ 22 art. 22: an appeal is handled within 3 months at province or district level and 6 at central level', () => {
    expect(appealHandlingDeadline('2023-07-01', 'district', v2023).dueOn).toBe('2023-10-01');
    expect(appealHandlingDeadline('2023-07-01', 'central', v2023).dueOn).toBe('2024-01-01');
  });

  it('QĐ 296 and HD 31-HD/BTCTW (2025): a district body receiving an appeal in June 2025, before its organization ended, has the three months of QĐ 22 (unconfirmed)', () => {
    const june2025 = defaultRulebook().versionInForce('2025-06-10');
    expect(june2025.id).toBe('qd69-264-2025+qd296-2025');
    expect(appealHandlingDeadline('2025-06-10', 'district', june2025)).toMatchObject({ dueOn: '2025-09-10', confirmed: false });
    expect(nextReviewLevel(body(GRASSROOTS, 'executive-committee'), chain, june2025)).toMatchObject({
      organizationId: 'D',
      bodyKinds: ['inspection-commission', 'standing-committee', 'executive-committee'],
    });
  });

  it('QĐ 30/2016: 90 working days below central level (Mon-Fri, no holiday calendar)', () => {
    expect(appealHandlingDeadline('2019-07-01', 'district', v2019)).toMatchObject({ period: { amount: 90, unit: 'working-days' }, dueOn: '2019-11-04' });
  });

  it("Charter art. 39 cl. 7: a commission's decision is appealed to its own committee; a cell's to the grassroots committee", () => {
    expect(nextReviewLevel(body(DISTRICT, 'inspection-commission'), chain, v2023)).toMatchObject({
      organizationId: 'D',
      bodyKinds: ['standing-committee', 'executive-committee'],
    });
    expect(nextReviewLevel(body(CELL, 'cell'), chain, v2023)).toMatchObject({ organizationId: 'G', level: 'grassroots' });
    expect(nextReviewLevel(body(DISTRICT, 'standing-committee'), chain, v2023)).toMatchObject({ organizationId: 'P' });
  });

  it('Charter art. 39 cl. 9: the central inspection commission is final for reprimand, warning and dismissal; the Secretariat for expulsion', () => {
    expect(isFinalLevel(body(CENTRAL, 'central-inspection-commission'), 'dismissal', v2023)).toBe(true);
    expect(isFinalLevel(body(CENTRAL, 'central-inspection-commission'), 'expulsion', v2023)).toBe(false);
    expect(isFinalLevel(body(CENTRAL, 'secretariat'), 'expulsion', v2023)).toBe(true);
  });

  it('QĐ 117-QĐ/TW: annulling a dismissal restores the post or an equivalent; annulling an expulsion restores membership', () => {
    expect(restorationOnAnnulment('dismissal', v2023).items).toContain('post-or-equivalent');
    expect(restorationOnAnnulment('expulsion', v2023).items).toEqual(expect.arrayContaining(['party-membership', 'cadre-planning-eligibility']));
    expect(restorationOnAnnulment('warning', v2023).items).not.toContain('post-or-equivalent');
  });
});
