import type { DecidingBody, MemberFacts, OrganizationAt, OrganizationFacts } from './subject.js';

/** A member of cell K under grassroots G, district D, province P (the seed article's shape). */
export const CELL: OrganizationAt = { organizationId: 'K', level: 'cell' };
export const GRASSROOTS: OrganizationAt = { organizationId: 'G', level: 'grassroots' };
export const DISTRICT: OrganizationAt = { organizationId: 'D', level: 'district' };
export const PROVINCE: OrganizationAt = { organizationId: 'P', level: 'province' };
export const CENTRAL: OrganizationAt = { organizationId: 'C', level: 'central' };

export function member(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    kind: 'member',
    memberId: 'm-1',
    membership: 'full',
    holdsPost: false,
    organizations: [CELL, GRASSROOTS, DISTRICT, PROVINCE, CENTRAL],
    committeeSeats: [],
    managedByCommitteeOf: null,
    ...overrides,
  };
}

export const grassrootsOrganization: OrganizationFacts = {
  kind: 'organization',
  organizationId: 'G',
  level: 'grassroots',
  ancestors: [DISTRICT, PROVINCE, CENTRAL],
};

export const body = (at: OrganizationAt, bodyKind: DecidingBody['bodyKind'], extra: Partial<DecidingBody> = {}): DecidingBody => ({
  organizationId: at.organizationId,
  level: at.level,
  bodyKind,
  ...extra,
});
