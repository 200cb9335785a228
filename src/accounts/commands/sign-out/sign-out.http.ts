import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../../platform/http/api-routes.js';
import { Allow, PasswordChange } from '../../../shared/access/policy.js';
import { ROLES } from '../../../shared/access/principal.js';
import { Accounts } from '../../accounts.js';
import { currentAccountId } from '../../current-account.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class SignOutHttp {
  constructor(private readonly accounts: Accounts) {}

  @Post('logout')
  @HttpCode(204)
  @PasswordChange()
  @Allow(...ROLES)
  @ApiOperation({ operationId: 'logout', summary: 'Log out (đăng xuất): every token issued to your account so far is refused' })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiProblemResponses(401)
  async signOut(): Promise<void> {
    await this.accounts.signOut(currentAccountId());
  }
}
