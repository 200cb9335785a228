import { RuleViolationError } from './errors.js';
import { requireBodyOverSubject } from './acting-body.js';

const commission = (organizationId: string) => ({ organizationId, bodyKind: 'inspection-commission' as const });
const communeALineage = ['commune-a', 'province'];

describe('a body acts on its own organization and those below it (Charter art. 30)', () => {
  it("accepts the subject's own organization and its superiors", () => {
    expect(() => requireBodyOverSubject('body', commission('commune-a'), communeALineage)).not.toThrow();
    expect(() => requireBodyOverSubject('body', commission('province'), communeALineage)).not.toThrow();
  });

  it("refuses a sibling's body (subject-outside-body-organization)", () => {
    let caught: unknown;
    try {
      requireBodyOverSubject('body', commission('commune-b'), communeALineage);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleViolationError);
    expect(caught).toMatchObject({ code: 'subject-outside-body-organization', details: { field: 'body', bodyOrganizationId: 'commune-b' } });
  });

  it('refuses a subject above the body, and one whose lineage is unknown', () => {
    expect(() => requireBodyOverSubject('body', commission('commune-a'), ['province'])).toThrow(RuleViolationError);
    expect(() => requireBodyOverSubject('body', commission('commune-a'), [])).toThrow(RuleViolationError);
  });
});
