import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AccountAuthority } from './account-authority.js';
import { Accounts } from './accounts.js';
import { ChangePasswordHttp } from './commands/change-password/change-password.http.js';
import { CreateAccountHttp } from './commands/create-account/create-account.http.js';
import { DisableAccountHttp } from './commands/disable-account/disable-account.http.js';
import { EnableAccountHttp } from './commands/enable-account/enable-account.http.js';
import { GrantsHttp } from './commands/grants/grants.http.js';
import { IdentitiesHttp } from './commands/identities/identities.http.js';
import { ResetPasswordHttp } from './commands/reset-password/reset-password.http.js';
import { SignOutHttp } from './commands/sign-out/sign-out.http.js';
import { GetAccountsHttp } from './queries/get-accounts/get-accounts.http.js';

/** Accounts and their grants, as events on each account's stream; the first `admin` at the first start. */
@Module({
  imports: [OrganizationsModule],
  controllers: [
    CreateAccountHttp,
    GetAccountsHttp,
    GrantsHttp,
    IdentitiesHttp,
    DisableAccountHttp,
    EnableAccountHttp,
    ResetPasswordHttp,
    ChangePasswordHttp,
    SignOutHttp,
  ],
  providers: [Accounts, AccountAuthority],
  exports: [Accounts],
})
export class AccountsModule implements OnApplicationBootstrap {
  constructor(private readonly accounts: Accounts) {}

  onApplicationBootstrap(): Promise<void> {
    return this.accounts.bootstrap();
  }
}
