import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../../shared/access/policy.js';
import { ProblemError } from '../../platform/http/problem.js';
import { TokenService } from '../token.service.js';
import { LoginRateLimit } from '../rate-limiter.js';
import { Users } from '../users.js';
import { LoginRequest, LoginResponse } from './login.request.js';

@ApiTags('auth')
@Controller('auth')
export class LoginHttp {
  constructor(
    private readonly users: Users,
    private readonly tokens: TokenService,
    private readonly attempts: LoginRateLimit,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Log in with a local account (đăng nhập) and get a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'invalid-credentials: wrong username or password' })
  @ApiTooManyRequestsResponse({ description: 'rate-limited: too many attempts from this address in a minute' })
  async login(@Body() request: LoginRequest, @Ip() address: string): Promise<LoginResponse> {
    await this.attempts.take(address);
    const principal = await this.users.authenticate(request.username, request.password);
    if (!principal) throw new ProblemError(401, 'invalid-credentials', 'Wrong username or password');
    return { ...(await this.tokens.issue(principal)), tokenType: 'Bearer' };
  }
}
