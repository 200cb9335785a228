import type { Decider } from '../../shared/domain/decider.js';
import { InvalidInputError, RuleViolationError } from '../../shared/domain/errors.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { AccountCommand, CreateAccount } from './account.commands.js';
import { PASSWORD_SETTERS, type AccountEvent, type AccountGrant, type ProviderIdentity } from './account.events.js';
import { evolveAccount, initialAccountState, sameGrant, sameIdentity, type AccountState } from './account.state.js';

export const ACCOUNT_STREAM_TYPE = 'account';

export function accountStreamId(accountId: string): string {
  return `${ACCOUNT_STREAM_TYPE}-${accountId}`;
}

/** Lower-case letters, digits, dots, dashes and underscores; what a person types at the login. */
export const USERNAME_FORMAT = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** A disabled account keeps its record: grants and password can still be set before it is enabled again. */
export const accountMachine = transitions<AccountState>()({
  createAccount: ['not-created'],
  addGrant: ['active', 'disabled'],
  removeGrant: ['active', 'disabled'],
  disableAccount: ['active'],
  enableAccount: ['disabled'],
  resetPassword: ['active', 'disabled'],
  changePassword: ['active'],
  signOut: ['active'],
  linkIdentity: ['active', 'disabled'],
  unlinkIdentity: ['active', 'disabled'],
});

export function allowedAccountCommands(state: AccountState): AccountCommand['type'][] {
  return accountMachine.allowedCommands(state.status);
}

function requireDistinct(field: string, grants: readonly AccountGrant[]): void {
  grants.forEach((grant, index) => {
    if (grants.findIndex((other) => sameGrant(other, grant)) !== index) {
      throw new InvalidInputError(`${field}[${index}]`, 'distinct', { grant });
    }
  });
}

/** An account reaches what its grants reach: one without any could do nothing, not even be found by its administrators. */
function requireSomeGrant(grants: readonly AccountGrant[]): void {
  if (grants.length === 0) {
    throw new RuleViolationError('account-needs-grant');
  }
}

const ISSUER_FORMAT = /^https?:\/\/[^\s]+$/;

/** An issuer is the provider's URL (as its tokens' `iss` say it); a subject is its opaque id of the person, at most 255 characters. */
function requireIdentity(identity: ProviderIdentity): void {
  if (!ISSUER_FORMAT.test(identity.issuer) || identity.issuer.length > 500) {
    throw new InvalidInputError('issuer', 'issuer-url');
  }
  if (identity.subject.length === 0 || identity.subject.length > 255) {
    throw new InvalidInputError('subject', 'subject-length');
  }
}

function create(command: CreateAccount): AccountEvent[] {
  const { accountId, username, grants, passwordSetBy, mustChangePassword, authorizedBy } = command.data;
  if (!USERNAME_FORMAT.test(username)) {
    throw new InvalidInputError('username', 'username-format');
  }
  if (!PASSWORD_SETTERS.includes(passwordSetBy)) throw new InvalidInputError('passwordSetBy', 'password-setter', { value: passwordSetBy });
  requireDistinct('grants', grants);
  requireSomeGrant(grants);
  return [{ type: 'AccountCreated', data: { accountId, username, grants, passwordSetBy, mustChangePassword, authorizedBy } }];
}

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'createAccount':
      accountMachine.requireState(state, command.type);
      return create(command);
    case 'addGrant': {
      const { account } = accountMachine.requireState(state, command.type);
      const { grant, authorizedBy } = command.data;
      // Granting what is held already changes nothing, and records nothing.
      if (account.grants.some((held) => sameGrant(held, grant))) return [];
      return [{ type: 'GrantAdded', data: { accountId: account.accountId, grant, authorizedBy } }];
    }
    case 'removeGrant': {
      const { account } = accountMachine.requireState(state, command.type);
      const { grant, authorizedBy } = command.data;
      if (!account.grants.some((held) => sameGrant(held, grant))) {
        throw new RuleViolationError('grant-not-held', { grant });
      }
      requireSomeGrant(account.grants.filter((held) => !sameGrant(held, grant)));
      return [{ type: 'GrantRemoved', data: { accountId: account.accountId, grant, authorizedBy } }];
    }
    case 'disableAccount': {
      const { account } = accountMachine.requireState(state, command.type);
      const { reason, authorizedBy } = command.data;
      return [{ type: 'AccountDisabled', data: { accountId: account.accountId, reason, authorizedBy } }];
    }
    case 'enableAccount': {
      const { account } = accountMachine.requireState(state, command.type);
      const { reason, authorizedBy } = command.data;
      return [{ type: 'AccountEnabled', data: { accountId: account.accountId, reason, authorizedBy } }];
    }
    case 'resetPassword': {
      const { account } = accountMachine.requireState(state, command.type);
      const { mustChangePassword, authorizedBy } = command.data;
      return [{ type: 'PasswordReset', data: { accountId: account.accountId, mustChangePassword, authorizedBy } }];
    }
    case 'changePassword': {
      const { account } = accountMachine.requireState(state, command.type);
      return [{ type: 'PasswordChanged', data: { accountId: account.accountId } }];
    }
    case 'signOut': {
      const { account } = accountMachine.requireState(state, command.type);
      return [{ type: 'SignedOut', data: { accountId: account.accountId } }];
    }
    case 'linkIdentity': {
      const { account } = accountMachine.requireState(state, command.type);
      const { identity, authorizedBy } = command.data;
      requireIdentity(identity);
      // Linking what is linked already changes nothing, and records nothing.
      if (account.identities.some((linked) => sameIdentity(linked, identity))) return [];
      return [{ type: 'IdentityLinked', data: { accountId: account.accountId, identity, authorizedBy } }];
    }
    case 'unlinkIdentity': {
      const { account } = accountMachine.requireState(state, command.type);
      const { identity, authorizedBy } = command.data;
      if (!account.identities.some((linked) => sameIdentity(linked, identity))) {
        throw new RuleViolationError('identity-not-held', { identity });
      }
      return [{ type: 'IdentityUnlinked', data: { accountId: account.accountId, identity, authorizedBy } }];
    }
  }
}

export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: initialAccountState,
};
