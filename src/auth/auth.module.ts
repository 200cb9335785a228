import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createRemoteJWKSet } from 'jose';
import { AppConfig } from '../platform/config/app-config.js';
import { Clock } from '../shared/clock.js';
import { AccessDenials } from './access-denials.js';
import { AccountAccess } from './account-access.js';
import { AuthGuard } from './auth.guard.js';
import { LoginHttp } from './login/login.http.js';
import { LoginRateLimit, RequestRateLimit } from './rate-limiter.js';
import { tokenSecret } from './token-secret.js';
import { TokenService, type ExternalIssuer } from './token.service.js';
import { Users } from './users.js';

function externalIssuer(config: AppConfig): ExternalIssuer | undefined {
  const external = config.externalIssuer;
  return external && { issuer: external.issuer, audience: external.audience, keys: createRemoteJWKSet(new URL(external.jwksUrl)) };
}

@Global()
@Module({
  controllers: [LoginHttp],
  providers: [
    Users,
    AccountAccess,
    AccessDenials,
    {
      provide: TokenService,
      inject: [AppConfig, Clock],
      useFactory: async (config: AppConfig, clock: Clock) => new TokenService(await tokenSecret(config), config.tokenTtlSeconds, clock, externalIssuer(config)),
    },
    {
      provide: RequestRateLimit,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => new RequestRateLimit(config.rateLimitPerMinute, clock),
    },
    {
      provide: LoginRateLimit,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => new LoginRateLimit(config.loginAttemptsPerMinute, clock),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Users, AccountAccess, TokenService],
})
export class AuthModule {}
