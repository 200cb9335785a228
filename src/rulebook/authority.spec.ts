import { RuleViolationError } from '../shared/domain/errors.js';
import { authorityFor, requireAuthority } from './authority.js';
import { defaultRulebook } from './rulebook.js';
import { body, CELL, DISTRICT, GRASSROOTS, grassrootsOrganization, member, PROVINCE, CENTRAL } from './rulebook.fixtures.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');
const v2026 = defaultRulebook().versionInForce('2026-01-01');

describe('authority to discipline members (Charter art. 36; QĐ 22 art. 11)', () => {
  it('QĐ 22 art. 11: a cell may reprimand or warn its own member', () => {
    expect(authorityFor(body(CELL, 'cell'), member(), 'warning', v2023)).toMatchObject({ allowed: true, grant: 'cell-reprimand-warning' });
  });

  it('QĐ 22 art. 11: a cell cannot dismiss; the grassroots committee may, for a committee member of a lower level', () => {
    const subject = member({ holdsPost: true, committeeSeats: [CELL] });
    expect(authorityFor(body(CELL, 'cell'), subject, 'dismissal', v2023)).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'G', bodyKind: 'standing-committee', grant: 'grassroots-committee-dismissal' },
    });
  });

  it('QĐ 22 art. 11: on a task assigned by a higher level the cell only proposes; the grassroots committee decides', () => {
    expect(authorityFor(body(CELL, 'cell'), member(), 'reprimand', v2023, { concernsTaskAssignedByHigherLevel: true })).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'G' },
    });
  });

  it('QĐ 22 art. 11: only a grassroots committee empowered to admit members may expel', () => {
    expect(authorityFor(body(GRASSROOTS, 'executive-committee', { empoweredToAdmitMembers: true }), member(), 'expulsion', v2023).allowed).toBe(true);
    expect(authorityFor(body(GRASSROOTS, 'executive-committee'), member(), 'expulsion', v2023)).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'D', bodyKind: 'inspection-commission' },
    });
  });

  it('QĐ 22 art. 11: an inspection commission may impose all forms on a member who is not a same-level committee member', () => {
    expect(authorityFor(body(DISTRICT, 'inspection-commission'), member({ holdsPost: true }), 'expulsion', v2023).allowed).toBe(true);
  });

  it('QĐ 22 art. 11: an inspection commission may only reprimand or warn a cadre managed by the same-level committee; dismissal goes to that committee', () => {
    const cadre = member({ holdsPost: true, managedByCommitteeOf: DISTRICT });
    expect(authorityFor(body(DISTRICT, 'inspection-commission'), cadre, 'warning', v2023).allowed).toBe(true);
    expect(() => requireAuthority(body(DISTRICT, 'inspection-commission'), cadre, 'dismissal', v2023)).toThrow(RuleViolationError);
    try {
      requireAuthority(body(DISTRICT, 'inspection-commission'), cadre, 'dismissal', v2023);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'no-authority',
        details: { referTo: { organizationId: 'D', bodyKind: 'standing-committee' }, ruleVersion: v2023.id, citation: { article: 'art. 11' } },
      });
    }
  });

  it('QĐ 22 art. 11: an inspection commission may only reprimand or warn a committee member of the level directly below', () => {
    const secretary = member({ holdsPost: true, committeeSeats: [GRASSROOTS] });
    expect(authorityFor(body(DISTRICT, 'inspection-commission'), secretary, 'reprimand', v2023).allowed).toBe(true);
    expect(authorityFor(body(DISTRICT, 'inspection-commission'), secretary, 'dismissal', v2023)).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'D', bodyKind: 'standing-committee' },
    });
  });

  it('Charter art. 36: a district committee member is dismissed by the province, not by the district', () => {
    const districtMember = member({ holdsPost: true, committeeSeats: [DISTRICT], managedByCommitteeOf: PROVINCE });
    expect(authorityFor(body(DISTRICT, 'standing-committee'), districtMember, 'dismissal', v2023)).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'P', bodyKind: 'standing-committee' },
    });
  });

  it('QĐ 296 art. 10-11: after the 2025 reform no district body decides; referral skips to the province', () => {
    const reformed = member({ organizations: [CELL, GRASSROOTS, PROVINCE, CENTRAL] });
    expect(authorityFor(body(GRASSROOTS, 'executive-committee'), reformed, 'expulsion', v2026)).toMatchObject({
      allowed: false,
      ruleVersion: 'qd69-264-2025+qd296-2025',
      referTo: { organizationId: 'P', bodyKind: 'inspection-commission' },
    });
  });
});

describe('authority to discipline organizations (Charter art. 37)', () => {
  it('Charter art. 37: the directly superior committee may warn an organization', () => {
    expect(authorityFor(body(DISTRICT, 'standing-committee'), grassrootsOrganization, 'warning', v2023).allowed).toBe(true);
  });

  it('Charter art. 37: dissolution is decided two levels up, so the directly superior committee refers it', () => {
    expect(authorityFor(body(DISTRICT, 'executive-committee'), grassrootsOrganization, 'dissolution', v2023)).toMatchObject({
      allowed: false,
      referTo: { organizationId: 'P', grant: 'committee-two-levels-up-dissolution' },
    });
  });
});
