import { EnumField, UuidField } from '../request-fields.js';
import type { SubjectRef } from '../../../shared/domain/vocabulary.js';

const SUBJECT_KINDS = ['organization', 'member'] as const;
type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Who is inspected, supervised, reviewed or classified: an organization or a member. */
export class SubjectRequest {
  @EnumField(SUBJECT_KINDS, 'member')
  kind!: SubjectKind;

  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'When kind is organization', when: (s) => s['kind'] === 'organization' })
  organizationId?: string;

  @UuidField('9d4c2b1a-8e7f-4a6b-9c5d-3e2f1a0b9c8d', { description: 'When kind is member', when: (s) => s['kind'] === 'member' })
  memberId?: string;
}

export function toSubjectRef(subject: SubjectRequest): SubjectRef {
  return subject.kind === 'member'
    ? { kind: 'member', memberId: subject.memberId ?? '' }
    : { kind: 'organization', organizationId: subject.organizationId ?? '' };
}
