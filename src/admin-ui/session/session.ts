import { useSyncExternalStore } from 'react';
import { currentToken, onTokenChange } from '../api/client.js';

export interface Grant {
  readonly role: string;
  readonly organizationId: string | null;
}

export interface Session {
  readonly username: string;
  readonly grants: readonly Grant[];
}

/** What the token says about its holder, for display only: the API checks every request itself. */
function sessionOf(token: string | null): Session | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string; grants?: Grant[] };
    return { username: claims.sub ?? '', grants: claims.grants ?? [] };
  } catch {
    return null;
  }
}

let cached: { token: string | null; session: Session | null } = { token: null, session: null };

function snapshot(): Session | null {
  const token = currentToken();
  if (token !== cached.token) cached = { token, session: sessionOf(token) };
  return cached.session;
}

export function useSession(): Session | null {
  return useSyncExternalStore(onTokenChange, snapshot);
}
