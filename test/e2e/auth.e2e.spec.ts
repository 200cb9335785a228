import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT } from 'jose';
import type pg from 'pg';
import request from 'supertest';
import { Accounts } from '../../src/accounts/accounts.js';
import { recordedDenials } from '../support/access-records.js';
import { testDatabases, testPool } from '../support/databases.js';
import { ADMIN_PASSWORD, createTestApp, JWT_SECRET, loginAs } from '../support/test-app.js';

const uuid = '00000000-0000-4000-8000-000000000000';
/** Its own account in each run: the refusals it is counted for are this run's only. */
const viewer = `viewer-e2e-${randomUUID().slice(0, 8)}`;

interface Operation {
  readonly method: 'get' | 'post';
  readonly path: string;
  /** Answers a stream of server-sent events that stays open. */
  readonly streams: boolean;
}

interface OpenApiOperation {
  readonly responses?: Record<string, { readonly content?: Record<string, unknown> }>;
}

/** Every operation of the OpenAPI document, with path parameters filled in. */
async function operations(app: NestExpressApplication): Promise<Operation[]> {
  const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter((entry): entry is ['get' | 'post', OpenApiOperation] => entry[0] === 'get' || entry[0] === 'post')
      .map(([method, operation]) => ({
        method,
        path: path.replace(/\{[^}]+\}/g, uuid),
        streams: Object.keys(operation.responses?.['200']?.content ?? {}).includes('text/event-stream'),
      })),
  );
}

/** Sends the request and answers its status; a stream that stays open is read up to its status, then dropped. */
async function statusOf(app: NestExpressApplication, { method, path, streams }: Operation, token: string): Promise<number> {
  const sent = request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${token}`);
  if (!streams) return (await sent.send({})).status;
  const response = await sent.buffer(false).parse((stream, done) => {
    (stream as unknown as IncomingMessage).destroy();
    done(null, undefined);
  });
  return response.status;
}

async function forgedToken(secret: string, claims: { sub: string; exp?: number; iat?: number }): Promise<string> {
  const jwt = new SignJWT({ grants: [{ role: 'administrator', organizationId: null }] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('disciplina')
    .setAudience('disciplina')
    .setSubject(claims.sub);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe.each(testDatabases())('authentication and deny-by-default authorization on $name', (database) => {
  let app: NestExpressApplication;
  let pool: pg.Pool;

  beforeAll(async () => {
    app = await createTestApp(database.url);
    pool = testPool(database.url, 2);
    await app.get(Accounts).setUp(viewer, 'viewer-password-1', [{ role: 'viewer', organizationId: null }]);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('answers every API operation without a token with 401, except logging in', async () => {
    const all = await operations(app);
    expect(all.length).toBeGreaterThan(20);
    const loggingIn = ['/api/v1/auth/login', '/api/v1/auth/provider', '/api/v1/auth/provider/login'];
    for (const { method, path } of all.filter((op) => op.path.startsWith('/api/v1/') && !loggingIn.includes(op.path))) {
      const response = await request(app.getHttpServer())[method](path).send({});
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 401, 'unauthenticated']);
    }
  });

  it('gives every API operation a policy that admits the administrator (none is closed by omission)', async () => {
    const token = await loginAs(app, 'admin', ADMIN_PASSWORD);
    // Logging out would end the session the rest of the loop runs under: its policy is tested where it is used.
    for (const operation of (await operations(app)).filter(({ path }) => path !== '/api/v1/auth/logout')) {
      const status = await statusOf(app, operation, token);
      expect([operation.method, operation.path, status]).not.toEqual([operation.method, operation.path, 403]);
      expect([operation.method, operation.path, status]).not.toEqual([operation.method, operation.path, 401]);
      expect(status).toBeLessThan(500);
    }
  });

  it('logs admin in with ADMIN_PASSWORD, and refuses a wrong password or an unknown user with 401', async () => {
    const ok = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    for (const credentials of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: ADMIN_PASSWORD },
    ]) {
      const refused = await request(app.getHttpServer()).post('/api/v1/auth/login').send(credentials).expect(401);
      expect(refused.body.code).toBe('invalid-credentials');
    }
    await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin' }).expect(400);
  });

  it('refuses an expired token, a token signed with another secret, and a malformed header', async () => {
    const expired = await forgedToken(JWT_SECRET, { sub: 'admin', exp: Math.floor(Date.now() / 1000) - 60 });
    const otherSecret = await forgedToken('another-secret-that-is-32-chars-long!!', { sub: 'admin', exp: Math.floor(Date.now() / 1000) + 600 });
    for (const authorization of [`Bearer ${expired}`, `Bearer ${otherSecret}`, 'Bearer', 'Basic YWRtaW46YWRtaW4=', 'Bearer not.a.jwt']) {
      const response = await request(app.getHttpServer()).get('/api/v1/projections').set('Authorization', authorization).expect(401);
      expect(response.body.code).toBe('unauthenticated');
    }
  });

  it('refuses a token signed with the service secret but without exp (it would never expire) or with iat in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const neverExpiring = await forgedToken(JWT_SECRET, { sub: 'admin', iat: now });
    const fromTheFuture = await forgedToken(JWT_SECRET, { sub: 'admin', iat: now + 3600, exp: now + 7200 });
    for (const [token, rule] of [
      [neverExpiring, 'missing required "exp" claim'],
      [fromTheFuture, 'issued in the future'],
    ] as const) {
      const response = await request(app.getHttpServer()).get('/api/v1/projections').set('Authorization', `Bearer ${token}`).expect(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringContaining(rule) });
    }
  });

  it('lets a viewer read but not command (403), and records each refusal without the ids asked for', async () => {
    const token = await loginAs(app, viewer, 'viewer-password-1');
    await request(app.getHttpServer()).get('/api/v1/rulebook').set('Authorization', `Bearer ${token}`).expect(200);
    const refused = await request(app.getHttpServer())
      .post(`/api/v1/inspections/${uuid}/close`)
      .set('Authorization', `Bearer ${token}`)
      .send({ closedOn: '2026-01-01' })
      .expect(403);
    expect(refused.body.code).toBe('forbidden');
    // Counted at once, written as an event per caller, route and minute once the counts are flushed.
    expect(await recordedDenials(app, pool, { actor: viewer }, 1)).toEqual({ events: 1, refusals: 1 });
    const { rows } = await pool.query(
      `SELECT data, metadata FROM events WHERE event_type = 'AccessDenied' AND data->>'actor' = $1 ORDER BY global_position DESC LIMIT 1`,
      [viewer],
    );
    expect(rows[0].data).toEqual({
      actor: viewer,
      method: 'POST',
      route: '/api/v1/inspections/:id/close',
      status: 403,
      code: 'forbidden',
      count: 1,
      minute: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
    });
    expect(rows[0].metadata.actor).toBe(viewer);
    expect(JSON.stringify(rows[0])).not.toContain(uuid);
  });

  it("writes the token's subject as the actor of the events a command records", async () => {
    const token = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const created = await request(app.getHttpServer())
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${token}`)
      .send({ level: 'province', name: 'Đảng bộ tỉnh (kiểm thử tác nhân)', code: 'TN', foundedOn: '1997-01-01' })
      .expect(201);
    const { rows } = await pool.query(`SELECT metadata FROM events WHERE stream_id = $1`, [`organization-${created.body.id}`]);
    expect(rows[0].metadata.actor).toBe('admin');
  });
});
