import type { Grant, Role } from './principal.js';

/**
 * Confidential discipline cases (hồ sơ kỷ luật mật), issue 6. No regulation found says who may read a
 * confidential file: this is the service's rule, not a rulebook article. A case opened as confidential
 * names the body considering it; the case, its appeals and every entry about them in the read models and
 * the audit trail are visible only to grants of these roles over that body's organization or one above it.
 * Everyone else is answered as if the case did not exist: 404, or left out of lists. Statistics still count
 * it, a count names no case; and a member's cadre-planning eligibility still reflects its sanction.
 */
export const CONFIDENTIAL_CASE_READERS: readonly Role[] = ['administrator', 'discipline-officer', 'auditor'];

/** The grants that may read confidential cases, at or below the organizations they name. */
export function confidentialCaseReaders(grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => CONFIDENTIAL_CASE_READERS.includes(grant.role));
}
