import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemError } from '../platform/http/problem.js';
import { requestContext } from '../shared/request-context.js';
import { AccessDenials, routePattern } from './access-denials.js';
import { AccountAccess } from './account-access.js';
import { ALLOWED_ROLES, PASSWORD_CHANGE_ROUTE, PUBLIC_ROUTE, WHOLE_TREE_ROUTE } from '../shared/access/policy.js';
import { RequestRateLimit, UnauthenticatedRateLimit } from './rate-limiter.js';
import type { Principal, Role } from '../shared/access/principal.js';
import { TokenService, unauthenticated, type TokenHolder } from './token.service.js';

/**
 * Deny by default: a route opens only to a verified token holding one of the roles it allows. Requests
 * without a valid token are throttled per address before their refusal is counted; an account's quota is
 * spent by its refused requests too.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: AccountAccess,
    private readonly denials: AccessDenials,
    private readonly rateLimit: RequestRateLimit,
    private readonly unauthenticated: UnauthenticatedRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const route = routePattern(request);
    let principal: Principal;
    let mustChangePassword: boolean;
    try {
      const holder = await this.tokens.verify(bearerToken(request));
      ({ principal, mustChangePassword } = await this.principalOf(holder));
    } catch (error) {
      const address = request.ip ?? 'unknown';
      await this.unauthenticated.take(address);
      await this.denials.record({ actor: null, address, method: request.method, route, status: 401, code: 'unauthenticated' });
      throw error;
    }
    await this.rateLimit.take(principal.actor);
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ROUTE, targets)) {
      await this.denials.record({ actor: principal.actor, address: null, method: request.method, route, status: 403, code: 'password-change-required' });
      throw new ProblemError(403, 'password-change-required');
    }
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    const wholeTree = this.reflector.getAllAndOverride<boolean>(WHOLE_TREE_ROUTE, targets) ?? false;
    if (!principal.grants.some((grant) => allowed.includes(grant.role) && (!wholeTree || grant.organizationId === null))) {
      await this.denials.record({ actor: principal.actor, address: null, method: request.method, route, status: 403, code: 'forbidden' });
      throw new ProblemError(403, 'forbidden', { reason: 'role-required', method: request.method, route, roles: allowed, wholeTree });
    }
    // Only the grants of the roles this route allows define what the caller may reach here.
    requestContext.current()?.authenticate(
      principal.actor,
      principal.grants.filter((grant) => allowed.includes(grant.role)),
    );
    return true;
  }

  /**
   * A local token stands only while its account is active, in the session it was issued for; its grants are
   * the account's now. A password set by an administrator must change before anything else, unless the
   * session began at the identity provider, where no password was given.
   */
  private async principalOf(holder: TokenHolder): Promise<{ principal: Principal; mustChangePassword: boolean }> {
    if (holder.kind === 'provider') return { principal: holder, mustChangePassword: false };
    const standing = await this.accounts.standing(holder.accountId);
    if (!standing || standing.username !== holder.actor) throw unauthenticated('unknown-account');
    if (!standing.active) throw unauthenticated('account-disabled');
    if (standing.sessionGeneration !== holder.sessionGeneration) throw unauthenticated('session-ended');
    return {
      principal: { actor: standing.username, grants: standing.grants },
      mustChangePassword: standing.mustChangePassword && holder.signedInThrough === undefined,
    };
  }
}

function bearerToken(request: Request): string {
  const header = request.header('authorization');
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) throw unauthenticated('no-bearer-token');
  return match[1];
}
