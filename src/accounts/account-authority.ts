import { Injectable } from '@nestjs/common';
import { OrganizationLineage } from '../commands/stream-scope.js';
import { ProblemError } from '../platform/http/problem.js';
import type { Grant } from '../shared/access/principal.js';
import { requestContext } from '../shared/request-context.js';
import type { AccountGrant } from './domain/account.events.js';
import { sameGrant } from './domain/account.state.js';

/**
 * Who may manage an account or a grant (the service's rule, no regulation): an administrator whose grants
 * reach every grant concerned, at its organization or one above it. A grant over the whole tree is reached
 * only by an administrator over the whole tree; so an administrator of part of the tree manages the accounts
 * and grants inside it, and never grants more than they hold.
 */
@Injectable()
export class AccountAuthority {
  constructor(private readonly lineage: OrganizationLineage) {}

  /**
   * The caller's administrator grants under which `grants` may be managed (recorded on the event); empty
   * for the service acting on its own behalf. 403 out-of-scope, naming the first grant out of reach.
   */
  async require(grants: readonly AccountGrant[]): Promise<Grant[]> {
    const context = requestContext.current();
    if (!context) return [];
    const held = context.grants.filter((grant) => grant.role === 'administrator');
    const authorizedBy: Grant[] = [];
    for (const grant of grants) {
      const covering = await this.covering(held, grant);
      if (!covering) {
        throw new ProblemError(403, 'out-of-scope', { reason: 'account-grant', grant });
      }
      if (!authorizedBy.some((used) => sameGrant(used, covering))) authorizedBy.push(covering);
    }
    return authorizedBy;
  }

  private async covering(held: readonly Grant[], grant: AccountGrant): Promise<Grant | undefined> {
    const wholeTree = held.find((candidate) => candidate.organizationId === null);
    if (wholeTree || grant.organizationId === null) return wholeTree;
    const lineage = await this.lineage.of({ organizationId: grant.organizationId });
    return held.find((candidate) => lineage.includes(candidate.organizationId!));
  }
}
