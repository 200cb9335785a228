import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../policy.js';
import { ProblemError } from '../../platform/http/problem.js';
import { TokenService } from '../token.service.js';
import { Users } from '../users.js';
import { LoginRequest, LoginResponse } from './login.request.js';

@ApiTags('auth')
@Controller('auth')
export class LoginHttp {
  constructor(
    private readonly users: Users,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with a local account (đăng nhập) and get a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'invalid-credentials: wrong username or password' })
  async login(@Body() request: LoginRequest): Promise<LoginResponse> {
    const principal = await this.users.authenticate(request.username, request.password);
    if (!principal) throw new ProblemError(401, 'invalid-credentials', 'Wrong username or password');
    return { ...(await this.tokens.issue(principal)), tokenType: 'Bearer' };
  }
}
