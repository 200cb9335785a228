import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { accounts, AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { AccountStatusRequest } from '../disable-account/account-status.request.js';

@AccountsController()
export class EnableAccountHttp {
  constructor(private readonly accounts: Accounts) {}

  @CommandRoute(':id/enable', {
    resource: accounts,
    command: 'enableAccount',
    summary: 'Enable a disabled account again (mở khóa); its old tokens stay refused',
  })
  enable(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AccountStatusRequest) {
    return this.accounts.enable(id, request.reason ?? null, version);
  }
}
