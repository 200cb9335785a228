import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import pg from 'pg';
import { Users } from '../../src/auth/users.js';
import { testDatabases } from '../support/databases.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const FUZZER_PASSWORD = 'fuzzer-password-1';

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly required?: string[];
  readonly items?: Schema;
  readonly example?: unknown;
  readonly allOf?: Schema[];
}

interface Document {
  readonly paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

interface Command {
  readonly path: string;
  readonly example: Record<string, unknown>;
  readonly required: readonly string[];
}

/** Every command route with a valid-looking body built from the documented examples. */
function commands(document: Document): Command[] {
  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
    return ref ? resolve(document.components.schemas[ref.split('/').at(-1)!]!) : schema;
  };
  const exampleOf = (schema: Schema): unknown => {
    const resolved = resolve(schema);
    if (resolved.properties) {
      return Object.fromEntries(Object.entries(resolved.properties).map(([name, property]) => [name, exampleOf(property)]));
    }
    return resolved.example ?? schema.example;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) => {
    const schema = methods.post?.requestBody?.content['application/json']?.schema;
    if (!schema || !path.startsWith('/api/v1/') || path === '/api/v1/auth/login') return [];
    const resolved = resolve(schema);
    return [{ path: path.replace(/\{[^}]+\}/g, () => randomUUID()), example: exampleOf(schema) as Record<string, unknown>, required: resolved.required ?? [] }];
  });
}

const nonObjectBody = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null), fc.boolean());
const badDate = fc.constantFrom('2019-02-30', '2019-13-01', '2019-1-1', '', '01/02/2019', '2019-02-28T25:00:00Z', '+275760-09-13');
const badText = fc.constantFrom('\ud800 lone surrogate', 'x'.repeat(20_000), '   ', '\u0000');
const unknownKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'organizationId_');

/** A body made invalid on purpose, as raw JSON text (so `__proto__` stays an own key). */
function badBody(command: Command): fc.Arbitrary<string> {
  const fields = Object.keys(command.example);
  const base = JSON.stringify(command.example);
  const withField = (name: string, value: unknown) => JSON.stringify({ ...command.example, [name]: value });
  const typeSwap = (value: unknown) =>
    typeof value === 'string' ? fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 })) : fc.oneof(fc.string({ minLength: 1 }), fc.boolean().map(String));
  const choices: fc.Arbitrary<string>[] = [
    nonObjectBody.map((value) => JSON.stringify(value)),
    fc.tuple(unknownKey, fc.jsonValue()).map(([key, value]) => `${base.slice(0, -1)}${fields.length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    choices.push(field.chain((name) => typeSwap(command.example[name]).map((value) => withField(name, value))));
    choices.push(field.chain((name) => (typeof command.example[name] === 'string' ? fc.oneof(badDate, badText) : fc.constant({ nested: 'object' })).map((value) => withField(name, value))));
  }
  if (command.required.length > 0) {
    choices.push(fc.constantFrom(...command.required).map((name) => JSON.stringify({ ...command.example, [name]: undefined })));
  }
  return fc.oneof(...choices);
}

describe.each(testDatabases())('generated bad input on every command on $name', (database) => {
  let app: NestExpressApplication;
  let http: HttpAgent;
  let pool: pg.Pool;
  let all: Command[];

  beforeAll(async () => {
    app = await createTestApp(database.url, { RATE_LIMIT_PER_MINUTE: '1000000' });
    await app.get(Users).create('fuzzer', FUZZER_PASSWORD, [{ role: 'administrator', organizationId: null }]);
    http = await authorizedAgent(app, 'fuzzer', FUZZER_PASSWORD);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    all = commands((await http.get('/api/docs-json').expect(200)).body as Document);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('answers only 4xx, never 5xx, and writes no event', async () => {
    expect(all.length).toBeGreaterThan(30);
    const { rows: before } = await pool.query(`SELECT coalesce(max(global_position), 0) AS last FROM events`);
    const answers = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all).chain((command) => badBody(command).map((body) => ({ command, body }))),
        async ({ command, body }) => {
          const response = await http.post(command.path).set('Content-Type', 'application/json').send(body);
          answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
          return [400, 404, 409, 413, 422].includes(response.status);
        },
      ),
      { numRuns: 2000, seed: 20191203 },
    );
    const { rows: written } = await pool.query(
      `SELECT stream_id, event_type FROM events WHERE global_position > $1 AND stream_type <> 'access-denials'
         AND metadata->>'actor' = 'fuzzer'`,
      [before[0].last],
    );
    expect(written).toEqual([]);
    expect([...answers.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  }, 300_000);

  it.each(['T\\ud800nh', 'T\\u0000nh'])('refuses text PostgreSQL or the hash chain cannot hold (%s) with 400 naming the field', async (name) => {
    const response = await http
      .post('/api/v1/organizations')
      .set('Content-Type', 'application/json')
      .send(`{"level":"province","name":"${name}","code":"VP","foundedOn":"1997-01-01"}`)
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'isStorableText' })]);
  });
});
