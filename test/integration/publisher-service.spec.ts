import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NATS_STREAM } from '../../src/publisher/nats-target.js';
import { appendBurst, byStream, consumeAll } from '../support/nats.js';
import { eachDatabaseWithOwnNats, serviceWithOwnNats } from '../support/nats-service.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';

/** The service with NATS_URL set publishes as it runs, and says how far it is at /metrics. */
eachDatabaseWithOwnNats('Publisher service tests')('the service publishing to NATS on $name', (database) => {
  const service = serviceWithOwnNats(database);

  it('publishes the events recorded while it runs, and reports the published count and a lag of zero at the head', async () => {
    const { app, pool, server, store } = service;
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
