import { accountIdOf } from '../auth/account-id.js';
import { ProblemError } from '../platform/http/problem.js';
import { requestContext } from '../shared/request-context.js';

/** The caller's own local account; a provider's user (issuer#subject) has none here. */
export function currentAccountId(): string {
  const actor = requestContext.current()?.actor;
  if (actor === undefined || actor.includes('#')) {
    throw new ProblemError(403, 'no-local-account');
  }
  return accountIdOf(actor);
}
