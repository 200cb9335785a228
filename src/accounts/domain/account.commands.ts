import type { Command } from '../../shared/domain/decider.js';
import type { AccountGrant, PasswordSetter, ProviderIdentity } from './account.events.js';

type Authorized = { readonly authorizedBy: readonly AccountGrant[] };

export type CreateAccount = Command<
  'createAccount',
  Authorized & { accountId: string; username: string; grants: readonly AccountGrant[]; passwordSetBy: PasswordSetter; mustChangePassword: boolean }
>;
export type AddGrant = Command<'addGrant', Authorized & { grant: AccountGrant }>;
export type RemoveGrant = Command<'removeGrant', Authorized & { grant: AccountGrant }>;
export type DisableAccount = Command<'disableAccount', Authorized & { reason: string | null }>;
export type EnableAccount = Command<'enableAccount', Authorized & { reason: string | null }>;
export type ResetPassword = Command<'resetPassword', Authorized & { mustChangePassword: boolean }>;
export type ChangePassword = Command<'changePassword', Record<string, never>>;
export type SignOut = Command<'signOut', Record<string, never>>;
export type LinkIdentity = Command<'linkIdentity', Authorized & { identity: ProviderIdentity }>;
export type UnlinkIdentity = Command<'unlinkIdentity', Authorized & { identity: ProviderIdentity }>;

export type AccountCommand =
  CreateAccount | AddGrant | RemoveGrant | DisableAccount | EnableAccount | ResetPassword | ChangePassword | SignOut | LinkIdentity | UnlinkIdentity;
