import { RuleViolationError } from '../shared/domain/errors.js';
import { ORGANIZATION_LEVELS, type OrganizationLevel, type SanctionForm } from '../shared/domain/vocabulary.js';
import { applied, type Applied, type AuthorityGrant, type AuthorityRelation, type RuleVersion } from './rule-version.js';
import { sameBody, type DecidingBody, type OrganizationAt, type SubjectFacts } from './subject.js';

/** What the violation concerns, where authority depends on it (a cell only proposes on tasks set by a higher level). */
export type AuthorityMatter = Readonly<{ concernsTaskAssignedByHigherLevel: boolean }>;

const ORDINARY_MATTER: AuthorityMatter = { concernsTaskAssignedByHigherLevel: false };

export type AuthorityDecision = Applied &
  Readonly<
    | { allowed: true; body: DecidingBody; form: SanctionForm; grant: string; relations: Readonly<Record<AuthorityRelation, boolean>> }
    | {
        allowed: false;
        body: DecidingBody;
        form: SanctionForm;
        relations: Readonly<Record<AuthorityRelation, boolean>>;
        /** The nearest body up the subject's chain that may decide instead (thẩm quyền cấp trên). */
        referTo: (DecidingBody & { grant: string }) | null;
      }
  >;

/** Higher levels have a lower index in ORGANIZATION_LEVELS (central first). */
function isHigher(a: OrganizationLevel, b: OrganizationLevel): boolean {
  return ORGANIZATION_LEVELS.indexOf(a) < ORGANIZATION_LEVELS.indexOf(b);
}

function chainOf(subject: SubjectFacts): readonly OrganizationAt[] {
  return subject.kind === 'member' ? subject.organizations : [{ organizationId: subject.organizationId, level: subject.level }, ...subject.ancestors];
}

/** The subject's relations to a body, on which the authority matrix depends. */
export function relationsOf(body: DecidingBody, subject: SubjectFacts, matter: AuthorityMatter = ORDINARY_MATTER): Record<AuthorityRelation, boolean> {
  const chain = chainOf(subject);
  const index = chain.findIndex((o) => o.organizationId === body.organizationId);
  const indexOf = (organizationId: string) => chain.findIndex((o) => o.organizationId === organizationId);
  const seats = subject.kind === 'member' ? subject.committeeSeats : [];
  const managedBy = subject.kind === 'member' ? subject.managedByCommitteeOf : null;
  return {
    belongsToBodyOrganization: subject.kind === 'member' && index >= 0,
    committeeMemberOfSameLevel: seats.some((s) => s.organizationId === body.organizationId),
    committeeMemberOfLowerLevel: index > 0 && seats.some((s) => indexOf(s.organizationId) >= 0 && indexOf(s.organizationId) < index),
    committeeMemberOfLevelDirectlyBelow: index > 0 && seats.some((s) => s.organizationId === chain[index - 1]?.organizationId),
    managedBySameLevelCommittee: managedBy?.organizationId === body.organizationId,
    managedByHigherCommittee: managedBy !== null && isHigher(managedBy.level, body.level),
    concernsTaskAssignedByHigherLevel: matter.concernsTaskAssignedByHigherLevel,
    bodyEmpoweredToAdmitMembers: body.empoweredToAdmitMembers === true,
    bodyDirectlySuperiorToSubject: subject.kind === 'organization' && index === 1,
    bodyTwoLevelsAboveSubject: subject.kind === 'organization' && index === 2,
  };
}

function matchingGrant(
  body: DecidingBody,
  subject: SubjectFacts,
  form: SanctionForm,
  relations: Record<AuthorityRelation, boolean>,
  version: RuleVersion,
): AuthorityGrant | undefined {
  return version.rules.authority.grants.find(
    (grant) =>
      grant.subject === subject.kind &&
      grant.bodyKinds.includes(body.bodyKind) &&
      grant.levels.includes(body.level) &&
      grant.forms.includes(form) &&
      Object.entries(grant.when).every(([relation, expected]) => relations[relation as AuthorityRelation] === expected),
  );
}

/**
 * Authority to impose a form (thẩm quyền thi hành kỷ luật; Charter art. 36-37): allowed with the grant
 * applied, or refused with the nearest body up the subject's chain that may decide instead.
 */
export function authorityFor(
  body: DecidingBody,
  subject: SubjectFacts,
  form: SanctionForm,
  version: RuleVersion,
  matter: AuthorityMatter = ORDINARY_MATTER,
): AuthorityDecision {
  const relations = relationsOf(body, subject, matter);
  const grant = matchingGrant(body, subject, form, relations, version);
  if (grant) return { ...applied(version, grant), allowed: true, body, form, grant: grant.id, relations };

  const chain = chainOf(subject);
  const start = Math.max(
    0,
    chain.findIndex((o) => o.organizationId === body.organizationId),
  );
  for (const organization of chain.slice(start)) {
    for (const bodyKind of version.rules.structure.bodies[organization.level]) {
      const candidate: DecidingBody = { organizationId: organization.organizationId, level: organization.level, bodyKind };
      if (sameBody(candidate, body)) continue;
      const candidateGrant = matchingGrant(candidate, subject, form, relationsOf(candidate, subject, matter), version);
      if (candidateGrant) {
        return { ...applied(version, candidateGrant), allowed: false, body, form, relations, referTo: { ...candidate, grant: candidateGrant.id } };
      }
    }
  }
  return { ...applied(version, version.rules.structure), allowed: false, body, form, relations, referTo: null };
}

export function requireAuthority(
  body: DecidingBody,
  subject: SubjectFacts,
  form: SanctionForm,
  version: RuleVersion,
  matter: AuthorityMatter = ORDINARY_MATTER,
): AuthorityDecision & { allowed: true } {
  const decision = authorityFor(body, subject, form, version, matter);
  if (decision.allowed) return decision;
  throw new RuleViolationError('no-authority', {
    body,
    form,
    relations: decision.relations,
    referTo: decision.referTo,
    ruleVersion: decision.ruleVersion,
    citation: decision.citation,
  });
}
