import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Clock } from '../shared/clock.js';
import type { ProblemError } from '../platform/http/problem.js';
import { CLOCK_TOLERANCE_SECONDS, TokenService } from './token.service.js';

const NOW = new Date('2026-03-10T18:30:00Z');
const nowSeconds = NOW.getTime() / 1000;
const clock: Clock = { now: () => NOW };
const SECRET = new TextEncoder().encode('a-local-secret-of-at-least-32-characters');
const PROVIDER = { issuer: 'https://idp.example.org', audience: 'disciplina-api' };

interface Times {
  readonly iat?: number;
  readonly exp?: number;
}

const ACCOUNT_ID = '0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60';

function claims(issuer: string, audience: string, { iat, exp }: Times, subject = 'nguyen.van.a'): SignJWT {
  const jwt = new SignJWT({ grants: [{ role: 'viewer', organizationId: null }], acc: ACCOUNT_ID, gen: 1 })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(subject);
  if (iat !== undefined) jwt.setIssuedAt(iat);
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt;
}

describe('bearer tokens: each must expire and none may be issued after now', () => {
  let tokens: TokenService;
  let providerKey: CryptoKey;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    providerKey = privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] });
    tokens = new TokenService(SECRET, 3600, clock, { ...PROVIDER, keys: jwks });
  });

  const fromProvider = (times: Times, subject?: string) =>
    claims(PROVIDER.issuer, PROVIDER.audience, times, subject).setProtectedHeader({ alg: 'ES256' }).sign(providerKey);
  const issuers: [string, (times: Times) => Promise<string>, Record<string, unknown>][] = [
    [
      'issued by this service',
      (times) => claims('disciplina', 'disciplina', times).setProtectedHeader({ alg: 'HS256' }).sign(SECRET),
      { kind: 'account', actor: 'nguyen.van.a', accountId: ACCOUNT_ID, sessionGeneration: 1 },
    ],
    [
      'from the identity provider',
      (times) => fromProvider(times),
      { kind: 'provider', actor: 'https://idp.example.org#nguyen.van.a', grants: [{ role: 'viewer', organizationId: null }] },
    ],
  ];

  const refusal = (token: string) =>
    tokens.verify(token).then(
      () => 'accepted',
      (error: ProblemError) => `${error.status} ${error.code}: ${error.message}`,
    );

  it("names a provider's user by the issuer and the subject, never the subject alone (a provider's admin is not the local admin)", async () => {
    const holder = await tokens.verify(await fromProvider({ iat: nowSeconds, exp: nowSeconds + 600 }, 'admin'));
    expect(holder.actor).toBe('https://idp.example.org#admin');
  });

  it('refuses a token of this service that names no account', async () => {
    const token = await new SignJWT({ grants: [{ role: 'administrator', organizationId: null }] })
      .setIssuer('disciplina')
      .setAudience('disciplina')
      .setSubject('admin')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 600)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(SECRET);
    expect(await refusal(token)).toBe('401 unauthenticated: The token does not name an account');
  });

  describe.each(issuers)('a token %s', (_issuer, sign, holder) => {
    it('is accepted when issued now and expiring later', async () => {
      await expect(tokens.verify(await sign({ iat: nowSeconds, exp: nowSeconds + 600 }))).resolves.toEqual(holder);
    });

    it('is refused without exp, which would never expire', async () => {
      expect(await refusal(await sign({ iat: nowSeconds }))).toBe('401 unauthenticated: The bearer token is refused: missing required "exp" claim');
    });

    it('is refused when its iat is ahead of the service clock by more than the tolerance', async () => {
      const iat = nowSeconds + CLOCK_TOLERANCE_SECONDS + 1;
      expect(await refusal(await sign({ iat, exp: iat + 600 }))).toMatch(/^401 unauthenticated: The bearer token is issued in the future/);
    });

    it('is accepted when its iat is ahead by no more than the tolerance (clocks differ a little)', async () => {
      const iat = nowSeconds + CLOCK_TOLERANCE_SECONDS;
      await expect(tokens.verify(await sign({ iat, exp: iat + 600 }))).resolves.toMatchObject({ actor: holder.actor });
    });

    it('is refused once expired', async () => {
      expect(await refusal(await sign({ iat: nowSeconds - 3600, exp: nowSeconds - CLOCK_TOLERANCE_SECONDS }))).toBe(
        '401 unauthenticated: The bearer token has expired',
      );
    });
  });
});
