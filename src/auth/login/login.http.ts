import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../../shared/access/policy.js';
import { ProblemError } from '../../platform/http/problem.js';
import { AccountAccess } from '../account-access.js';
import { TokenService } from '../token.service.js';
import { LoginRateLimit } from '../rate-limiter.js';
import { Users } from '../users.js';
import { LoginRequest, LoginResponse } from './login.request.js';

@ApiTags('auth')
@Controller('auth')
export class LoginHttp {
  constructor(
    private readonly users: Users,
    private readonly accounts: AccountAccess,
    private readonly tokens: TokenService,
    private readonly attempts: LoginRateLimit,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in with a local account (đăng nhập) and get a bearer token',
    description: 'With `mustChangePassword` true, the token may only call POST /api/v1/auth/password (changePassword).',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'invalid-credentials: wrong username or password' })
  @ApiForbiddenResponse({ description: 'account-disabled: the password is right, but an administrator disabled the account' })
  @ApiTooManyRequestsResponse({ description: 'rate-limited: too many attempts from this address in a minute' })
  async login(@Body() request: LoginRequest, @Ip() address: string): Promise<LoginResponse> {
    await this.attempts.take(address);
    const credential = await this.users.authenticate(request.username, request.password);
    const standing = credential && (await this.accounts.standing(credential.accountId));
    if (!standing) throw new ProblemError(401, 'invalid-credentials');
    if (!standing.active) throw new ProblemError(403, 'account-disabled', { username: standing.username });
    return {
      ...(await this.tokens.issue(standing)),
      tokenType: 'Bearer',
      mustChangePassword: standing.mustChangePassword,
      username: standing.username,
      grants: [...standing.grants],
    };
  }
}
