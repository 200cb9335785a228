import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../../platform/http/api-routes.js';
import { Allow, PasswordChange } from '../../../shared/access/policy.js';
import { ROLES } from '../../../shared/access/principal.js';
import { Accounts } from '../../accounts.js';
import { currentAccountId } from '../../current-account.js';
import { ChangePasswordRequest } from './change-password.request.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class ChangePasswordHttp {
  constructor(private readonly accounts: Accounts) {}

  @Post('password')
  @HttpCode(204)
  @PasswordChange()
  @Allow(...ROLES)
  @ApiOperation({
    operationId: 'changePassword',
    summary: 'Change your own password (đổi mật khẩu): every session of yours ends; log in again with the new one',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblemResponses(400, 401, 422)
  async change(@Body() request: ChangePasswordRequest): Promise<void> {
    await this.accounts.changeOwnPassword(currentAccountId(), request.currentPassword, request.newPassword);
  }
}
