import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A PKCE verifier and its S256 challenge (RFC 7636), and a nonce and state, as the admin UI makes them. */
export function authorizationSecrets() {
  const codeVerifier = randomBytes(32).toString('base64url');
  return {
    codeVerifier,
    codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    nonce: randomBytes(16).toString('base64url'),
    state: randomBytes(16).toString('base64url'),
  };
}

export interface AuthorizationRequest {
  readonly subject: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string;
  readonly state: string;
}

/**
 * A real OpenID provider in a process of its own (test/support/identity-provider-server.mjs), and a user agent that
 * signs a subject in at its login page the way a browser would (cookies, redirects, the form), for the code.
 */
export async function startIdentityProvider(clientId = 'disciplina-test') {
  const child = spawn(process.execPath, [join(__dirname, 'identity-provider-server.mjs'), clientId], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the identity provider exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  child.removeAllListeners('exit');

  async function authorize(request: AuthorizationRequest): Promise<{ code: string; state: string }> {
    const cookies = new Map<string, string>();
    const send = async (url: URL, init: RequestInit = {}) => {
      const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
      for (const set of response.headers.getSetCookie()) {
        const [pair = ''] = set.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    };
    const next = (response: Response) => new URL(response.headers.get('location') ?? '', issuer);
    const authorization = new URL('/auth', issuer);
    const { subject, redirectUri, codeChallenge, nonce, state } = request;
    Object.entries({ client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri, code_challenge: codeChallenge })
      .concat(Object.entries({ code_challenge_method: 'S256', nonce, state }))
      .forEach(([name, value]) => authorization.searchParams.set(name, value));
    const loginPage = await send(next(await send(authorization)));
    const action = /action="([^"]+)"/.exec(await loginPage.text())?.[1];
    if (!action) throw new Error(`no login form at the provider (HTTP ${loginPage.status})`);
    let response = await send(new URL(action, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: subject, password: 'any' }),
    });
    while (!next(response).href.startsWith(redirectUri)) {
      if (response.status < 300 || response.status > 399) throw new Error(`the provider stopped at HTTP ${response.status}: ${await response.text()}`);
      response = await send(next(response));
    }
    const back = next(response).searchParams;
    const code = back.get('code');
    if (!code) throw new Error(`the provider sent back no code: ${back.toString()}`);
    return { code, state: back.get('state') ?? '' };
  }

  return {
    issuer,
    clientId,
    /** Registers the client (RFC 7591) as public, with PKCE, for one redirect URI. */
    async register(redirectUri: string): Promise<void> {
      const response = await fetch(new URL('/reg', issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: [redirectUri],
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        }),
      });
      if (response.status !== 201) throw new Error(`the provider refused the registration (HTTP ${response.status}): ${await response.text()}`);
    },
    authorize,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;
