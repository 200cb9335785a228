import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { accounts, AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { ResetPasswordRequest } from './reset-password.request.js';

@AccountsController()
export class ResetPasswordHttp {
  constructor(private readonly accounts: Accounts) {}

  @CommandRoute(':id/password-reset', {
    resource: accounts,
    command: 'resetPassword',
    summary: 'Reset the password (đặt lại mật khẩu): the account’s sessions end, and it must change the password at the next login',
  })
  reset(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ResetPasswordRequest) {
    return this.accounts.resetPassword(id, request.password, request.mustChangePassword ?? true, version);
  }
}
