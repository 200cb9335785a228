import type { BodyKind } from './vocabulary.js';

/** The body that acts: a committee or commission of an organization (cấp ủy, UBKT). */
export type ActingBody = Readonly<{ organizationId: string; bodyKind: BodyKind }>;
