import type { BodyKind, Membership, OrganizationLevel, SubjectRef } from '../shared/domain/vocabulary.js';

export type OrganizationAt = Readonly<{ organizationId: string; level: OrganizationLevel }>;

/** What authority depends on, as known when the case is opened (passed in by the handler). */
export type MemberFacts = Readonly<{
  kind: 'member';
  memberId: string;
  membership: Membership;
  /** Holds a post (chức vụ): only then may dismissal (cách chức) apply. */
  holdsPost: boolean;
  /** The member's own organization and its superiors, the cell first, upward to the centre. */
  organizations: readonly OrganizationAt[];
  /** Committees (cấp ủy) the member sits on. */
  committeeSeats: readonly OrganizationAt[];
  /** The committee that manages the member as a cadre (cán bộ diện ... quản lý), if any. */
  managedByCommitteeOf: OrganizationAt | null;
}>;

export type OrganizationFacts = Readonly<{
  kind: 'organization';
  organizationId: string;
  level: OrganizationLevel;
  /** Superior organizations, the directly superior first. */
  ancestors: readonly OrganizationAt[];
}>;

export type SubjectFacts = MemberFacts | OrganizationFacts;

/** A body that votes or decides: the body kind of an organization at a level. */
export type DecidingBody = Readonly<{
  organizationId: string;
  level: OrganizationLevel;
  bodyKind: BodyKind;
  /** A grassroots committee empowered to admit members (được ủy quyền kết nạp đảng viên). */
  empoweredToAdmitMembers?: boolean;
}>;

export function subjectRef(facts: SubjectFacts): SubjectRef {
  return facts.kind === 'member' ? { kind: 'member', memberId: facts.memberId } : { kind: 'organization', organizationId: facts.organizationId };
}

/** The part of the facts that decides the forms available. */
export type FormSubject = Readonly<{ kind: 'organization' }> | Readonly<{ kind: 'member'; membership: Membership; holdsPost: boolean }>;

export function sameBody(a: DecidingBody, b: DecidingBody): boolean {
  return a.organizationId === b.organizationId && a.bodyKind === b.bodyKind;
}
