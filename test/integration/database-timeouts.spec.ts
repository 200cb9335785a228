import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { openPool } from '../../src/database/connections.js';
import { Database } from '../../src/database/database.js';
import { isDatabaseUnavailable } from '../../src/shared/database-unavailable.js';
import { START_OF_ALL, type GlobalCheckpoint } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../../src/platform/config/app-config.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { SystemClock } from '../../src/shared/clock.js';
import { countingProjection, createCountingTables } from '../support/counting-projection.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { createTestApp } from '../support/test-app.js';

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'database timeouts: not run. The embedded PGlite accepts the statement and idle-in-transaction timeouts but enforces neither. ' +
      'Set TEST_DATABASE_URL (CI does) to run them.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describeOnPostgres('database timeouts on PostgreSQL', () => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    isolated = await isolatedDatabase(postgres!);
    ({ pool, store } = openStore(isolated.url));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool?.end();
    await isolated?.drop();
  });

  it('gives every session of the service the configured statement and idle-in-transaction timeouts', async () => {
    let app: NestExpressApplication | undefined;
    try {
      app = await createTestApp(isolated.url, { DB_STATEMENT_TIMEOUT_MS: '4000', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '7000' });
      const show = 'SELECT current_setting($1) AS value';
      for (const setting of ['statement_timeout', 'idle_in_transaction_session_timeout']) {
        const { rows } = await app.get(Database).pool.query<{ value: string }>(show, [setting]);
        const [row] = (await app.get(ReadModels).dataSource.query(show, [setting])) as { value: string }[];
        expect({ store: rows[0]!.value, readModels: row!.value }).toEqual(
          setting === 'statement_timeout' ? { store: '4s', readModels: '4s' } : { store: '7s', readModels: '7s' },
        );
      }
    } finally {
      await app?.close();
    }
  });

  it('cancels a statement that outlasts the timeout, as the database being unavailable; a rebuild lifts it for its own statements', async () => {
    const timeouts: DatabaseTimeouts = { ...DEFAULT_DATABASE_TIMEOUTS, statementMs: 200 };
    const readModels = await ReadModels.open(isolated.url, 2, timeouts);
    try {
      const cancelled = await rejection(readModels.dataSource.query('SELECT pg_sleep(0.5)'));
      expect(cancelled).toMatchObject({ driverError: { code: '57014' } });
      expect(isDatabaseUnavailable(cancelled)).toBe(true);

      const suffix = randomUUID().slice(0, 8);
      const type = `Slow_${suffix}`;
      const counting = countingProjection(`slow-${suffix}`, type);
      const slow = {
        ...counting,
        async evolve(...args: Parameters<typeof counting.evolve>) {
          await args[0].query('SELECT pg_sleep(0.3)');
          await counting.evolve(...args);
        },
      };
      await createCountingTables(pool, counting);
      const append = async (from: GlobalCheckpoint, expectedVersion: 'no-stream' | number) => {
        await store.append({
          streamId: `slow-${suffix}`,
          streamType: 'probe',
          events: [{ type, data: {} }],
          expectedVersion,
          metadata: { actor: 'timeout-test', correlationId: 'timeout-test' },
        });
        // Readers see it once every older transaction of the cluster has ended.
        await eventually(
          () => store.readAll(from, 1000),
          (batch) => batch.events.some((event) => event.type === type),
        );
      };
      await append(START_OF_ALL, 'no-stream');
      const deps = { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: isolated.url, timeouts };

      const rebuilt = await rebuildProjection(slow, deps);
      const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${counting.appliedTable}`);
      expect(rows[0]!.count).toBe(1);

      await append(rebuilt.checkpoint, 1);
      const following = await rejection(new ProjectionRunner(slow, deps).runUntilCaughtUp());
      expect(following).toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await readModels.close();
    }
  });

  it('ends a session left idle inside a transaction, releasing its locks, without ending the process', async () => {
    const idle = openPool(isolated.url, { max: 1, timeouts: { ...DEFAULT_DATABASE_TIMEOUTS, idleInTransactionMs: 300 } });
    try {
      const client = await idle.connect();
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await client.query('SELECT pg_advisory_xact_lock(7241999)');
      await eventually(
        async () => (await pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0]!.pid])).rowCount,
        (sessions) => sessions === 0,
      );
      const { rows: taken } = await pool.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(7241999) AS locked');
      expect(taken[0]!.locked).toBe(true);
      const lost = await rejection(client.query('SELECT 1'));
      expect(isDatabaseUnavailable(lost)).toBe(true);
      client.release(true);
    } finally {
      await idle.end();
    }
  });
});
