import { randomInt, randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { AccessDenials } from '../../src/auth/access-denials.js';
import { Accounts } from '../../src/accounts/accounts.js';
import { EventStore } from '../../src/event-store/event-store.js';
import type { Clock } from '../../src/shared/clock.js';
import { recordedDenials } from '../support/access-records.js';
import { testDatabases, testPool } from '../support/databases.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const uuid = '00000000-0000-4000-8000-000000000000';

/** Runs the requests `concurrency` at a time, answering their statuses in order. */
async function statuses(count: number, concurrency: number, send: (index: number) => Promise<{ status: number }>): Promise<number[]> {
  const answered: number[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => send(start + offset));
    answered.push(...(await Promise.all(batch)).map((response) => response.status));
  }
  return answered;
}

const tally = (answers: readonly number[]) => answers.reduce<Record<number, number>>((sum, status) => ({ ...sum, [status]: (sum[status] ?? 0) + 1 }), {});

describe.each(testDatabases())('access records, complete and bounded, on $name', (database) => {
  let app: NestExpressApplication;
  let admin: HttpAgent;
  let pool: pg.Pool;
  let startedAt: number;

  beforeAll(async () => {
    // The limits count in fixed one-minute windows: time stands still here, so that no window turns mid-test.
    startedAt = Date.now();
    const stopped: Clock = { now: () => new Date(startedAt) };
    app = await createTestApp(database.url, { RATE_LIMIT_PER_MINUTE: '600', UNAUTHENTICATED_REQUESTS_PER_MINUTE: '60', TRUST_PROXY: 'loopback' }, stopped);
    admin = await authorizedAgent(app);
    pool = testPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('throttles 2,000 requests without a token from one address before recording them, and records the refusals it answered in a few events that count them all', async () => {
    const address = `203.0.113.${randomInt(1, 255)}`;
    const routes = ['/api/v1/organizations', '/api/v1/projections', `/api/v1/inspections/${uuid}`, `/api/v1/discipline-cases/${uuid}/deadlines`];
    const answers = await statuses(2000, 25, (index) =>
      request(app.getHttpServer())
        .get(routes[index % routes.length]!)
        .set('X-Forwarded-For', address),
    );
    expect(tally(answers)).toEqual({ 401: 60, 429: 1940 });
    const recorded = await recordedDenials(app, pool, { address }, 60);
    expect(recorded.refusals).toBe(60);
    // One event per route and minute (a batch may split a minute's count in two): at most a few dozen.
    expect(recorded.events).toBeGreaterThanOrEqual(routes.length);
    expect(recorded.events).toBeLessThanOrEqual(24);
    const { rows } = await pool.query(`SELECT DISTINCT data->>'route' AS route FROM events WHERE event_type = 'AccessDenied' AND data @> $1::jsonb`, [
      JSON.stringify({ address }),
    ]);
    expect(rows.map((row) => row.route).sort()).toEqual([
      '/api/v1/discipline-cases/:id/deadlines',
      '/api/v1/inspections/:id',
      '/api/v1/organizations',
      '/api/v1/projections',
    ]);
  }, 180_000);

  it('throttles 650 forbidden commands by one account at its quota and records them in a bounded number of events that count them all', async () => {
    const username = `viewer-flood-${randomUUID().slice(0, 8)}`;
    await app.get(Accounts).setUp(username, 'viewer-flood-password', [{ role: 'viewer', organizationId: null }]);
    const viewer = await authorizedAgent(app, username, 'viewer-flood-password');
    const answers = await statuses(650, 25, () => viewer.post(`/api/v1/inspections/${uuid}/close`).send({ closedOn: '2026-01-01' }));
    expect(tally(answers)).toEqual({ 403: 600, 429: 50 });
    const recorded = await recordedDenials(app, pool, { actor: username }, 600);
    expect(recorded.refusals).toBe(600);
    expect(recorded.events).toBeLessThanOrEqual(3);
  }, 120_000);

  it('completes a batch that an instance left half-written, writing each count once', async () => {
    const batch = randomUUID();
    const [written, unwritten] = ['a', 'b'].map((name) => `stopped-writer-${name}-${batch.slice(0, 8)}`);
    const minute = new Date(Math.floor(startedAt / 60_000) * 60_000 - 10 * 60_000);
    const row = (actor: string, count: number) => ({
      actor,
      method: 'POST',
      route: '/api/v1/organizations',
      status: 403,
      code: 'forbidden',
      count,
      minute: minute.toISOString(),
    });
    // Claimed ten minutes ago by an instance that wrote the first caller's events, then stopped.
    for (const [actor, count] of [
      [written, 7],
      [unwritten, 5],
    ] as const) {
      await pool.query(
        `INSERT INTO access_denial_counts (minute, actor, address, method, route, status, code, count, batch, claimed_at)
         VALUES ($1, $2, '', 'POST', '/api/v1/organizations', 403, 'forbidden', $3, $4, $5)`,
        [minute, actor, count, batch, new Date(startedAt - 10 * 60_000)],
      );
    }
    await app.get(EventStore).append({
      streamId: `access-denials-${batch}-1`,
      streamType: 'access-denials',
      expectedVersion: 'no-stream',
      events: [{ type: 'AccessDenied', data: row(written!, 7), occurredAt: minute }],
      metadata: { actor: written!, correlationId: batch },
    });

    // Claims nothing new; completes the stale batch (unless another instance on this database does it first).
    await app.get(AccessDenials).flush(new Date(0));
    expect(await recordedDenials(app, pool, { actor: written! }, 7)).toEqual({ events: 1, refusals: 7 });
    expect(await recordedDenials(app, pool, { actor: unwritten! }, 5)).toEqual({ events: 1, refusals: 5 });
    const left = await pool.query('SELECT count(*)::int AS n FROM access_denial_counts WHERE batch = $1', [batch]);
    expect(left.rows[0].n).toBe(0);
  });

  it('filters the audit trail by actor and event type, newest first', async () => {
    const username = `viewer-trail-${randomUUID().slice(0, 8)}`;
    await app.get(Accounts).setUp(username, 'viewer-trail-password', [{ role: 'viewer', organizationId: null }]);
    const viewer = await authorizedAgent(app, username, 'viewer-trail-password');
    await viewer.post(`/api/v1/inspections/${uuid}/close`).send({ closedOn: '2026-01-01' }).expect(403);
    await recordedDenials(app, pool, { actor: username, route: '/api/v1/inspections/:id/close' }, 1);
    await viewer.post('/api/v1/organizations').send({ level: 'province', name: 'Đảng bộ', code: 'X', foundedOn: '2000-01-01' }).expect(403);
    await recordedDenials(app, pool, { actor: username, route: '/api/v1/organizations' }, 1);

    const page = await admin.get(`/api/v1/audit/events?actor=${username}&eventType=AccessDenied&order=desc`).expect(200);
    expect(page.body.total).toBe(2);
    expect(
      page.body.items.map((item: { actor: string; type: string; data: { route: string; status: number; count: number } }) => [
        item.actor,
        item.type,
        item.data,
      ]),
    ).toEqual([
      [username, 'AccessDenied', expect.objectContaining({ route: '/api/v1/organizations', status: 403, count: 1 })],
      [username, 'AccessDenied', expect.objectContaining({ route: '/api/v1/inspections/:id/close', status: 403, count: 1 })],
    ]);
    const ascending = await admin.get(`/api/v1/audit/events?actor=${username}&order=asc`).expect(200);
    expect(ascending.body.items.map((item: { globalPosition: number }) => item.globalPosition)).toEqual(
      page.body.items.map((item: { globalPosition: number }) => item.globalPosition).reverse(),
    );
    for (const [query, field] of [
      ['order=newest', 'order'],
      ['eventType=drop%20table', 'eventType'],
    ]) {
      const refused = await admin.get(`/api/v1/audit/events?${query}`).expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it('counts each client behind a trusted proxy on its own, and ignores X-Forwarded-For from anyone else', async () => {
    const startedAt = Date.now();
    const stopped: Clock = { now: () => new Date(startedAt) };
    const attempt = (service: NestExpressApplication, address: string) =>
      request(service.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username: 'admin', password: 'not-the-password' });
    const base = randomInt(80) * 3;
    const [first, second, third] = [1, 2, 3].map((n) => `192.0.2.${base + n}`);
    const behindProxy = await createTestApp(database.url, { LOGIN_ATTEMPTS_PER_MINUTE: '2', TRUST_PROXY: 'loopback' }, stopped);
    try {
      expect([(await attempt(behindProxy, first!)).status, (await attempt(behindProxy, first!)).status, (await attempt(behindProxy, first!)).status]).toEqual([
        401, 401, 429,
      ]);
      expect((await attempt(behindProxy, second!)).status).toBe(401);
      // The failed logins are refused accesses too, recorded by the address the proxy forwarded.
      const recorded = await recordedDenials(behindProxy, pool, { address: first!, route: '/api/v1/auth/login', code: 'invalid-credentials' }, 2);
      expect(recorded.refusals).toBe(2);
    } finally {
      await behindProxy.close();
    }
    // The loopback peer is not the proxy named here: what it forwards is ignored, all its requests are one client.
    const elsewhere = await createTestApp(database.url, { LOGIN_ATTEMPTS_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.1' }, stopped);
    try {
      await attempt(elsewhere, first!);
      await attempt(elsewhere, second!);
      expect((await attempt(elsewhere, third!)).status).toBe(429);
    } finally {
      await elsewhere.close();
    }
  }, 120_000);
});
