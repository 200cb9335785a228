import { ResourceController } from '../platform/http/api-routes.js';
import { ACCOUNT_ADMIN_ROLES } from '../shared/access/policy.js';
import type { StreamResource } from '../commands/stream-commands.js';
import { accountStream } from '../auth/account-access.js';
import type { AccountCommand } from './domain/account.commands.js';
import { accountMachine, accountStreamId, allowedAccountCommands } from './domain/account.decider.js';
import type { AccountEvent } from './domain/account.events.js';
import type { AccountState } from './domain/account.state.js';

export const accounts: StreamResource<AccountCommand, AccountState, AccountEvent> = {
  ...accountStream,
  streamId: accountStreamId,
  allowedCommands: allowedAccountCommands,
  acceptedIn: accountMachine.acceptedIn,
  commandRoles: ACCOUNT_ADMIN_ROLES,
  // An account is seen where its grants are; one granted over the whole tree only by whole-tree grants (no anchor).
  scopeOf: (state) => {
    if (state.status === 'not-created' || state.account.grants.some((grant) => grant.organizationId === null)) return [];
    return state.account.grants.map((grant) => ({ organizationId: grant.organizationId! }));
  },
};

export const AccountsController = () => ResourceController('accounts', 'Accounts — tài khoản');
