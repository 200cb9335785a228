import { decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemError } from '../platform/http/problem.js';
import type { UnauthenticatedReason } from '../shared/domain/refusals/request-refusals.js';
import type { Clock } from '../shared/clock.js';
import { isGrant, type Principal } from '../shared/access/principal.js';

const LOCAL_ISSUER = 'disciplina';

/** How far an issuer's clock and ours may disagree, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface ExternalIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The provider's signing keys, as its JWKS publishes them. */
  readonly keys: JWTVerifyGetKey;
}

export function unauthenticated(reason: UnauthenticatedReason, values: Readonly<Record<string, unknown>> = {}): ProblemError {
  return new ProblemError(401, 'unauthenticated', { reason, ...values });
}

/**
 * Whom a verified token names. This service's tokens name an account and the session generation they were
 * issued under: its grants are read from the account at each request. A provider's tokens carry their grants,
 * and their actor is the provider's issuer with the subject: never the subject alone, which a provider may
 * share with a local username.
 */
export type TokenHolder =
  | {
      readonly kind: 'account';
      readonly actor: string;
      readonly accountId: string;
      readonly sessionGeneration: number;
      /** The provider whose identity signed in (no password was given); none: a password login. */
      readonly signedInThrough: string | undefined;
    }
  | ({ readonly kind: 'provider' } & Principal);

function accountOf(payload: JWTPayload): TokenHolder {
  const { sub, acc, gen, idp } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof acc !== 'string' || !Number.isInteger(gen) || (idp !== undefined && typeof idp !== 'string')) {
    throw unauthenticated('no-account-named');
  }
  return { kind: 'account', actor: sub, accountId: acc, sessionGeneration: gen as number, signedInThrough: idp };
}

function providerPrincipalOf(payload: JWTPayload, issuer: string): TokenHolder {
  const grants = payload.grants;
  if (typeof payload.sub !== 'string' || payload.sub === '' || !Array.isArray(grants) || !grants.every(isGrant)) {
    throw unauthenticated('no-grants-named');
  }
  return { kind: 'provider', actor: `${issuer}#${payload.sub}`, grants };
}

/** jose checks `iat` only against a maximum age; a token issued after now is refused here, whoever issued it. */
function requireIssuedByNow(payload: JWTPayload, now: Date): JWTPayload {
  if (payload.iat !== undefined && payload.iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated('issued-in-future', { toleranceSeconds: CLOCK_TOLERANCE_SECONDS });
  }
  return payload;
}

function refusal(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('expired');
  if (error instanceof errors.JWTClaimValidationFailed) return unauthenticated('claim-refused', { claim: error.claim, check: error.reason });
  return unauthenticated('bad-signature');
}

/**
 * Bearer tokens: the ones this service issues at login (HS256 with its own secret), and, when configured,
 * an organization's identity provider's (verified against its JWKS).
 */
export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
    private readonly external: ExternalIssuer | undefined,
  ) {}

  /**
   * A token for an account's session: valid until it expires or the account's session generation moves on.
   * `signedInThrough` names the provider when its identity signed in instead of a password.
   */
  async issue(
    account: { readonly username: string; readonly accountId: string; readonly sessionGeneration: number },
    signedInThrough?: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT({ acc: account.accountId, gen: account.sessionGeneration, ...(signedInThrough && { idp: signedInThrough }) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_ISSUER)
      .setSubject(account.username)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.secret);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  async verify(token: string): Promise<TokenHolder> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('not-a-jwt');
    }
    const currentDate = this.clock.now();
    // Every token must expire: one without `exp` would be good for ever.
    const timely = { currentDate, clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp'] };
    try {
      if (issuer === LOCAL_ISSUER) {
        const { payload } = await jwtVerify(token, this.secret, { issuer: LOCAL_ISSUER, audience: LOCAL_ISSUER, algorithms: ['HS256'], ...timely });
        return accountOf(requireIssuedByNow(payload, currentDate));
      }
      if (this.external && issuer === this.external.issuer) {
        const { payload } = await jwtVerify(token, this.external.keys, { issuer: this.external.issuer, audience: this.external.audience, ...timely });
        return providerPrincipalOf(requireIssuedByNow(payload, currentDate), this.external.issuer);
      }
    } catch (error) {
      throw refusal(error);
    }
    throw unauthenticated('untrusted-issuer');
  }
}
