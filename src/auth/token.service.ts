import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ProblemError } from '../platform/http/problem.js';
import type { Clock } from '../shared/clock.js';
import { isGrant, type Principal } from '../shared/access/principal.js';

const LOCAL_ISSUER = 'disciplina';

export interface ExternalIssuer {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
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

/**
 * Bearer tokens: the ones this service issues at login (HS256 with its own secret), and, when configured,
 * an organization's identity provider's (verified against its JWKS). Both carry `sub` and `grants`.
 */
export class TokenService {
  private readonly remoteKeys;

  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
    private readonly external: ExternalIssuer | undefined,
  ) {
    this.remoteKeys = external ? createRemoteJWKSet(new URL(external.jwksUrl)) : undefined;
  }

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
    try {
      if (issuer === LOCAL_ISSUER) {
        const { payload } = await jwtVerify(token, this.secret, { issuer: LOCAL_ISSUER, audience: LOCAL_ISSUER, algorithms: ['HS256'], currentDate });
        return principalOf(payload);
      }
      if (this.external && this.remoteKeys && issuer === this.external.issuer) {
        const { payload } = await jwtVerify(token, this.remoteKeys, { issuer: this.external.issuer, audience: this.external.audience, currentDate });
        return principalOf(payload);
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw unauthenticated('The bearer token is expired or its signature does not verify');
    }
    throw unauthenticated('The bearer token comes from an issuer this service does not trust');
  }
}
