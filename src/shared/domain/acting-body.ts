import { InvalidInputError } from './errors.js';
import { requireText } from './input.js';
import { BODY_KINDS, type BodyKind } from './vocabulary.js';

/** The body that acts: a committee or commission of an organization (cấp ủy, UBKT). */
export type ActingBody = Readonly<{ organizationId: string; bodyKind: BodyKind }>;

export function requireActingBody(field: string, body: ActingBody): void {
  requireText(`${field}.organizationId`, body.organizationId);
  if (!BODY_KINDS.includes(body.bodyKind)) throw new InvalidInputError(`${field}.bodyKind`, 'body-kind', `Unknown body kind ${body.bodyKind}`);
}
