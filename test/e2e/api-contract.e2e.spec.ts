import request from 'supertest';
import { serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly items?: Schema;
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, Schema>>;
}
interface Operation {
  readonly operationId: string;
  readonly requestBody?: { content: Record<string, { schema: Schema }> };
  readonly parameters?: readonly unknown[];
  readonly responses: Readonly<Record<string, unknown>>;
}
interface OpenApi {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { schemas: Readonly<Record<string, Schema>> };
}

/** Every property of a request body, nested ones included, as `path: has an example`. */
function examplesOf(document: OpenApi, schema: Schema, path: string): [string, boolean][] {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref ?? schema.items?.$ref;
  if (ref) return examplesOf(document, document.components.schemas[ref.split('/').pop()!]!, path);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
    property.$ref || property.allOf || property.items?.$ref
      ? examplesOf(document, property, `${path}.${name}`)
      : [[`${path}.${name}`, property.example !== undefined]],
  );
}

describe.each(testDatabases())('the API contract on $name', (database) => {
  const service = serviceOn(database);
  let document: OpenApi;

  beforeAll(async () => {
    document = (await request(service.app.getHttpServer()).get('/api/docs-json').expect(200)).body as OpenApi;
  });

  const operations = (method: string) =>
    Object.entries(document.paths).flatMap(([path, methods]) => (methods[method] ? [[path, methods[method]] as const] : []));

  it('documents every POST with a request body whose every field has an example', () => {
    // Logging out acts on the caller's own sessions and takes no body.
    const posts = operations('post').filter(([path]) => !path.startsWith('/api/v1/audit') && path !== '/api/v1/auth/logout');
    expect(posts.length).toBeGreaterThanOrEqual(33);
    for (const [path, operation] of posts) {
      const schema = operation.requestBody?.content['application/json']?.schema;
      expect({ path, schema: schema !== undefined }).toEqual({ path, schema: true });
      const fields = examplesOf(document, schema!, operation.operationId);
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.filter(([, example]) => !example)).toEqual([]);
    }
  });

  it('documents the problem answers of every command and query', () => {
    const ours = (path: string) => /^\/api\/v1\/(organizations|members|inspections|supervisions|self-criticism-reviews|quality-classifications)/.test(path);
    const documented = (operation: Operation) =>
      Object.keys(operation.responses)
        .filter((status) => status >= '400')
        .sort();
    for (const [path, operation] of operations('post').filter(([p]) => ours(p))) {
      const expected = path.includes('{') ? ['400', '401', '403', '404', '409', '422'] : ['400', '401', '403', '409', '422'];
      expect({ path, statuses: documented(operation) }).toEqual({ path, statuses: expected });
    }
    for (const [path, operation] of operations('get').filter(([p]) => ours(p))) {
      // A listing without parameters can only be refused for want of a token.
      const expected = operation.parameters?.length ? ['400', '401', '404'] : ['401'];
      expect({ path, statuses: documented(operation) }).toEqual({ path, statuses: expected });
    }
  });

  describe('refuses malformed input with 400 listing the fields, never 500', () => {
    const valid = () => ({ organizationId: service.tree.commune.id, fullName: 'Nguyễn Văn An', birthDate: '1990-05-12', admittedOn: '2025-08-01' });

    it.each([
      ['an unknown field', { isAdmin: true }, 'isAdmin', 'whitelistValidation'],
      ['a wrong type', { fullName: 42 }, 'fullName', 'isString'],
      ['a date that is not a calendar day', { admittedOn: '2023-02-29' }, 'admittedOn', 'isIso8601'],
      ['a date with a time', { admittedOn: '2025-08-01T10:00:00Z' }, 'admittedOn', 'isDay'],
      ['blank text', { fullName: '   ' }, 'fullName', 'isNotBlank'],
      ['oversized text', { fullName: 'x'.repeat(201) }, 'fullName', 'maxLength'],
      ['a malformed id', { organizationId: 'org-1' }, 'organizationId', 'isUuid'],
      ['a missing field', { birthDate: undefined }, 'birthDate', 'isDefined'],
      ['a __proto__ key, which the whitelist does not see', JSON.parse('{"__proto__": {"isAdmin": true}}') as object, '__proto__', 'notPrototypeKey'],
      ['a constructor key', { constructor: { prototype: { isAdmin: true } } }, 'constructor', 'notPrototypeKey'],
    ])('%s', async (_case, change, field, rule) => {
      const response = await service.api.post('members', { ...valid(), ...change }).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'validation-failed' });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    });

    it('validates nested objects and names the nested field', async () => {
      const response = await service.api
        .post('inspections', {
          body: { organizationId: service.tree.commune.id, bodyKind: 'tribunal' },
          subject: { kind: 'member' },
          kind: 'regular',
          grounds: 'Kế hoạch kiểm tra năm',
          proposedOn: '2025-08-01',
        })
        .expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.bodyKind', rule: 'isIn' }),
          expect.objectContaining({ field: 'subject.memberId', rule: 'isDefined' }),
        ]),
      );
      const notObject = await service.api
        .post('inspections', { body: 'UBKT', subject: [], kind: 'regular', grounds: 'x', proposedOn: '2025-08-01' })
        .expect(400);
      expect(notObject.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body', rule: 'isObject' })]));
    });

    it('refuses a malformed path id and a malformed If-Match', async () => {
      const id = await service.api.post('members/42/make-full', { madeFullOn: '2025-08-01' }).expect(400);
      expect(id.body.errors).toEqual([expect.objectContaining({ field: 'id', rule: 'isUuid' })]);
      const member = await service.api.create('members', valid());
      const ifMatch = await service.api.post(`members/${member.id}/make-full`, { madeFullOn: '2026-08-01' }, 'latest').expect(400);
      expect(ifMatch.body.errors).toEqual([expect.objectContaining({ field: 'If-Match', rule: 'entityTag' })]);
    });

    it('refuses a body that is not an object, naming the body itself', async () => {
      await service.api.post('members', []).expect(400);
      const scalar = await request(service.app.getHttpServer()).post('/api/v1/members').set('Content-Type', 'application/json').send('42').expect(400);
      expect(scalar.body).toMatchObject({ code: 'malformed-json', errors: [{ field: '', rule: 'isJsonObject' }] });
    });
  });
});
