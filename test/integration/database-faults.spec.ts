import type pg from 'pg';
import { openClient, openPool } from '../../src/database/connections.js';
import { Database } from '../../src/database/database.js';
import { isDatabaseUnavailable } from '../../src/database/database-unavailable.js';
import { START_OF_ALL } from '../../src/event-store/event-store.js';
import { APPENDED_CHANNEL } from '../../src/event-store/postgres/postgres-subscription.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { eventually } from '../support/eventually.js';

function databaseName(database: IsolatedDatabase): string {
  return new URL(database.url).pathname.slice(1);
}

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'database faults: the case of terminated connections is not run. The embedded PGlite is one session inside this process, ' +
      'with no backend to terminate. Set TEST_DATABASE_URL (CI does) to run it.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

describeOnPostgres('the service while PostgreSQL ends its connections', () => {
  let admin: pg.Client;

  beforeAll(async () => {
    admin = openClient(postgres!.url);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  /** Ends every session of the database but the caller's, over and over for `ms`; how many it ended. */
  async function terminateBackends(database: string, ms: number): Promise<number> {
    let ended = 0;
    const until = Date.now() + ms;
    do {
      const { rows } = await admin.query<{ ended: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      ended += rows.filter((row) => row.ended).length;
      // The rhythm of the fault, not a wait for a state: sessions reopen in between, and are ended again.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < until);
    return ended;
  }

  it('resumes a subscription from its checkpoint after its connections are ended, listening again for wake-ups', async () => {
    const own = await isolatedDatabase(postgres!);
    const subscriber = openStore(own.url);
    const seen: number[] = [];
    const reported: unknown[] = [];
    const streamId = `subscribed-${Date.now()}`;
    // Polling alone would take ten minutes: only a wake-up on a connection that listens again delivers in time.
    const subscription = subscriber.store.subscribeToAll({
      from: START_OF_ALL,
      pollIntervalMs: 600_000,
      onEvents: async (events) => {
        seen.push(...events.filter((event) => event.streamId === streamId).map((event) => event.streamVersion));
      },
      onError: (error) => reported.push(error),
    });
    const listening = async (since: Date) =>
      Number(
        (
          await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1 AND query = $2 AND backend_start > $3', [
            databaseName(own),
            `LISTEN ${APPENDED_CHANNEL}`,
            since,
          ])
        ).rows[0]!.count,
      );
    const writers: pg.Pool[] = [];
    const append = async (version: number) => {
      // A fresh pool each time: the point is the subscriber's recovery, not the writer's.
      const writer = openStore(own.url);
      writers.push(writer.pool);
      await writer.store.append({ streamId, streamType: 'probe', events: [{ type: 'Probed', data: {} }], expectedVersion: version === 1 ? 'no-stream' : version - 1, metadata: { actor: 'faults-test', correlationId: 'faults-test' } });
    };
    try {
      await eventually(() => listening(new Date(0)), (count) => count === 1);
      await append(1);
      await eventually(async () => [...seen], (versions) => versions.join() === '1');
      const before = (await admin.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
      expect(await terminateBackends(databaseName(own), 0)).toBeGreaterThan(0);
      await eventually(() => listening(before), (count) => count === 1);
      await append(2);
      await eventually(async () => [...seen], (versions) => versions.join() === '1,2');
      expect(reported.length).toBeLessThanOrEqual(1);
      expect(reported.every(isDatabaseUnavailable)).toBe(true);
    } finally {
      await subscription.stop();
      await Promise.all([subscriber.pool, ...writers].map((pool) => pool.end()));
      await own.drop();
    }
  });

  it('outlives its database being dropped under its idle connections, as each test database is at the end of its file', async () => {
    const doomed = await isolatedDatabase(postgres!);
    const database = await Database.open({ databaseUrl: doomed.url, dataDir: '' });
    const readModels = await ReadModels.open(doomed.url, 2);
    const testPool = openPool(doomed.url, { max: 2 });
    const typeormPool = (readModels.dataSource.driver as unknown as { master: pg.Pool }).master;
    try {
      await Promise.all([database.pool.query('SELECT 1'), readModels.dataSource.query('SELECT 1'), testPool.query('SELECT 1')]);
      expect([database.pool, typeormPool, testPool].map((pool) => pool.idleCount)).toEqual([1, 1, 1]);
      await doomed.drop();
      await eventually(
        async () => [database.pool, typeormPool, testPool].map((pool) => pool.totalCount),
        (open) => open.every((count) => count === 0),
      );
    } finally {
      await testPool.end();
      await readModels.close();
      await database.close();
    }
  });
});
