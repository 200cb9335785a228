import { useSession } from './session.js';

/** Roles that record acts; the others (auditor, viewer) only read. The API decides each request itself. */
const ACTING_ROLES = new Set(['administrator', 'discipline-officer', 'inspector']);

/** Whether to offer the caller forms at all: a reader would only meet 403s. */
export function useCanAct(): boolean {
  return useSession()?.grants.some((grant) => ACTING_ROLES.has(grant.role)) ?? false;
}
