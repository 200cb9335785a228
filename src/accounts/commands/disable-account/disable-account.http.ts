import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { accounts, AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { AccountStatusRequest } from './account-status.request.js';

@AccountsController()
export class DisableAccountHttp {
  constructor(private readonly accounts: Accounts) {}

  @CommandRoute(':id/disable', {
    resource: accounts,
    command: 'disableAccount',
    summary: 'Disable an account (khóa tài khoản): its tokens are refused within ACCOUNT_CACHE_SECONDS',
  })
  disable(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AccountStatusRequest) {
    return this.accounts.disable(id, request.reason ?? null, version);
  }
}
