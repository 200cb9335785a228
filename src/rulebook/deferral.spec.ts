import { RuleViolationError } from '../shared/domain/errors.js';
import { deferralActive, requireConsidered, requireNoDeferral } from './deferral.js';
import { defaultRulebook } from './rulebook.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');

describe('deferral of discipline (QĐ 69 art. 2 cl. 14)', () => {
  const maternity = { ground: 'maternity-leave', since: '2023-01-10', until: '2023-07-10' } as const;

  it('QĐ 69 art. 2 cl. 14: a member on maternity leave is not yet considered for discipline', () => {
    const check = deferralActive([maternity], '2023-07-09', v2023);
    expect(check).toMatchObject({ blocksDiscipline: true, active: [{ ground: 'maternity-leave', citation: { article: 'art. 2 cl. 14' } }] });
    expect(() => requireNoDeferral(check)).toThrow(RuleViolationError);
  });

  it('QĐ 69 art. 2 cl. 14: once the ground is lifted discipline may be considered again', () => {
    expect(deferralActive([maternity], '2023-07-10', v2023).blocksDiscipline).toBe(false);
  });

  it('QĐ 69 art. 2 cl. 14: a seriously ill member in hospital is not considered until discharged', () => {
    expect(deferralActive([{ ground: 'serious-illness-in-hospital', since: '2023-02-01', until: null }], '2023-05-10', v2023).blocksDiscipline).toBe(true);
  });

  it('HD 02-HD/TW: a deceased member is not disciplined unless the violation is especially serious', () => {
    const deceased = [{ ground: 'deceased', since: '2023-02-01', until: null }] as const;
    expect(deferralActive(deceased, '2023-05-10', v2023).blocksDiscipline).toBe(true);
    expect(deferralActive(deceased, '2023-05-10', v2023, { especiallySerious: true }).blocksDiscipline).toBe(false);
  });

  it('QĐ 69 art. 2 cl. 14: no ballot from the first day of the ground to the day before it is lifted; from the lifting day it may be held', () => {
    expect(() => requireConsidered(deferralActive([maternity], '2023-01-09', v2023), 'ballot')).not.toThrow();
    expect(() => requireConsidered(deferralActive([maternity], '2023-01-10', v2023), 'ballot')).toThrow(expect.objectContaining({ code: 'deferral-active' }));
    expect(() => requireConsidered(deferralActive([maternity], '2023-07-09', v2023), 'decision')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ act: 'decision' }) }),
    );
    expect(() => requireConsidered(deferralActive([maternity], '2023-07-10', v2023), 'ballot')).not.toThrow();
  });

  it('HD 02-HD/TW: a ground that only bars the sanction (missing, deceased) lets the body conclude and vote', () => {
    const missing = deferralActive([{ ground: 'declared-missing', since: '2023-02-01', until: null }], '2023-05-10', v2023);
    expect(missing.blocksDiscipline).toBe(true);
    expect(() => requireConsidered(missing, 'ballot')).not.toThrow();
  });

  it('QĐ 181-QĐ/TW (2013): the grounds are carried back to the rules of 2013-2017 and marked unconfirmed', () => {
    const check = deferralActive(
      [{ ground: 'maternity-leave', since: '2016-01-10', until: null }],
      '2016-03-01',
      defaultRulebook().versionInForce('2016-03-01'),
    );
    expect(check).toMatchObject({ ruleVersion: 'qd181-2013+qd46-2011', active: [{ confirmed: false, citation: { document: 'Quy định 181-QĐ/TW (2013)' } }] });
    expect(() => requireConsidered(check, 'ballot')).toThrow(RuleViolationError);
  });

  it('Conclusion 14: innovation that caused damage may reduce or exempt but does not defer', () => {
    const check = deferralActive([{ ground: 'innovation-under-conclusion-14', since: '2023-01-01', until: null }], '2023-05-10', v2023);
    expect(check).toMatchObject({ blocksDiscipline: false, active: [{ effect: 'may-exempt-or-reduce' }] });
  });
});
