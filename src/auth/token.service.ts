import { decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemError } from '../platform/http/problem.js';
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

export function unauthenticated(message: string): ProblemError {
  return new ProblemError(401, 'unauthenticated', message);
}

function principalOf(payload: JWTPayload): Principal {
  const grants = payload.grants;
  if (typeof payload.sub !== 'string' || payload.sub === '' || !Array.isArray(grants) || !grants.every(isGrant)) {
    throw unauthenticated('The token does not name a subject with grants');
  }
  return { actor: payload.sub, grants };
}

/** jose checks `iat` only against a maximum age; a token issued after now is refused here, whoever issued it. */
function requireIssuedByNow(payload: JWTPayload, now: Date): JWTPayload {
  if (payload.iat !== undefined && payload.iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated(`The bearer token is issued in the future: "iat" is more than ${CLOCK_TOLERANCE_SECONDS} seconds ahead of the service clock`);
  }
  return payload;
}

function refusal(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('The bearer token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return unauthenticated(`The bearer token is refused: ${error.message}`);
  return unauthenticated('The bearer token’s signature does not verify');
}

/**
 * Bearer tokens: the ones this service issues at login (HS256 with its own secret), and, when configured,
 * an organization's identity provider's (verified against its JWKS). Both carry `sub` and `grants`.
 */
export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
    private readonly external: ExternalIssuer | undefined,
  ) {}

  async issue(principal: Principal): Promise<{ accessToken: string; expiresIn: number }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT({ grants: principal.grants })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_ISSUER)
      .setSubject(principal.actor)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.secret);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  async verify(token: string): Promise<Principal> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('The bearer token is not a JWT');
    }
    const currentDate = this.clock.now();
    // Every token must expire: one without `exp` would be good for ever.
    const timely = { currentDate, clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp'] };
    try {
      if (issuer === LOCAL_ISSUER) {
        const { payload } = await jwtVerify(token, this.secret, { issuer: LOCAL_ISSUER, audience: LOCAL_ISSUER, algorithms: ['HS256'], ...timely });
        return principalOf(requireIssuedByNow(payload, currentDate));
      }
      if (this.external && issuer === this.external.issuer) {
        const { payload } = await jwtVerify(token, this.external.keys, { issuer: this.external.issuer, audience: this.external.audience, ...timely });
        return principalOf(requireIssuedByNow(payload, currentDate));
      }
    } catch (error) {
      throw refusal(error);
    }
    throw unauthenticated('The bearer token comes from an issuer this service does not trust');
  }
}
