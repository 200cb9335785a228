import { Body, Controller, Get, HttpCode, Ip, Optional, Post } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { sameIdentity } from '../../accounts/domain/account.state.js';
import { ProblemError } from '../../platform/http/problem.js';
import { Public } from '../../shared/access/policy.js';
import { AccountAccess } from '../account-access.js';
import { LoginResponse } from '../login/login.request.js';
import { ProviderIdentities } from '../provider-identities.js';
import { LoginRateLimit } from '../rate-limiter.js';
import { TokenService } from '../token.service.js';
import { ProviderSignIn, type ProviderAbout } from './provider-sign-in.js';
import { ProviderAboutResponse, ProviderLoginRequest } from './provider-login.request.js';

@ApiTags('auth')
@Controller('auth/provider')
export class ProviderSignInHttp {
  constructor(
    private readonly identities: ProviderIdentities,
    private readonly accounts: AccountAccess,
    private readonly tokens: TokenService,
    private readonly attempts: LoginRateLimit,
    @Optional() private readonly provider?: ProviderSignIn,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'getIdentityProvider', summary: 'The identity provider the admin UI signs in through (nhà cung cấp định danh), if any' })
  @ApiOkResponse({ type: ProviderAboutResponse })
  @ApiNotFoundResponse({ description: 'provider-not-configured: passwords only (OIDC_ISSUER and OIDC_CLIENT_ID unset)' })
  @ApiServiceUnavailableResponse({ description: 'provider-unavailable: the provider’s discovery document could not be read' })
  about(): Promise<ProviderAbout> {
    return this.configured().about();
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'loginWithProvider',
    summary: 'Finish a sign-in through the identity provider: exchange its code (with the PKCE verifier) for a bearer token',
    description:
      'The ID token’s issuer and subject must be linked to an account (POST /api/v1/accounts/{id}/identities); the session is that account’s, with its grants.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'provider-refused, provider-token-invalid: the code or the ID token is refused' })
  @ApiForbiddenResponse({ description: 'identity-not-linked: no account is linked to the identity; account-disabled' })
  @ApiNotFoundResponse({ description: 'provider-not-configured' })
  @ApiTooManyRequestsResponse({ description: 'rate-limited: too many attempts from this address in a minute' })
  @ApiServiceUnavailableResponse({ description: 'provider-unavailable' })
  async login(@Body() request: ProviderLoginRequest, @Ip() address: string): Promise<LoginResponse> {
    const provider = this.configured();
    await this.attempts.take(address);
    const identity = await provider.identityOf(request);
    const accountId = await this.identities.accountOf(identity);
    const standing = accountId && (await this.accounts.standing(accountId));
    if (!standing || !standing.identities.some((linked) => sameIdentity(linked, identity))) {
      throw new ProblemError(403, 'identity-not-linked', identity);
    }
    if (!standing.active) throw new ProblemError(403, 'account-disabled', { username: standing.username });
    return {
      ...(await this.tokens.issue(standing, identity.issuer)),
      tokenType: 'Bearer',
      mustChangePassword: false,
      username: standing.username,
      grants: [...standing.grants],
    };
  }

  private configured(): ProviderSignIn {
    if (!this.provider) throw new ProblemError(404, 'provider-not-configured');
    return this.provider;
  }
}
