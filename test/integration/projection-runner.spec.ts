import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { EventMetadata, EventStore } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { loadCheckpoint } from '../../src/projections/checkpoints.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { SystemClock } from '../../src/shared/clock.js';
import { countingProjection, createCountingTables, readModelChecksum, type CountingProjection } from '../support/counting-projection.js';
import { openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { projectionTestDatabase } from '../support/projection-database.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';

const metadata: EventMetadata = { actor: 'projection-test', correlationId: 'projection-test' };

describe.each(testDatabases())('projection runner on $name', (database) => {
  const onPostgres = database.concurrentSessions ? it : it.skip; // PGlite has one session: no concurrent writers to race
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let readModels: ReadModels;
  const clock = new SystemClock();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    isolated = await projectionTestDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    readModels = await ReadModels.open(isolated.url, 4);
  }, 60_000);
  afterAll(async () => {
    await readModels?.close();
    await pool?.end();
    await isolated?.drop();
  });

  function deps() {
    return { dataSource: readModels.dataSource, store, clock, url: isolated.url };
  }

  async function newProjection(failOn?: Parameters<typeof countingProjection>[3]): Promise<{ projection: CountingProjection; type: string }> {
    const suffix = randomUUID().slice(0, 8);
    const type = `Probed_${suffix}`;
    const projection = countingProjection(`probe-${suffix}`, type, 1, failOn);
    await createCountingTables(pool, projection);
    return { projection, type };
  }

  async function append(type: string, count: number, streamId = `probe-${randomUUID()}`): Promise<void> {
    for (let done = 0; done < count; done += 100) {
      const events = Array.from({ length: Math.min(100, count - done) }, (_, i) => ({ type, data: { n: done + i } }));
      await store.append({ streamId, streamType: 'probe', events, expectedVersion: 'any', metadata });
    }
  }

  async function applied(projection: CountingProjection): Promise<{ count: number; max: number }> {
    const { rows } = await pool.query<{ count: number; max: number | null }>(
      `SELECT count(*)::int AS count, max(applied) AS max FROM ${projection.appliedTable}`,
    );
    return { count: rows[0]!.count, max: rows[0]!.max ?? 0 };
  }

  onPostgres('catches up past every event committed before it was asked, even while an older transaction holds the commit-safe order back', async () => {
    const { projection, type } = await newProjection();
    // An older transaction still running (in any database of the server) keeps newer commits out of the commit-safe order.
    const older = await pool.connect();
    let settled = false;
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await append(type, 3);
      const runner = new ProjectionRunner(projection, deps());
      const caughtUp = runner.runUntilCaughtUp().finally(() => (settled = true));
      // It has read all it may (an empty read marks it live) and still waits for the three events.
      await eventually(
        async () => runner.status,
        (status) => status === 'live',
      );
      expect([settled, await applied(projection)]).toEqual([false, { count: 0, max: 0 }]);
      await older.query('COMMIT');
      await caughtUp;
      expect(await applied(projection)).toEqual({ count: 3, max: 1 });
    } finally {
      await older.query('ROLLBACK');
      older.release();
    }
  });

  it("commits a batch's writes and its checkpoint together: a failing evolve leaves neither moved", async () => {
    const { projection, type } = await newProjection();
    await new ProjectionRunner(projection, deps()).runUntilCaughtUp();
    const before = await loadCheckpoint(readModels.dataSource.manager, projection.name);
    await append(type, 5);
    let seen = 0;
    const failing = countingProjection(projection.name, type, 1, () => ++seen === 3);
    await expect(new ProjectionRunner(failing, deps(), { batchSize: 100 }).runUntilCaughtUp()).rejects.toThrow(/evolve refused/);
    expect(seen).toBe(3);
    expect(await applied(projection)).toEqual({ count: 0, max: 0 });
    expect(await loadCheckpoint(readModels.dataSource.manager, projection.name)).toEqual(before);

    await new ProjectionRunner(projection, deps()).runUntilCaughtUp();
    expect(await applied(projection)).toEqual({ count: 5, max: 1 });
  });

  it('retries through a database outage with backoff, saying so once as it starts and once as it ends, and resumes from its checkpoint', async () => {
    const { projection, type } = await newProjection();
    await append(type, 20);
    const terminated = new pg.DatabaseError('terminating connection due to administrator command', 0, 'error');
    terminated.code = '57P01';
    let outageLeft = 6;
    const flaky: EventStore = Object.assign(Object.create(store) as EventStore, {
      readAll: (...args: Parameters<EventStore['readAll']>) => (outageLeft-- > 0 ? Promise.reject(terminated) : store.readAll(...args)),
    });
    const said = { warn: jest.spyOn(Logger.prototype, 'warn'), error: jest.spyOn(Logger.prototype, 'error'), log: jest.spyOn(Logger.prototype, 'log') };
    const runner = new ProjectionRunner(projection, { ...deps(), store: flaky }, { pollIntervalMs: 20, retryMs: 200 });
    runner.start();
    let calls: Record<keyof typeof said, unknown[][]>;
    try {
      await eventually(
        async () => ({ status: runner.status, applied: await applied(projection) }),
        ({ status, applied }) => status === 'live' && applied.count === 20,
      );
    } finally {
      await runner.stop();
      calls = { warn: [...said.warn.mock.calls], error: [...said.error.mock.calls], log: [...said.log.mock.calls] };
      for (const spy of Object.values(said)) spy.mockRestore();
    }
    expect(outageLeft).toBeLessThan(0);
    expect(calls.warn).toEqual([[expect.stringMatching(/^The database is unavailable, retrying until it answers: terminating connection/)]]);
    expect(calls.error).toEqual([]);
    expect(calls.log.filter(([message]) => /again/.test(String(message)))).toEqual([['Following events again after 6 failed attempts']]);
    expect((await applied(projection)).max).toBe(1);
  });

  onPostgres(
    'projects every committed event once while 8 writers commit and roll back out of order',
    async () => {
      const { projection, type } = await newProjection();
      const runner = new ProjectionRunner(projection, deps(), { batchSize: 200, pollIntervalMs: 20, retryMs: 50 });
      runner.start();
      const insert = `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash)
      VALUES ($1, 'probe', $2, $3, $4, 1, '{}', '{}', now(), now(), NULL, 'test')`;
      const writer = async (w: number) => {
        const client = await pool.connect();
        try {
          for (let t = 0; t < 40; t++) {
            await client.query('BEGIN');
            for (let i = 0; i < 10; i++) await client.query(insert, [`writer-${w}-${t}-${randomUUID()}`, 1, randomUUID(), type]);
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
            await client.query(Math.random() < 0.2 ? 'ROLLBACK' : 'COMMIT');
          }
        } finally {
          client.release();
        }
      };
      try {
        await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
        const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE event_type = $1', [type]);
        const committed = rows[0]!.count;
        expect(committed).toBeGreaterThan(2000);
        await waitUntilProjected(pool, await committedHead(pool), [projection.name]);
      } finally {
        await runner.stop();
      }
      const missing = await pool.query(
        `SELECT e.event_id FROM events e LEFT JOIN ${projection.appliedTable} a USING (event_id) WHERE e.event_type = $1 AND a.event_id IS NULL`,
        [type],
      );
      const strangers = await pool.query(`SELECT a.event_id FROM ${projection.appliedTable} a LEFT JOIN events e USING (event_id) WHERE e.event_id IS NULL`);
      expect(missing.rows).toEqual([]);
      expect(strangers.rows).toEqual([]);
      expect((await applied(projection)).max).toBe(1);
    },
    60_000,
  );

  it('rebuilds to identical checksums, from any state of the live tables', async () => {
    const { projection, type } = await newProjection();
    await append(type, 120);
    await append(type, 80);
    await new ProjectionRunner(projection, deps(), { batchSize: 50 }).runUntilCaughtUp();
    const live = await readModelChecksum(pool, projection);
    await rebuildProjection(projection, deps(), { batchSize: 70 });
    const first = await readModelChecksum(pool, projection);
    await rebuildProjection(projection, deps(), { batchSize: 1000 });
    const second = await readModelChecksum(pool, projection);
    expect(first).toBe(live);
    expect(second).toBe(first);
    expect(first).toMatch(/_applied=200:/);
  });

  it('swaps in rebuilt tables with planner statistics: analyzed, not left to autovacuum', async () => {
    const { projection, type } = await newProjection();
    await append(type, 40);
    await rebuildProjection(projection, deps());
    // A table never analyzed nor vacuumed has reltuples -1.
    const { rows } = await pool.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE oid = $1::regclass`, [projection.appliedTable]);
    expect(rows).toEqual([{ reltuples: 40 }]);
  });

  it('keeps serving the live tables during a rebuild to a new version, then swaps them with the checkpoint', async () => {
    const { projection, type } = await newProjection();
    await append(type, 150);
    await new ProjectionRunner(projection, deps()).runUntilCaughtUp();
    const v2 = countingProjection(projection.name, type, 2);
    const servedDuringRebuild: { writtenBy: number[]; count: number }[] = [];
    await rebuildProjection(v2, deps(), {
      batchSize: 40,
      onProgress: async () => {
        const { rows } = await pool.query<{ written_by: number; count: number }>(
          `SELECT written_by, count(*)::int AS count FROM ${projection.appliedTable} GROUP BY written_by`,
        );
        servedDuringRebuild.push({ writtenBy: rows.map((r) => r.written_by), count: rows.reduce((sum, r) => sum + r.count, 0) });
      },
    });
    expect(servedDuringRebuild.length).toBeGreaterThan(1);
    expect(servedDuringRebuild.every((s) => s.writtenBy.join() === '1' && s.count === 150)).toBe(true);
    const { rows } = await pool.query(`SELECT written_by, count(*)::int AS count FROM ${projection.appliedTable} GROUP BY written_by`);
    expect(rows).toEqual([{ written_by: 2, count: 150 }]);
    expect(await loadCheckpoint(readModels.dataSource.manager, projection.name)).toMatchObject({ version: 2 });

    // A runner of the new version continues from the swapped-in checkpoint; one of the old version stops applying.
    await append(type, 10);
    await new ProjectionRunner(v2, deps()).runUntilCaughtUp();
    expect(await applied(projection)).toEqual({ count: 160, max: 1 });
  });

  it('rebuilds a projection whose version changed when its runner starts', async () => {
    const { projection, type } = await newProjection();
    await append(type, 30);
    await new ProjectionRunner(projection, deps()).runUntilCaughtUp();
    const v3 = countingProjection(projection.name, type, 3);
    await new ProjectionRunner(v3, deps()).runUntilCaughtUp();
    const { rows } = await pool.query(`SELECT written_by, count(*)::int AS count FROM ${projection.appliedTable} GROUP BY written_by`);
    expect(rows).toEqual([{ written_by: 3, count: 30 }]);
  });

  onPostgres('lets one runner per projection hold its lock; the other stands by', async () => {
    const { projection } = await newProjection();
    const first = new ProjectionRunner(projection, deps(), { pollIntervalMs: 20, retryMs: 20 });
    const second = new ProjectionRunner(projection, deps(), { pollIntervalMs: 20, retryMs: 20 });
    first.start();
    try {
      await eventually(
        async () => first.status,
        (status) => status === 'live',
      );
      second.start();
      // Stopped until its first try for the lock, which it must lose to the first runner.
      await eventually(
        async () => second.status,
        (status) => status !== 'stopped',
      );
      expect([first.status, second.status]).toEqual(['live', 'standby']);
      await first.stop();
      await eventually(
        async () => second.status,
        (status) => status === 'live',
      );
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
