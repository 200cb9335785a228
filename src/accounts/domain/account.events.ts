import type { ActDates } from '../../shared/domain/valid-time.js';
import type { Event } from '../../shared/domain/decider.js';

/** A role over an organization subtree (null: the whole tree): the shape tokens and routes carry. */
export type AccountGrant = Readonly<{ role: string; organizationId: string | null }>;

/** A person as an identity provider knows them: its issuer and their subject there, never the subject alone. */
export type ProviderIdentity = Readonly<{ issuer: string; subject: string }>;

/**
 * Who set a password: an administrator (at creation or reset, and the generated first password of `admin`),
 * or the account's owner (themselves, or the operator choosing ADMIN_PASSWORD). Only the owner's counts as chosen.
 */
export const PASSWORD_SETTERS = ['administrator', 'owner'] as const;
export type PasswordSetter = (typeof PASSWORD_SETTERS)[number];

/**
 * The administrator's grants under which a change was made; empty when the service made it on its own
 * behalf (first start). Who and when are the event's metadata (actor) and record time.
 */
type Authorized = { readonly authorizedBy: readonly AccountGrant[] };

export type AccountCreated = Event<
  'AccountCreated',
  Authorized & { accountId: string; username: string; grants: readonly AccountGrant[]; passwordSetBy: PasswordSetter; mustChangePassword: boolean }
>;
export type GrantAdded = Event<'GrantAdded', Authorized & { accountId: string; grant: AccountGrant }>;
export type GrantRemoved = Event<'GrantRemoved', Authorized & { accountId: string; grant: AccountGrant }>;
export type AccountDisabled = Event<'AccountDisabled', Authorized & { accountId: string; reason: string | null }>;
export type AccountEnabled = Event<'AccountEnabled', Authorized & { accountId: string; reason: string | null }>;
export type PasswordReset = Event<'PasswordReset', Authorized & { accountId: string; mustChangePassword: boolean }>;
/** By the owner: the password is theirs from now on. */
export type PasswordChanged = Event<'PasswordChanged', { accountId: string }>;
/** The owner logged out: every token issued to the account so far is refused. */
export type SignedOut = Event<'SignedOut', { accountId: string }>;
/** The identity signs in through its provider as this account, with the account's grants. */
export type IdentityLinked = Event<'IdentityLinked', Authorized & { accountId: string; identity: ProviderIdentity }>;
/** The identity no longer signs in as this account; the account's sessions end. */
export type IdentityUnlinked = Event<'IdentityUnlinked', Authorized & { accountId: string; identity: ProviderIdentity }>;

export type AccountEvent =
  | AccountCreated
  | GrantAdded
  | GrantRemoved
  | AccountDisabled
  | AccountEnabled
  | PasswordReset
  | PasswordChanged
  | SignedOut
  | IdentityLinked
  | IdentityUnlinked;

/** Account changes carry no legal date: their valid time is when they are recorded. */
export const ACCOUNT_ACT_DATES: ActDates<AccountEvent> = {
  AccountCreated: () => null,
  GrantAdded: () => null,
  GrantRemoved: () => null,
  AccountDisabled: () => null,
  AccountEnabled: () => null,
  PasswordReset: () => null,
  PasswordChanged: () => null,
  SignedOut: () => null,
  IdentityLinked: () => null,
  IdentityUnlinked: () => null,
};
