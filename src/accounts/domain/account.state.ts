import { assertNever } from '../../shared/domain/decider.js';
import type { AccountEvent, AccountGrant, ProviderIdentity } from './account.events.js';

export interface AccountRecord {
  readonly accountId: string;
  readonly username: string;
  readonly grants: readonly AccountGrant[];
  /** Provider identities that sign in as this account. */
  readonly identities: readonly ProviderIdentity[];
  readonly mustChangePassword: boolean;
  /** Raised by every change that ends the account's sessions; a token carries the one it was issued under. */
  readonly sessionGeneration: number;
}

export type AccountState =
  | { readonly status: 'not-created' }
  | { readonly status: 'active'; readonly account: AccountRecord }
  | { readonly status: 'disabled'; readonly account: AccountRecord };

export const initialAccountState = (): AccountState => ({ status: 'not-created' });

export function sameGrant(a: AccountGrant, b: AccountGrant): boolean {
  return a.role === b.role && a.organizationId === b.organizationId;
}

export function sameIdentity(a: ProviderIdentity, b: ProviderIdentity): boolean {
  return a.issuer === b.issuer && a.subject === b.subject;
}

function withAccount(state: AccountState, change: (account: AccountRecord) => AccountRecord, status?: 'active' | 'disabled'): AccountState {
  if (state.status === 'not-created') return state;
  return { status: status ?? state.status, account: change(state.account) };
}

const endSessions = (account: AccountRecord): AccountRecord => ({ ...account, sessionGeneration: account.sessionGeneration + 1 });

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated': {
      const { accountId, username, grants, mustChangePassword } = event.data;
      return { status: 'active', account: { accountId, username, grants, identities: [], mustChangePassword, sessionGeneration: 1 } };
    }
    case 'GrantAdded':
      return withAccount(state, (account) => ({ ...account, grants: [...account.grants, event.data.grant] }));
    case 'GrantRemoved':
      return withAccount(state, (account) => ({ ...account, grants: account.grants.filter((grant) => !sameGrant(grant, event.data.grant)) }));
    case 'AccountDisabled':
      return withAccount(state, endSessions, 'disabled');
    case 'AccountEnabled':
      return withAccount(state, (account) => account, 'active');
    case 'PasswordReset':
      return withAccount(state, (account) => endSessions({ ...account, mustChangePassword: event.data.mustChangePassword }));
    case 'PasswordChanged':
      return withAccount(state, (account) => endSessions({ ...account, mustChangePassword: false }));
    case 'SignedOut':
      return withAccount(state, endSessions);
    case 'IdentityLinked':
      return withAccount(state, (account) => ({ ...account, identities: [...account.identities, event.data.identity] }));
    case 'IdentityUnlinked':
      return withAccount(state, (account) =>
        endSessions({ ...account, identities: account.identities.filter((identity) => !sameIdentity(identity, event.data.identity)) }),
      );
    default:
      return assertNever(event);
  }
}
