import { RuleViolationError } from '../shared/domain/errors.js';
import { limitationExpiredOn, limitationLastDate, requireWithinLimitation } from './limitation.js';
import { defaultRulebook } from './rulebook.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');
const plain = (committedOn: string) => ({ committedOn, graveOffences: [] });

describe('limitation periods (QĐ 69 art. 4 cl. 2)', () => {
  it('QĐ 69 art. 4 cl. 2: a reprimand-level violation of a member may still be disciplined on the 5th anniversary of its commission', () => {
    const computation = limitationLastDate([plain('2018-03-10')], 'member', 'reprimand', v2023);
    expect(computation).toMatchObject({ lastDate: '2023-03-10', period: { amount: 5, unit: 'years' }, ruleVersion: v2023.id });
    expect(limitationExpiredOn(computation, '2023-03-10')).toBe(false);
  });

  it('QĐ 69 art. 4 cl. 2: a reprimand-level violation of a member can no longer be disciplined 5 years after it was committed', () => {
    const computation = limitationLastDate([plain('2018-03-10')], 'member', 'reprimand', v2023);
    expect(limitationExpiredOn(computation, '2023-03-11')).toBe(true);
    expect(() => requireWithinLimitation(computation, '2023-03-11')).toThrow(RuleViolationError);
    try {
      requireWithinLimitation(computation, '2023-03-11');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'limitation-expired',
        details: { lastDate: '2023-03-10', concludedOn: '2023-03-11', citation: { article: 'art. 4 cl. 2' } },
      });
    }
  });

  it('QĐ 69 art. 4 cl. 2: warning- and dismissal-level violations of a member run 10 years', () => {
    expect(limitationLastDate([plain('2013-06-01')], 'member', 'warning', v2023).lastDate).toBe('2023-06-01');
    expect(limitationLastDate([plain('2013-06-01')], 'member', 'dismissal', v2023).lastDate).toBe('2023-06-01');
  });

  it('QĐ 69 art. 4 cl. 2: an expulsion-level violation has no limitation period', () => {
    expect(limitationLastDate([plain('1990-01-01')], 'member', 'expulsion', v2023)).toMatchObject({
      lastDate: null,
      noLimitationBecause: { formLevel: 'expulsion' },
    });
  });

  it('QĐ 69 art. 4 cl. 2: a member using unlawful diplomas has no limitation period, whatever the level', () => {
    const computation = limitationLastDate([{ committedOn: '2001-01-01', graveOffences: ['unlawful-diplomas'] }], 'member', 'reprimand', v2023);
    expect(computation).toMatchObject({ lastDate: null, noLimitationBecause: { graveOffence: 'unlawful-diplomas' } });
  });

  it('QĐ 69 art. 4 cl. 2: the diplomas exception is for members only; an organization keeps its period', () => {
    expect(limitationLastDate([{ committedOn: '2015-01-01', graveOffences: ['unlawful-diplomas'] }], 'organization', 'reprimand', v2023).lastDate).toBe(
      '2020-01-01',
    );
  });

  it('QĐ 69 art. 4 cl. 2: internal-politics offences of an organization have no limitation period; dissolution-level neither', () => {
    expect(limitationLastDate([{ committedOn: '2001-01-01', graveOffences: ['internal-politics'] }], 'organization', 'warning', v2023).lastDate).toBeNull();
    expect(limitationLastDate([plain('2001-01-01')], 'organization', 'dissolution', v2023).lastDate).toBeNull();
  });

  it('QĐ 69 art. 4 cl. 2: a new violation within the period restarts it from the new violation', () => {
    const computation = limitationLastDate([plain('2016-04-01'), plain('2020-09-15')], 'member', 'reprimand', v2023);
    expect(computation.clock).toEqual([
      { committedOn: '2016-04-01', runsFrom: '2016-04-01', restarted: false },
      { committedOn: '2020-09-15', runsFrom: '2020-09-15', restarted: true },
    ]);
    expect(computation.lastDate).toBe('2025-09-15');
  });

  it('QĐ 69 art. 4 cl. 2: a violation committed after the period ended does not revive the earlier one', () => {
    const computation = limitationLastDate([plain('2010-04-01'), plain('2016-09-15')], 'member', 'reprimand', v2023);
    expect(computation.clock[1]).toEqual({ committedOn: '2016-09-15', runsFrom: '2016-09-15', restarted: false });
  });

  it('Civil Code art. 148: a violation on 29 Feb ends its 5-year period on 28 Feb', () => {
    expect(limitationLastDate([plain('2020-02-29')], 'member', 'reprimand', v2023).lastDate).toBe('2025-02-28');
  });
});
