/** Roles, each granted over an organization subtree (null: the whole tree). `integration`: a downstream consumer's account, which reads the public feed only. */
export const ROLES = ['administrator', 'discipline-officer', 'inspector', 'auditor', 'viewer', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  readonly role: Role;
  readonly organizationId: string | null;
}

/** Who a verified token says the caller is. */
export interface Principal {
  readonly actor: string;
  readonly grants: readonly Grant[];
}

export function isGrant(value: unknown): value is Grant {
  if (typeof value !== 'object' || value === null) return false;
  const { role, organizationId } = value as Record<string, unknown>;
  return (ROLES as readonly unknown[]).includes(role) && (organizationId === null || typeof organizationId === 'string');
}
