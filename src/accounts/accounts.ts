import { Injectable, Logger } from '@nestjs/common';
import { AccountAccess } from '../auth/account-access.js';
import { accountIdOf } from '../auth/account-id.js';
import { generatePassword } from '../auth/password.js';
import { requireAcceptablePassword } from '../auth/password-policy.js';
import { ProviderIdentities } from '../auth/provider-identities.js';
import { Users } from '../auth/users.js';
import { StreamCommands, type StreamView } from '../commands/stream-commands.js';
import { EventSourcedStreams } from '../event-store/event-sourced-streams.js';
import { OrganizationDirectory } from '../organizations/organization-directory.js';
import { AppConfig } from '../platform/config/app-config.js';
import { ProblemError } from '../platform/http/problem.js';
import { isGrant, type Grant } from '../shared/access/principal.js';
import { DomainError } from '../shared/domain/errors.js';
import { requestContext } from '../shared/request-context.js';
import { ExpectedVersionConflictError, StreamNotFoundError } from '../shared/stream-errors.js';
import { AccountAuthority } from './account-authority.js';
import { accounts } from './account.resource.js';
import type { AccountGrant, PasswordSetter, ProviderIdentity } from './domain/account.events.js';
import { sameIdentity } from './domain/account.state.js';
import type { AccountState } from './domain/account.state.js';

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly grants: readonly Grant[];
  /** Unless false (an administrator over the whole tree only), the password must change at the first login. */
  readonly mustChangePassword?: boolean;
}

export interface AccountSummary {
  readonly id: string;
  readonly version: number;
  readonly username: string;
  readonly status: 'active' | 'disabled';
  readonly grants: readonly AccountGrant[];
  readonly identities: readonly ProviderIdentity[];
  readonly mustChangePassword: boolean;
}

type AccountView = StreamView<AccountState>;

function grantsOf(view: { readonly state: AccountState }): readonly AccountGrant[] {
  return view.state.status === 'not-created' ? [] : view.state.account.grants;
}

function links(view: { readonly state: AccountState }, identity: ProviderIdentity): boolean {
  return view.state.status !== 'not-created' && view.state.account.identities.some((linked) => sameIdentity(linked, identity));
}

/** A stream that exists has been created: its first event is AccountCreated. */
function usernameOf(view: { readonly state: AccountState }): string {
  if (view.state.status === 'not-created') throw new Error('an account stream without AccountCreated');
  return view.state.account.username;
}

function callerHasWholeTree(): boolean {
  const context = requestContext.current();
  return !context || context.grants.some((grant) => grant.role === 'administrator' && grant.organizationId === null);
}

/**
 * Accounts as their administrators and owners change them: each change is a command on the account's stream
 * (through the CommandBus), and the password, never in an event, goes to the credential store (Users).
 * A password is written before the event that announces it, so that a failure in between leaves the account
 * asking for a change rather than holding an unannounced one; a new account's stream is written first, as the
 * one guard of its username.
 */
@Injectable()
export class Accounts {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly commands: StreamCommands,
    private readonly streams: EventSourcedStreams,
    private readonly users: Users,
    private readonly identities: ProviderIdentities,
    private readonly access: AccountAccess,
    private readonly authority: AccountAuthority,
    private readonly directory: OrganizationDirectory,
    private readonly config: AppConfig,
  ) {}

  /** An account created by an administrator (the API, the command line): its password counts as theirs. */
  async create(account: NewAccount): Promise<AccountView> {
    const mustChangePassword = account.mustChangePassword ?? true;
    if (!mustChangePassword && !callerHasWholeTree()) {
      throw new ProblemError(403, 'forbidden', { reason: 'whole-tree-administrator', act: 'create' });
    }
    return this.open(account, 'administrator', mustChangePassword);
  }

  /**
   * An account whose password its owner chose (set-up scripts): no change required. Set-up is run again and
   * again: an account of that name that exists already is left as it is.
   */
  async setUp(username: string, password: string, grants: readonly Grant[]): Promise<AccountView> {
    try {
      return await this.open({ username, password, grants }, 'owner', false);
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'username-taken') return this.commands.view(accounts, accountIdOf(username));
      throw error;
    }
  }

  async addGrant(id: string, grant: Grant, expectedVersion?: number): Promise<AccountView> {
    await this.requireOrganizations([grant], 'organizationId');
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require([...grantsOf(current), grant]);
    return this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'addGrant', { grant, authorizedBy }));
  }

  async removeGrant(id: string, grant: Grant, expectedVersion?: number): Promise<AccountView> {
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require([...grantsOf(current), grant]);
    return this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'removeGrant', { grant, authorizedBy }));
  }

  async disable(id: string, reason: string | null, expectedVersion?: number): Promise<AccountView> {
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require(grantsOf(current));
    return this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'disableAccount', { reason, authorizedBy }));
  }

  async enable(id: string, reason: string | null, expectedVersion?: number): Promise<AccountView> {
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require(grantsOf(current));
    return this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'enableAccount', { reason, authorizedBy }));
  }

  /**
   * The identity signs in through its provider as this account. One identity, one account: the index is
   * taken first (409 identity-linked-elsewhere), then the event written, and the index let go if it is not.
   */
  async linkIdentity(id: string, identity: ProviderIdentity, expectedVersion?: number): Promise<AccountView> {
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require(grantsOf(current));
    const holder = await this.identities.claim(identity, id);
    if (holder !== null) {
      if (links(await this.commands.view(accounts, holder), identity)) {
        throw new ProblemError(409, 'identity-linked-elsewhere', { ...identity, field: 'subject' });
      }
      await this.identities.transfer(identity, holder, id);
    }
    try {
      return await this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'linkIdentity', { identity, authorizedBy }));
    } catch (error) {
      if (!links(current, identity)) await this.identities.release(identity, id);
      throw error;
    }
  }

  /** The identity no longer signs in as this account: the event first, then the index. */
  async unlinkIdentity(id: string, identity: ProviderIdentity, expectedVersion?: number): Promise<AccountView> {
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require(grantsOf(current));
    const view = await this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'unlinkIdentity', { identity, authorizedBy }));
    await this.identities.release(identity, id);
    return view;
  }

  /** An administrator sets a new password; it must change at the next login unless a whole-tree administrator says otherwise. */
  async resetPassword(id: string, password: string, mustChangePassword = true, expectedVersion?: number): Promise<AccountView> {
    if (!mustChangePassword && !callerHasWholeTree()) {
      throw new ProblemError(403, 'forbidden', { reason: 'whole-tree-administrator', act: 'reset' });
    }
    const current = await this.commands.view(accounts, id);
    const authorizedBy = await this.authority.require(grantsOf(current));
    const username = usernameOf(current);
    requireAcceptablePassword('password', password, { minLength: this.config.passwordMinLength, username });
    await this.users.setPassword({ accountId: id, username }, password);
    return this.changed(id, this.commands.run(accounts, id, expectedVersion ?? current.version, 'resetPassword', { mustChangePassword, authorizedBy }));
  }

  /** The owner changes their own password, proving the current one; every session of theirs ends. */
  async changeOwnPassword(accountId: string, currentPassword: string, newPassword: string): Promise<void> {
    const current = await this.commands.view(accounts, accountId);
    const username = usernameOf(current);
    if (!(await this.users.authenticate(username, currentPassword))) {
      throw new ProblemError(422, 'wrong-current-password', { field: 'currentPassword' });
    }
    requireAcceptablePassword('newPassword', newPassword, { minLength: this.config.passwordMinLength, username });
    if (newPassword === currentPassword) throw new ProblemError(422, 'password-unchanged', { field: 'newPassword' });
    await this.users.setPassword({ accountId, username }, newPassword);
    await this.changed(accountId, this.commands.run(accounts, accountId, current.version, 'changePassword', {}));
  }

  async signOut(accountId: string): Promise<void> {
    await this.changed(accountId, this.commands.run(accounts, accountId, undefined, 'signOut', {}));
  }

  /** The accounts the caller may see: those with a grant in the caller's subtrees (all of them for the whole tree). */
  async list(): Promise<AccountSummary[]> {
    const summaries: AccountSummary[] = [];
    for (const id of await this.users.accountIds()) {
      const stream = await this.streams.load(accounts, accounts.streamId(id)).catch((error: unknown) => {
        if (error instanceof StreamNotFoundError) return undefined;
        throw error;
      });
      if (!stream || stream.state.status === 'not-created' || !(await this.commands.visible(accounts, stream.state))) continue;
      const { status, account } = stream.state;
      summaries.push({
        id,
        version: stream.version,
        username: account.username,
        status,
        grants: account.grants,
        identities: account.identities,
        mustChangePassword: account.mustChangePassword,
      });
    }
    return summaries;
  }

  /**
   * At start: the users of before accounts were streams become accounts, and the first start creates `admin`
   * over the whole tree, with ADMIN_PASSWORD (chosen) or a generated password printed once (to change at the
   * first login).
   */
  async bootstrap(): Promise<void> {
    for (const { username, grants } of await this.users.withoutAccount()) {
      const accountId = accountIdOf(username);
      const held = Array.isArray(grants) ? grants.filter(isGrant) : [];
      try {
        await this.createStream(accountId, username, held, 'owner', false);
      } catch (error) {
        if (!(error instanceof ProblemError || error instanceof DomainError)) throw error;
        if (error.code !== 'username-taken') {
          this.logger.warn(`The user "${username}" of before could not become an account (${error.message}); create it anew`);
          continue;
        }
      }
      await this.users.adopt({ accountId, username });
    }
    const chosen = this.config.adminPassword;
    const password = chosen ?? generatePassword();
    const admin = [{ role: 'administrator', organizationId: null }] as const;
    try {
      await this.createStream(accountIdOf('admin'), 'admin', admin, chosen ? 'owner' : 'administrator', !chosen);
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'username-taken') return;
      throw error;
    }
    await this.users.setPassword({ accountId: accountIdOf('admin'), username: 'admin' }, password);
    if (!chosen)
      this.logger.warn(
        `Created the account "admin" with the generated password ${password} (shown once, to change at the first login; set ADMIN_PASSWORD to choose it)`,
      );
  }

  private async open(account: NewAccount, passwordSetBy: PasswordSetter, mustChangePassword: boolean): Promise<AccountView> {
    await this.requireOrganizations(account.grants, 'grants');
    requireAcceptablePassword('password', account.password, { minLength: this.config.passwordMinLength, username: account.username });
    const accountId = accountIdOf(account.username);
    const view = await this.createStream(accountId, account.username, account.grants, passwordSetBy, mustChangePassword);
    await this.users.setPassword({ accountId, username: account.username }, account.password);
    return view;
  }

  private async createStream(
    accountId: string,
    username: string,
    grants: readonly AccountGrant[],
    passwordSetBy: PasswordSetter,
    mustChangePassword: boolean,
  ): Promise<AccountView> {
    const authorizedBy = await this.authority.require(grants);
    try {
      return await this.commands.create(accounts, accountId, 'createAccount', { accountId, username, grants, passwordSetBy, mustChangePassword, authorizedBy });
    } catch (error) {
      if (error instanceof ExpectedVersionConflictError) throw new ProblemError(409, 'username-taken', { username });
      throw error;
    }
  }

  private async requireOrganizations(grants: readonly AccountGrant[], field: string): Promise<void> {
    for (const [index, grant] of grants.entries()) {
      if (grant.organizationId !== null) {
        await this.directory.requireOrganization(field === 'grants' ? `grants[${index}].organizationId` : field, grant.organizationId);
      }
    }
  }

  /** The change is seen by this instance's next request at once, by the others' within ACCOUNT_CACHE_SECONDS. */
  private async changed(id: string, change: Promise<AccountView>): Promise<AccountView> {
    try {
      return await change;
    } finally {
      this.access.forget(id);
    }
  }
}
