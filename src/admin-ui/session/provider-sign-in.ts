import { useQuery } from '@tanstack/react-query';
import { ApiProblem, call, setToken } from '../api/client.js';
import { getIdentityProvider, loginWithProvider } from '../api/generated/sdk.gen.js';
import type { ProviderAboutResponse } from '../api/generated/types.gen.js';

/** Where the provider sends the officer back: served by the admin UI like any of its pages. */
export const CALLBACK_PATH = '/login/callback';
const PENDING = 'disciplina.provider-sign-in';

interface Pending {
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly state: string;
  readonly redirectUri: string;
}

function randomText(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The identity provider the service signs in through; null when it has none. */
export function useIdentityProvider() {
  return useQuery({
    queryKey: ['identity-provider'],
    queryFn: async () => {
      try {
        return await call(getIdentityProvider());
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Sends the officer to the provider (authorization code with PKCE, RFC 7636), keeping the verifier in this tab. */
export async function startProviderSignIn(provider: ProviderAboutResponse): Promise<void> {
  const pending: Pending = { codeVerifier: randomText(32), nonce: randomText(16), state: randomText(16), redirectUri: `${location.origin}${CALLBACK_PATH}` };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.codeVerifier))));
  const url = new URL(provider.authorizationEndpoint);
  const query = {
    client_id: provider.clientId,
    response_type: 'code',
    scope: provider.scope,
    redirect_uri: pending.redirectUri,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  location.assign(url);
}

/** Back from the provider with its `answer` (the callback's query): the service exchanges the code with the verifier, and the session starts. */
export async function finishProviderSignIn(answer: URLSearchParams): Promise<void> {
  const kept = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = kept ? (JSON.parse(kept) as Pending) : null;
  const refused = answer.get('error');
  if (refused) throw new Error(answer.get('error_description') ?? refused);
  const code = answer.get('code');
  if (!pending || !code || answer.get('state') !== pending.state) throw new Error('state');
  const { accessToken, ...about } = await call(
    loginWithProvider({ body: { code, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri, nonce: pending.nonce } }),
  );
  setToken(accessToken, { username: about.username, grants: about.grants, mustChangePassword: about.mustChangePassword });
}
