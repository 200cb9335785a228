import type { DataSource, EntityManager } from 'typeorm';
import { confidentialCaseReaders } from '../auth/confidentiality.js';
import type { Grant } from '../auth/principal.js';
import { requestContext } from '../platform/request-context.js';

/**
 * The organizations whose subtrees a transaction may see in the read models under row-level security:
 * `*` for all of them (projection runners, whole-tree grants), none when nothing is granted.
 */
export type OrganizationScope = '*' | readonly string[];

export const ALL_ORGANIZATIONS = '*' as const;

/** What a read may see: organization subtrees, and the subtrees where it may also see confidential cases. */
export interface ReadScope {
  readonly organizations: OrganizationScope;
  readonly confidentialCases: OrganizationScope;
}

/** Projection runners, rebuilds, the service acting on its own behalf, and the operator at the command line. */
export const EVERYTHING: ReadScope = { organizations: ALL_ORGANIZATIONS, confidentialCases: ALL_ORGANIZATIONS };

export function scopeOf(grants: readonly Pick<Grant, 'organizationId'>[]): OrganizationScope {
  if (grants.some((grant) => grant.organizationId === null)) return ALL_ORGANIZATIONS;
  return [...new Set(grants.map((grant) => grant.organizationId!))];
}

export function readScopeOf(grants: readonly Grant[]): ReadScope {
  return { organizations: scopeOf(grants), confidentialCases: scopeOf(confidentialCaseReaders(grants)) };
}

/** The scope of the request being served; outside a request, none (deny by default). */
export function currentReadScope(): ReadScope {
  return readScopeOf(requestContext.current()?.grants ?? []);
}

/** The organizations of the request being served (of the grants of `roles`, when given); outside a request, none. */
export function currentScope(roles?: readonly string[]): OrganizationScope {
  const grants = requestContext.current()?.grants ?? [];
  return scopeOf(roles ? grants.filter((grant) => roles.includes(grant.role)) : grants);
}

function seesEverything(scope: ReadScope): boolean {
  return scope.organizations === ALL_ORGANIZATIONS && scope.confidentialCases === ALL_ORGANIZATIONS;
}

function setting(scope: OrganizationScope): string {
  if (scope === '*') return scope;
  for (const id of scope) {
    if (id === '' || id.includes(',') || id === '*') throw new Error(`Organization id "${id}" cannot be put in a scope`);
  }
  return scope.join(',');
}

/**
 * Sets the scope for the rest of the transaction `tx` is in (it ends with it). A superuser bypasses
 * row-level security, even forced: a limited scope also takes the application's role for the transaction,
 * so that the walls hold on the embedded database (a superuser session) and under a superuser login.
 */
export async function setScope(tx: Pick<EntityManager, 'query'>, scope: ReadScope): Promise<void> {
  await tx.query(`SELECT set_config('disciplina.scope', $1, true), set_config('disciplina.confidential_scope', $2, true)`, [
    setting(scope.organizations),
    setting(scope.confidentialCases),
  ]);
  if (seesEverything(scope)) return;
  await tx.query(
    `SELECT set_config('role', 'disciplina_app', true) FROM pg_roles
     WHERE rolname = current_user AND (rolsuper OR rolbypassrls) AND pg_has_role('disciplina_app', 'MEMBER')`,
  );
}

/** Runs `work` in a transaction that sees only the read-model rows of `scope`. */
export function withScope<T>(dataSource: DataSource, scope: ReadScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (tx) => {
    await setScope(tx, scope);
    return work(tx);
  });
}
