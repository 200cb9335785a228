import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { BodyKind, IsoDate, OrganizationLevel } from '../../shared/domain/vocabulary.js';

/** The bodies an organization elects: cấp ủy, ban thường vụ, ủy ban kiểm tra. */
export const ORGANIZATION_BODY_KINDS = ['executive-committee', 'standing-committee', 'inspection-commission'] as const satisfies readonly BodyKind[];
export type OrganizationBodyKind = (typeof ORGANIZATION_BODY_KINDS)[number];

export type OrganizationFounded = Event<
  'OrganizationFounded',
  { organizationId: string; level: OrganizationLevel; parentId: string | null; name: string; code: string; foundedOn: IsoDate }
>;
export type OrganizationRenamed = Event<'OrganizationRenamed', { organizationId: string; previousName: string; name: string; renamedOn: IsoDate }>;
export type OrganizationMoved = Event<'OrganizationMoved', { organizationId: string; previousParentId: string | null; parentId: string; movedOn: IsoDate }>;
export type BodyEstablished = Event<
  'BodyEstablished',
  { organizationId: string; bodyKind: OrganizationBodyKind; membersCount: number | null; establishedOn: IsoDate }
>;
/** Hợp nhất / sáp nhập: this organization is closed and continues in its successor. */
export type OrganizationMerged = Event<'OrganizationMerged', { organizationId: string; successorId: string; mergedOn: IsoDate }>;
/** The successor's side of a merger, kept so that lineage can be read from either stream. */
export type OrganizationAbsorbed = Event<'OrganizationAbsorbed', { organizationId: string; predecessorId: string; absorbedOn: IsoDate }>;
/**
 * Ủy quyền kết nạp đảng viên: from `grantedOn` the committee of this grassroots organization decides
 * admissions itself, which widens its discipline authority (QĐ 296-QĐ/TW art. 10-11).
 */
export type AdmissionPowerGranted = Event<'AdmissionPowerGranted', { organizationId: string; grantedOn: IsoDate }>;
export type AdmissionPowerWithdrawn = Event<'AdmissionPowerWithdrawn', { organizationId: string; withdrawnOn: IsoDate }>;
/** What a body hands over when its level is abolished: appeals to review, discipline cases, inspection and supervision work. */
export const BODY_FUNCTIONS = ['appeals', 'discipline', 'inspection-supervision'] as const;
export type BodyFunction = (typeof BODY_FUNCTIONS)[number];

/**
 * A body of this organization hands `functions` to a body of another organization from `succeededOn`, by the
 * decision `decision` (the 2025 reform: each province's plan ends its district organizations and says who
 * takes over their work; HD 31-HD/BTCTW, 2025). Recorded also after the organization was dissolved.
 */
export type BodySucceeded = Event<
  'BodySucceeded',
  {
    organizationId: string;
    bodyKind: OrganizationBodyKind;
    successor: { organizationId: string; bodyKind: OrganizationBodyKind };
    functions: BodyFunction[];
    succeededOn: IsoDate;
    decision: string;
  }
>;
export type OrganizationDissolved = Event<'OrganizationDissolved', { organizationId: string; reason: string; dissolvedOn: IsoDate }>;

export type OrganizationEvent =
  | OrganizationFounded
  | OrganizationRenamed
  | OrganizationMoved
  | BodyEstablished
  | AdmissionPowerGranted
  | AdmissionPowerWithdrawn
  | BodySucceeded
  | OrganizationMerged
  | OrganizationAbsorbed
  | OrganizationDissolved;

export const ORGANIZATION_ACT_DATES: ActDates<OrganizationEvent> = {
  OrganizationFounded: (e) => e.data.foundedOn,
  OrganizationRenamed: (e) => e.data.renamedOn,
  OrganizationMoved: (e) => e.data.movedOn,
  BodyEstablished: (e) => e.data.establishedOn,
  AdmissionPowerGranted: (e) => e.data.grantedOn,
  AdmissionPowerWithdrawn: (e) => e.data.withdrawnOn,
  BodySucceeded: (e) => e.data.succeededOn,
  OrganizationMerged: (e) => e.data.mergedOn,
  OrganizationAbsorbed: (e) => e.data.absorbedOn,
  OrganizationDissolved: (e) => e.data.dissolvedOn,
};
