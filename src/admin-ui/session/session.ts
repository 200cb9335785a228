import { useSyncExternalStore } from 'react';
import { currentProfile, onTokenChange } from '../api/client.js';

export interface Grant {
  readonly role: string;
  readonly organizationId: string | null;
}

export interface Session {
  readonly username: string;
  readonly grants: readonly Grant[];
  /** The password was set by an administrator: nothing else until it is changed. */
  readonly mustChangePassword: boolean;
}

/** What the login said of the account, for display only: the API checks every request against the account as it is then. */
function sessionOf(profile: string | null): Session | null {
  if (!profile) return null;
  try {
    const about = JSON.parse(profile) as Partial<Session>;
    return { username: about.username ?? '', grants: about.grants ?? [], mustChangePassword: about.mustChangePassword ?? false };
  } catch {
    return null;
  }
}

let cached: { profile: string | null; session: Session | null } = { profile: null, session: null };

function snapshot(): Session | null {
  const profile = currentProfile();
  if (profile !== cached.profile) cached = { profile, session: sessionOf(profile) };
  return cached.session;
}

export function useSession(): Session | null {
  return useSyncExternalStore(onTokenChange, snapshot);
}

export function isAdministrator(session: Session | null): boolean {
  return session?.grants.some((grant) => grant.role === 'administrator') ?? false;
}

/** Administrators and auditors: the roles the API serves the system's status to. */
export function readsSystemStatus(session: Session | null): boolean {
  return session?.grants.some((grant) => grant.role === 'administrator' || grant.role === 'auditor') ?? false;
}
