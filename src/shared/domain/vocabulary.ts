/** Terms shared by every module (DOMAIN.md glossary). */

/** Levels of the party's organization tree; `district` exists until the 2025 reform abolished it. */
export const ORGANIZATION_LEVELS = ['central', 'province', 'district', 'grassroots', 'sub-grassroots', 'cell'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

/** The bodies that act: a cell's meeting (chi bộ), committees (cấp ủy), inspection commissions (UBKT). */
export const BODY_KINDS = [
  'cell',
  'executive-committee',
  'standing-committee',
  'inspection-commission',
  'central-committee',
  'politburo',
  'secretariat',
  'central-inspection-commission',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** A member's status: chính thức / dự bị. */
export const MEMBERSHIPS = ['full', 'probationary'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

/** Sanctions, mildest to harshest: khiển trách, cảnh cáo, cách chức, khai trừ; giải tán for organizations. */
export const SANCTION_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
export type SanctionForm = (typeof SANCTION_FORMS)[number];

export type SubjectRef = { readonly kind: 'organization'; readonly organizationId: string } | { readonly kind: 'member'; readonly memberId: string };

/** A calendar date in ISO 8601 (YYYY-MM-DD): the legal dates of decisions, violations, announcements. */
export type IsoDate = string;
