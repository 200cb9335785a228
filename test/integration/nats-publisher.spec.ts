import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type pg from 'pg';
import { Registry } from 'prom-client';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { loadCheckpoint } from '../../src/projections/checkpoints.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { NATS_STREAM, NatsTarget } from '../../src/publisher/nats-target.js';
import { Publisher } from '../../src/publisher/publisher.js';
import { PublisherMetrics } from '../../src/publisher/publisher-metrics.js';
import { SystemClock } from '../../src/shared/clock.js';
import { isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { appendBurst, byStream, consumeAll, deleteStream, OwnNatsServer, SHARED_NATS_URL, testStream } from '../support/nats.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';

const root = join(__dirname, '..', '..');
const child = join(root, 'dist', 'test', 'support', 'publisher-child.js');

function exited(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

async function counter(metrics: PublisherMetrics, name: 'published' | 'failures'): Promise<number> {
  return (await metrics[name].get()).values.find((value) => value.labels.target === 'nats')?.value ?? 0;
}

describe.each(testDatabases())('NATS JetStream publisher on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let readModels: ReadModels;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    // A database of its own: the publisher publishes every event in it, and the test expects exactly its own.
    isolated = await isolatedDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    readModels = await ReadModels.open(isolated.url, 2);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await readModels?.close();
    await pool?.end();
    await isolated?.drop();
  });

  /** The publisher starts after the events of the tests before: each test expects its own burst only. */
  async function startAtHead(): Promise<void> {
    const head = await committedHead(pool);
    await pool.query(
      `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at) VALUES ('public-events-nats', 1, $1::xid8, $2, now())
       ON CONFLICT (name) DO UPDATE SET version = 1, transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position`,
      [head.transactionId, head.globalPosition],
    );
  }

  function publisherDeps() {
    return { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: isolated.url };
  }

  it('publishes each public event once to disciplina.<streamType>.<eventType> with the event id as Nats-Msg-Id, and nothing the policy keeps inside', async () => {
    const suffix = randomUUID().slice(0, 8);
    const { stream, subjectPrefix } = testStream(suffix);
    try {
      const expected = await appendBurst(store, suffix, 3, 20);
      const metrics = new PublisherMetrics(new Registry());
      const publisher = new Publisher([new NatsTarget(SHARED_NATS_URL, { stream, subjectPrefix })], publisherDeps(), metrics);
      await publisher.runUntilCaughtUp();
      // Run again from the checkpoint set back to the start: everything is published a second time, and JetStream keeps one copy.
      await pool.query(`UPDATE projection_checkpoints SET transaction_id = '0'::xid8, global_position = 0 WHERE name = 'public-events-nats'`);
      await publisher.runUntilCaughtUp();
      await publisher.stop();

      const received = await consumeAll(SHARED_NATS_URL, stream);
      expect(byStream(received)).toEqual(expected);
      expect(received.every(({ msgId, event }) => msgId === event.eventId)).toBe(true);
      expect(new Set(received.map(({ subject }) => subject))).toEqual(
        new Set([`${subjectPrefix}.organization.OrganizationFounded`, `${subjectPrefix}.organization.OrganizationRenamed`]),
      );
      expect(received.some(({ event }) => (event.type as string) === 'BodyEstablished')).toBe(false);
      expect(await counter(metrics, 'published')).toBe(received.length);
      expect(await publisher.lagSeconds('nats')).toBe(0);
    } finally {
      await pool.query(`DELETE FROM projection_checkpoints WHERE name = 'public-events-nats'`);
      await deleteStream(SHARED_NATS_URL, stream);
    }
  }, 60_000);

  it('ends with every event exactly once, in order per stream, after the publisher is killed with SIGKILL mid burst, again and again', async () => {
    execFileSync(join(root, 'node_modules', '.bin', 'swc'), ['src', 'test/support', '-d', 'dist', '--quiet', '--ignore', 'src/admin-ui/**'], { cwd: root });
    const suffix = randomUUID().slice(0, 8);
    const { stream, subjectPrefix } = testStream(suffix);
    const run = () => spawn(process.execPath, [child, isolated.url, SHARED_NATS_URL, stream, subjectPrefix], { stdio: 'ignore' });
    const position = async () => (await loadCheckpoint(readModels.dataSource.manager, 'public-events-nats'))?.globalPosition ?? 0;
    try {
      await startAtHead();
      const expected = await appendBurst(store, suffix, 10, 60);
      let kills = 0;
      for (let attempt = 0; attempt < 8 && kills < 3; attempt++) {
        const before = await position();
        const publisher = run();
        const exit = exited(publisher);
        let done = false;
        void exit.then(() => (done = true));
        while (!done && (await position()) === before) await new Promise((resolve) => setTimeout(resolve, 10));
        if (done) break;
        // Killed somewhere inside a batch: some of its events acknowledged by JetStream, the checkpoint not moved past them.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
        publisher.kill('SIGKILL');
        await exit;
        kills++;
      }
      expect(kills).toBeGreaterThanOrEqual(3);
      expect(await exited(run())).toBe(0);

      const received = await consumeAll(SHARED_NATS_URL, stream);
      expect(byStream(received)).toEqual(expected);
      expect(new Set(received.map(({ msgId }) => msgId)).size).toBe(received.length);
    } finally {
      await pool.query(`DELETE FROM projection_checkpoints WHERE name = 'public-events-nats'`);
      await deleteStream(SHARED_NATS_URL, stream);
    }
  }, 180_000);

  const withNatsServer = OwnNatsServer.available() ? it : it.skip;
  if (!OwnNatsServer.available()) console.warn('NATS outage drill skipped: no nats-server binary to start a server of its own');

  withNatsServer(
    'ends with every event exactly once, in order per stream, after NATS is killed in the middle of a burst and started again',
    async () => {
      const server = await OwnNatsServer.create();
      const suffix = randomUUID().slice(0, 8);
      const metrics = new PublisherMetrics(new Registry());
      const publisher = new Publisher([new NatsTarget(server.url, { ackTimeoutMs: 1000 })], publisherDeps(), metrics, { retryMs: 500, pollIntervalMs: 100 });
      try {
        await server.start();
        await startAtHead();
        await publisher.start();
        const burst = appendBurst(store, suffix, 10, 60);
        await eventually(
          () => counter(metrics, 'published'),
          (published) => published > 0,
        );
        await server.kill();
        await eventually(
          () => counter(metrics, 'failures'),
          (failures) => failures > 0,
        );
        const expected = await burst;
        await server.start();
        await waitUntilProjected(pool, await committedHead(pool), ['public-events-nats']);

        const received = await consumeAll(server.url, NATS_STREAM);
        expect(byStream(received)).toEqual(expected);
        expect(received.every(({ subject, event }) => subject === `disciplina.organization.${event.type}`)).toBe(true);
        expect(new Set(received.map(({ msgId }) => msgId)).size).toBe(received.length);
      } finally {
        await publisher.stop();
        await pool.query(`DELETE FROM projection_checkpoints WHERE name = 'public-events-nats'`);
        await server.remove();
      }
    },
    180_000,
  );
});
