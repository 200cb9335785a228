import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import type pg from 'pg';
import type { Response } from 'supertest';
import { Accounts } from '../../src/accounts/accounts.js';
import { ApiClient } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, testPool, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { waitUntilFollowedUp } from '../support/projections.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';
import { validCommands, type ValidCommand } from '../support/valid-commands.js';

const FUZZER_PASSWORD = 'fuzzer-password-1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Place = readonly (string | number)[];

/** Every place in a value, the value itself first. */
function places(value: Json, at: Place = []): Place[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => places(item, [...at, index]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => places(item, [...at, key]))];
  return [at];
}

function valueAt(value: Json, place: Place): Json {
  return place.reduce<Json>((inner, key) => (inner as Record<string | number, Json>)[key]!, value);
}

/** A copy of `value` with the place replaced (`undefined`: removed); an own `__proto__` key survives. */
function withAt(value: Json, place: Place, replacement: Json | undefined): Json {
  const [key, ...rest] = place;
  if (key === undefined) return replacement === undefined ? null : replacement;
  if (Array.isArray(value) && replacement === undefined && rest.length === 0) return value.filter((_, index) => index !== key);
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }) as Record<string | number, Json>;
  if (replacement === undefined && rest.length === 0) {
    delete copy[key];
    return copy as Json;
  }
  Object.defineProperty(copy, key, { value: withAt(copy[key]!, rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy as Json;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TERM = /^[a-z]+(-[a-z]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const badDates = fc.constantFrom(
  '2019-02-30',
  '2019-02-29',
  '2019-13-01',
  '2019-00-10',
  '0000-01-01',
  '2019-1-1',
  '01/02/2019',
  '2019-02-28T25:00:00Z',
  '+275760-09-13',
  '',
);
/** Real calendar days that no act of these records can bear: far future, far past, before the stream's own acts. */
const wrongDays = fc.constantFrom('9999-12-31', '2099-01-01', '1899-12-31', '1900-01-01', '1990-01-01', '2024-02-29', '2010-03-01');
const unicodeEdges = fc.constantFrom(
  '\ud800 lone surrogate',
  'T\u0000nh',
  '\u202eRTL override',
  'zero\u200bwidth',
  '👨‍👩‍👧 family',
  'Nguye\u0302\u0303n (NFD)',
  '\ufeffBOM',
  '   ',
  'line\u2028separator',
  'İı',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '${7*7}',
  '\\u0000',
);
const hugeStrings = fc.constantFrom(201, 4_001, 65_536, 1_100_000).map((length) => 'x'.repeat(length));
const pollutingKeys = fc.constantFrom('__proto__', 'constructor', 'prototype');
const unknownKeys = fc.constantFrom('isAdmin', 'organizationId_', 'actor', 'id', 'version', 'metadata');
const outOfRange = fc.constantFrom(-1, 0, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, 1e300, -0);

function otherType(value: Json): fc.Arbitrary<Json> {
  const all: fc.Arbitrary<Json>[] = [
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.constant({ nested: 'object' }),
    fc.string({ minLength: 1 }),
  ];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const kinds = ['number', 'boolean', 'null', 'array', 'object', 'string'];
  return fc.oneof(...all.filter((_, index) => kinds[index] !== kind));
}

/**
 * A malformed variant of a valid body, as raw JSON text. Malformed in shape (a field dropped or of another
 * type, a date that is no calendar day, a huge string, a number as a string, an unknown or
 * prototype-polluting key at any depth, no object at all), which validation refuses; or in value (an odd
 * string, a day out of range, an out-of-range number, another term of the vocabulary, a stranger's or no
 * one's id), which reaches the reference checks and the decider's rules.
 */
function variantOf(body: Json, ids: readonly string[], terms: readonly string[]): fc.Arbitrary<string> {
  const all = places(body);
  const inner = all.filter((place) => place.length > 0);
  const leaves = (holds: (value: Json) => boolean) => inner.filter((place) => holds(valueAt(body, place)));
  const objects = all.filter((place) => {
    const value = valueAt(body, place);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
  const at = (candidates: Place[], replacement: (value: Json) => fc.Arbitrary<Json | undefined>): fc.Arbitrary<Json>[] =>
    candidates.length === 0
      ? []
      : [fc.constantFrom(...candidates).chain((place) => replacement(valueAt(body, place)).map((value) => withAt(body, place, value)))];
  const keyed = (keys: fc.Arbitrary<string>) =>
    fc.tuple(fc.constantFrom(...objects), keys, fc.jsonValue()).map(([place, key, value]) => {
      const target = valueAt(body, place) as Record<string, Json>;
      const extended = { ...target };
      Object.defineProperty(extended, key, {
        value: key === '__proto__' ? { isAdmin: true, polluted: true } : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return withAt(body, place, extended);
    });
  const dates = leaves((value) => typeof value === 'string' && DATE.test(value));
  const strings = leaves((value) => typeof value === 'string' && !DATE.test(value) && !UUID.test(value));
  const vocabulary = leaves((value) => typeof value === 'string' && TERM.test(value));
  const uuids = leaves((value) => typeof value === 'string' && UUID.test(value));
  const numbers = leaves((value) => typeof value === 'number');
  const flags = leaves((value) => typeof value === 'boolean');
  const arrays = inner.filter((place) => Array.isArray(valueAt(body, place)));
  const inShape: fc.Arbitrary<Json>[] = [
    ...at(inner, () => fc.constant(undefined)),
    ...at(inner, otherType),
    ...at(dates, () => badDates),
    ...at(strings, () => hugeStrings),
    ...at([...numbers, ...flags], (value) => fc.constantFrom(String(value), 'yes')),
    keyed(unknownKeys),
    keyed(pollutingKeys),
  ];
  const inValue: fc.Arbitrary<Json>[] = [
    ...at(strings, () => unicodeEdges),
    ...at(dates, () => wrongDays),
    ...at(numbers, () => outOfRange),
    ...at(flags, (value) => fc.constant(!value)),
    ...at(vocabulary, (value) => fc.constantFrom(...terms.filter((term) => term !== value))),
    ...at(arrays, (value) => fc.constantFrom([], [...(value as Json[]), ...(value as Json[])])),
    ...at(uuids, (value) =>
      fc.constantFrom('00000000-0000-0000-0000-000000000000', randomUUID(), String(value).toUpperCase(), ...ids.filter((id) => id !== value)),
    ),
  ];
  const notAnObject = fc
    .oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null), fc.boolean())
    .map((value) => JSON.stringify(value));
  return fc.oneof(
    { arbitrary: fc.oneof(...inShape).map((value) => JSON.stringify(value)), weight: 9 },
    { arbitrary: fc.oneof(...inValue).map((value) => JSON.stringify(value)), weight: 10 },
    { arbitrary: notAnObject, weight: 1 },
  );
}

/** What a refusal must say: 400 names every field and rule; a 422 names its code, and the field when input is at fault. */
function explainsItself(response: Response): boolean {
  if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? '')) return false;
  const { code, errors, details } = response.body as {
    code?: string;
    errors?: { field?: string; rule?: string }[];
    details?: { field?: string; rule?: string };
  };
  if (response.status === 400)
    return Array.isArray(errors) && errors.length > 0 && errors.every((error) => typeof error.field === 'string' && typeof error.rule === 'string');
  if (response.status === 422) {
    if (code === 'invalid-input') return typeof details?.field === 'string' && typeof details.rule === 'string';
    if (code === 'unknown-reference') return typeof details?.field === 'string';
    return typeof code === 'string' && typeof details === 'object';
  }
  return typeof code === 'string';
}

/** The answers that show a request got past validation and reference checks to the decider or the append. */
function reachedTheDecider(response: Response): boolean {
  const code = (response.body as { code?: string }).code;
  return response.status < 300 || (response.status === 409 && code === 'invalid-transition') || (response.status === 422 && code !== 'unknown-reference');
}

describe.each(testDatabases())('generated bad input on every command on $name', (database) => {
  let isolated: IsolatedDatabase;
  let app: NestExpressApplication;
  let http: HttpAgent;
  let pool: pg.Pool;
  let commands: Record<string, ValidCommand>;
  let operations: string[];

  beforeAll(async () => {
    // A database of its own: the test counts every event written.
    isolated = await isolatedDatabase(database);
    app = await createTestApp(isolated.url, { RATE_LIMIT_PER_MINUTE: '1000000' });
    commands = await validCommands(new ApiClient(await authorizedAgent(app)));
    await app.get(Accounts).setUp('fuzzer', FUZZER_PASSWORD, [{ role: 'administrator', organizationId: null }]);
    http = await authorizedAgent(app, 'fuzzer', FUZZER_PASSWORD);
    pool = testPool(isolated.url, 1);
    const document = (await http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      methods.post?.requestBody && path.startsWith('/api/v1/') && path !== '/api/v1/auth/login' ? [methods.post.operationId] : [],
    );
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool?.end();
    await app?.close();
    await isolated?.drop();
  });

  it('has a valid body naming real records for every command in the OpenAPI document', () => {
    expect(Object.keys(commands).sort()).toEqual([...operations].sort());
  });

  it('answers malformed variants of valid bodies with 4xx explaining the field, never 5xx, and writes nothing when it refuses', async () => {
    const last = async () => Number((await pool.query('SELECT coalesce(max(global_position), 0) AS last FROM events')).rows[0].last);
    const texts = Object.values(commands).flatMap(({ path, body }) => [
      ...path.split('/'),
      ...places(body as Json).map((place) => valueAt(body as Json, place)),
    ]);
    const ids = [...new Set(texts.filter((text): text is string => typeof text === 'string' && UUID.test(text)))];
    const terms = [...new Set(texts.filter((text): text is string => typeof text === 'string' && TERM.test(text)))];
    const answers = new Map<string, number>();
    let reached = 0;
    let written = await last();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((operation) => variantOf(commands[operation]!.body as Json, ids, terms).map((body) => ({ operation, body }))),
        async ({ operation, body }) => {
          const response = await http.post(`/api/v1/${commands[operation]!.path}`).set('Content-Type', 'application/json').send(body);
          const key = `${response.status} ${(response.body as { code?: string }).code ?? ''}`.trim();
          answers.set(key, (answers.get(key) ?? 0) + 1);
          if (reachedTheDecider(response)) reached += 1;
          // An act's follow-ups on other streams are recorded after it, by the process manager.
          if (response.status < 300) await waitUntilFollowedUp(pool);
          const before = written;
          written = await last();
          if (response.status >= 500) return false;
          return response.status < 300 || (explainsItself(response) && written === before);
        },
      ),
      { numRuns: 2000, seed: 20191203 },
    );
    // Variants of valid bodies get past validation and reference checks: the decider's rules see them.
    expect({ reached: reached >= 400, answers: Object.fromEntries(answers) }).toEqual({ reached: true, answers: expect.any(Object) });
  }, 600_000);

  it.each(['T\\ud800nh', 'T\\u0000nh'])('refuses text PostgreSQL or the hash chain cannot hold (%s) with 400 naming the field', async (name) => {
    const response = await http
      .post('/api/v1/organizations')
      .set('Content-Type', 'application/json')
      .send(`{"level":"province","name":"${name}","code":"VP","foundedOn":"1997-01-01"}`)
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'isStorableText' })]);
  });
});
