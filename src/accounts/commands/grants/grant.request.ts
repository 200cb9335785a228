import { EnumField, UuidField } from '../../../platform/http/request-fields.js';
import { ROLES, type Role } from '../../../shared/access/principal.js';

/** A role over an organization and its subtree; no organization (null): the whole tree. */
export class GrantRequest {
  @EnumField(ROLES, 'discipline-officer')
  role!: Role;

  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { optional: true, description: 'The organization granted over, with its subtree; null: the whole tree' })
  organizationId?: string | null;
}

export function toGrant(request: GrantRequest): { role: Role; organizationId: string | null } {
  return { role: request.role, organizationId: request.organizationId ?? null };
}
