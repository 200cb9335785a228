import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { NATS_STREAM } from '../../src/publisher/nats-target.js';
import { isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { appendBurst, byStream, consumeAll, OwnNatsServer } from '../support/nats.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { createTestApp } from '../support/test-app.js';

const withNatsServer = OwnNatsServer.available() ? describe.each(testDatabases()) : describe.skip.each(testDatabases());
if (!OwnNatsServer.available()) console.warn('Publisher service tests skipped: no nats-server binary to start a server of their own');

/** The service with NATS_URL set publishes as it runs, and says how far it is at /metrics. */
withNatsServer('the service publishing to NATS on $name', (database) => {
  let isolated: IsolatedDatabase;
  let server: OwnNatsServer;
  let app: NestExpressApplication;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    server = await OwnNatsServer.create();
    await server.start();
    app = await createTestApp(isolated.url, { NATS_URL: server.url });
    ({ pool, store } = openStore(isolated.url));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool?.end();
    await app?.close();
    await server?.remove();
    await isolated?.drop();
  });

  it('publishes the events recorded while it runs, and reports the published count and a lag of zero at the head', async () => {
    const expected = await appendBurst(store, randomUUID().slice(0, 8), 2, 15);
    await waitUntilProjected(pool, await committedHead(pool), ['public-events-nats']);

    const received = (await consumeAll(server.url, NATS_STREAM)).filter(({ event }) => expected.has(event.streamId));
    expect(byStream(received)).toEqual(expected);
    const metrics = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
    const published = /^publisher_published_events_total\{target="nats"\} (\d+)$/m.exec(metrics);
    expect(Number(published?.[1])).toBeGreaterThanOrEqual(received.length);
    expect(metrics).toMatch(/^publisher_lag_seconds\{target="nats"\} 0$/m);
  }, 120_000);
});
