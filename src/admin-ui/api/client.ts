import type { Language } from '../i18n/i18n.js';
import { client } from './generated/client.gen.js';
import { ApiProblem, type ProblemBody } from './problem.js';

export { ApiProblem } from './problem.js';

let token: string | null = sessionStorage.getItem('disciplina.token');
let profile: string | null = sessionStorage.getItem('disciplina.profile');
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return token;
}

/** What the login said of the account (username, grants, whether its password must change), as JSON. */
export function currentProfile(): string | null {
  return profile;
}

/** Starts a session with a login's token and what it said of the account; null ends it. */
export function setToken(next: string | null, about?: object): void {
  token = next;
  profile = next && about ? JSON.stringify(about) : null;
  if (next) sessionStorage.setItem('disciplina.token', next);
  else sessionStorage.removeItem('disciplina.token');
  if (profile) sessionStorage.setItem('disciplina.profile', profile);
  else sessionStorage.removeItem('disciplina.profile');
  listeners.forEach((listener) => listener());
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

client.setConfig({ baseUrl: '', auth: () => token ?? undefined });

let language: Language = 'vi';

/** The language the officer chose: every request asks for it (Accept-Language), and the API words its refusals in it. */
export function setApiLanguage(next: Language): void {
  language = next;
  client.setConfig({ headers: { 'Accept-Language': next } });
}

/** The generated SDK's answer, or the API's problem thrown; a 401 ends the session. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (response?.ok) return data as T;
  const status = response?.status ?? 0;
  if (status === 401) setToken(null);
  const body: ProblemBody = typeof error === 'object' && error !== null ? (error as ProblemBody) : { detail: String(error ?? 'network error') };
  throw new ApiProblem(status, body);
}

/** A request outside the generated SDK: commands found in the OpenAPI document by operation id. */
export async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(path, {
    method,
    headers: {
      'Accept-Language': language,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text && /^application\/(problem\+)?json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  if (response.ok) return parsed;
  if (response.status === 401) setToken(null);
  throw new ApiProblem(response.status, typeof parsed === 'object' && parsed !== null ? (parsed as ProblemBody) : { detail: String(parsed) });
}
