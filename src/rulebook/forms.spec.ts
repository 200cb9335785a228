import { RuleViolationError } from '../shared/domain/errors.js';
import { allowedForms, requireFormAllowed } from './forms.js';
import { defaultRulebook } from './rulebook.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');

describe('forms of discipline (QĐ 69 art. 7; Charter art. 35 cl. 2)', () => {
  it('QĐ 69 art. 7: an organization may be reprimanded, warned or dissolved', () => {
    expect(allowedForms({ kind: 'organization' }, v2023).forms).toEqual(['reprimand', 'warning', 'dissolution']);
  });

  it('QĐ 69 art. 7: a full member holding a post may be reprimanded, warned, dismissed or expelled', () => {
    expect(allowedForms({ kind: 'member', membership: 'full', holdsPost: true }, v2023)).toMatchObject({
      forms: ['reprimand', 'warning', 'dismissal', 'expulsion'],
      ruleVersion: 'qd69-2022+qd22-2021',
      citation: { article: 'art. 7' },
    });
  });

  it('QĐ 69 art. 7: dismissal applies only to a member holding a post', () => {
    expect(allowedForms({ kind: 'member', membership: 'full', holdsPost: false }, v2023).forms).toEqual(['reprimand', 'warning', 'expulsion']);
  });

  it('QĐ 69 art. 7: a probationary member may only be reprimanded or warned', () => {
    expect(allowedForms({ kind: 'member', membership: 'probationary', holdsPost: true }, v2023).forms).toEqual(['reprimand', 'warning']);
  });

  it('QĐ 69 art. 7: expelling a probationary member is refused as form-not-allowed, listing the allowed forms', () => {
    expect(() => requireFormAllowed({ kind: 'member', membership: 'probationary', holdsPost: false }, 'expulsion', v2023)).toThrow(RuleViolationError);
    try {
      requireFormAllowed({ kind: 'member', membership: 'probationary', holdsPost: false }, 'expulsion', v2023);
    } catch (error) {
      expect(error).toMatchObject({ code: 'form-not-allowed', details: { allowedForms: ['reprimand', 'warning'], ruleVersion: v2023.id } });
    }
  });
});
