import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { createRemoteJWKSet } from 'jose';
import { AppConfig } from '../platform/config/app-config.js';
import { Clock } from '../shared/clock.js';
import { Database } from '../database/database.js';
import { AccessDenials } from './access-denials.js';
import { AccessDenialsInterceptor } from './access-denials.interceptor.js';
import { AccountAccess } from './account-access.js';
import { AuthGuard } from './auth.guard.js';
import { LoginHttp } from './login/login.http.js';
import { ProviderSignIn } from './provider-sign-in/provider-sign-in.js';
import { ProviderSignInHttp } from './provider-sign-in/provider-sign-in.http.js';
import { PostgresRequestCounter } from './postgres-request-counter.js';
import { LoginRateLimit, RequestCounter, RequestRateLimit, UnauthenticatedRateLimit } from './rate-limiter.js';
import { tokenSecret } from './token-secret.js';
import { TokenService, type ExternalIssuer } from './token.service.js';
import { ProviderIdentities } from './provider-identities.js';
import { Users } from './users.js';

function externalIssuer(config: AppConfig): ExternalIssuer | undefined {
  const external = config.externalIssuer;
  return external && { issuer: external.issuer, audience: external.audience, keys: createRemoteJWKSet(new URL(external.jwksUrl)) };
}

@Global()
@Module({
  controllers: [LoginHttp, ProviderSignInHttp],
  providers: [
    Users,
    ProviderIdentities,
    AccountAccess,
    AccessDenials,
    {
      provide: TokenService,
      inject: [AppConfig, Clock],
      useFactory: async (config: AppConfig, clock: Clock) => new TokenService(await tokenSecret(config), config.tokenTtlSeconds, clock, externalIssuer(config)),
    },
    {
      provide: ProviderSignIn,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => (config.providerSignIn ? new ProviderSignIn(config.providerSignIn, clock) : undefined),
    },
    { provide: RequestCounter, inject: [Database], useFactory: (database: Database) => new PostgresRequestCounter(database.pool) },
    {
      provide: RequestRateLimit,
      inject: [AppConfig, RequestCounter, Clock],
      useFactory: (config: AppConfig, counter: RequestCounter, clock: Clock) => new RequestRateLimit('account', config.rateLimitPerMinute, counter, clock),
    },
    {
      provide: UnauthenticatedRateLimit,
      inject: [AppConfig, RequestCounter, Clock],
      useFactory: (config: AppConfig, counter: RequestCounter, clock: Clock) =>
        new UnauthenticatedRateLimit('unauthenticated', config.unauthenticatedRequestsPerMinute, counter, clock),
    },
    {
      provide: LoginRateLimit,
      inject: [AppConfig, RequestCounter, Clock],
      useFactory: (config: AppConfig, counter: RequestCounter, clock: Clock) => new LoginRateLimit('login', config.loginAttemptsPerMinute, counter, clock),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessDenialsInterceptor },
  ],
  exports: [Users, ProviderIdentities, AccountAccess, TokenService, AccessDenials],
})
export class AuthModule {}
