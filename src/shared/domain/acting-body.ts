import { InvalidInputError, RuleViolationError } from './errors.js';
import { requireText } from './input.js';
import { BODY_KINDS, type BodyKind } from './vocabulary.js';

/** The body that acts: a committee or commission of an organization (cấp ủy, UBKT). */
export type ActingBody = Readonly<{ organizationId: string; bodyKind: BodyKind }>;

export function requireActingBody(field: string, body: ActingBody): void {
  requireText(`${field}.organizationId`, body.organizationId);
  if (!BODY_KINDS.includes(body.bodyKind)) throw new InvalidInputError(`${field}.bodyKind`, 'body-kind', { value: body.bodyKind });
}

/**
 * A body acts on its own organization, the organizations below it and their members, never on a sibling's
 * or a superior's: committees and inspection commissions inspect and supervise the organizations and members
 * under them (Charter art. 30.1-30.2; QĐ 296-QĐ/TW art. 4-5). `subjectLineage` is the subject's
 * organization (a member's: theirs) and its superiors.
 */
export function requireBodyOverSubject(field: string, body: ActingBody, subjectLineage: readonly string[]): void {
  if (!subjectLineage.includes(body.organizationId)) {
    throw new RuleViolationError('subject-outside-body-organization', {
      field,
      bodyOrganizationId: body.organizationId,
      subjectLineage,
      reference: 'Charter art. 30; QĐ 296-QĐ/TW art. 4-5',
    });
  }
}
