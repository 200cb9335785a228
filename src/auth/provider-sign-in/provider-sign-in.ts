import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ProviderIdentity } from '../../accounts/domain/account.events.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { ProblemError } from '../../platform/http/problem.js';
import type { Clock } from '../../shared/clock.js';
import { CLOCK_TOLERANCE_SECONDS } from '../token.service.js';

type Settings = NonNullable<AppConfig['providerSignIn']>;

/** The provider's endpoints, as its discovery document names them. */
interface Endpoints {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly keys: JWTVerifyGetKey;
}

/** What the admin UI needs to send the officer to the provider. */
export interface ProviderAbout {
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly authorizationEndpoint: string;
  readonly scope: string;
}

/** What the admin UI brings back from the provider: the code, and what it made to ask for it. */
export interface AuthorizationResponse {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly nonce: string;
}

const SCOPE = 'openid';
const PROVIDER_TIMEOUT_MS = 5_000;

type Step = 'discovery' | 'code-exchange';

function unavailable(step: Step, cause: unknown): ProblemError {
  return new ProblemError(503, 'provider-unavailable', { step, cause: cause instanceof Error ? cause.message : String(cause) });
}

async function providerJson(url: string, init: RequestInit, step: Step): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (error) {
    throw unavailable(step, error);
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (body === null || typeof body !== 'object') throw unavailable(step, new Error(`HTTP ${response.status} without a JSON body`));
  return { status: response.status, body };
}

/**
 * Sign-in through the organization's identity provider (OpenID Connect, authorization code with PKCE): the
 * admin UI makes the verifier and sends the officer to the provider; this service, its client, exchanges the
 * code with the verifier and takes from the verified ID token the identity, as issuer and subject.
 */
export class ProviderSignIn {
  private endpoints: Promise<Endpoints> | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async about(): Promise<ProviderAbout> {
    const { authorizationEndpoint } = await this.discovered();
    const { name, issuer, clientId } = this.settings;
    return { name, issuer, clientId, authorizationEndpoint, scope: SCOPE };
  }

  async identityOf(response: AuthorizationResponse): Promise<ProviderIdentity> {
    const { tokenEndpoint, keys } = await this.discovered();
    const idToken = await this.exchange(tokenEndpoint, response);
    const { issuer, clientId } = this.settings;
    try {
      const { payload } = await jwtVerify(idToken, keys, {
        issuer,
        audience: clientId,
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub', 'nonce'],
      });
      if (payload.nonce !== response.nonce) throw new errors.JWTClaimValidationFailed('the nonce is not the one sent', payload, 'nonce', 'check_failed');
      return { issuer, subject: payload.sub! };
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.message : 'it does not verify';
      throw new ProblemError(401, 'provider-token-invalid', { cause: reason });
    }
  }

  private async exchange(tokenEndpoint: string, { code, codeVerifier, redirectUri }: AuthorizationResponse): Promise<string> {
    const { clientId, clientSecret } = this.settings;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (clientSecret) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    else form.set('client_id', clientId);
    const { status, body } = await providerJson(tokenEndpoint, { method: 'POST', headers, body: form }, 'code-exchange');
    if (status >= 500) throw unavailable('code-exchange', new Error(`HTTP ${status}`));
    if (status !== 200 || typeof body.id_token !== 'string') {
      const said = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
      throw new ProblemError(401, 'provider-refused', said ? { said } : {});
    }
    return body.id_token;
  }

  /** Read once, when first needed (the service starts while the provider is away); a failed read is tried again. */
  private discovered(): Promise<Endpoints> {
    this.endpoints ??= this.discover().catch((error: unknown) => {
      this.endpoints = undefined;
      throw error;
    });
    return this.endpoints;
  }

  private async discover(): Promise<Endpoints> {
    const { issuer } = this.settings;
    const { status, body } = await providerJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {}, 'discovery');
    const { authorization_endpoint: authorizationEndpoint, token_endpoint: tokenEndpoint, jwks_uri: jwksUri } = body;
    if (
      status !== 200 ||
      body.issuer !== issuer ||
      typeof authorizationEndpoint !== 'string' ||
      typeof tokenEndpoint !== 'string' ||
      typeof jwksUri !== 'string'
    ) {
      throw unavailable('discovery', new Error(`HTTP ${status}, not a discovery document of ${issuer}`));
    }
    return { authorizationEndpoint, tokenEndpoint, keys: createRemoteJWKSet(new URL(jwksUri)) };
  }
}
