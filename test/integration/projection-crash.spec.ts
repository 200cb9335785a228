import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type pg from 'pg';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { loadCheckpoint } from '../../src/projections/checkpoints.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { SystemClock } from '../../src/shared/clock.js';
import { countingProjection, createCountingTables, readModelChecksum } from '../support/counting-projection.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';

const root = join(__dirname, '..', '..');
const child = join(root, 'dist', 'test', 'support', 'projection-child.js');

/** The runner runs in a child process compiled by SWC as `npm run build` does, so that it can be killed with SIGKILL. */
beforeAll(() => {
  execFileSync(join(root, 'node_modules', '.bin', 'swc'), ['src', 'test/support', '-d', 'dist', '--quiet'], { cwd: root });
});

function exited(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

describe.each(testDatabases())('projection crash safety on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let readModels: ReadModels;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    // A database of its own: the checksums compare whole read-model tables that other tests write to too.
    isolated = await isolatedDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    readModels = await ReadModels.open(isolated.url, 2);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await readModels?.close();
    await pool?.end();
    await isolated?.drop();
  });

  it('equals a full replay after being killed with SIGKILL mid catch-up, again and again', async () => {
    const suffix = randomUUID().slice(0, 8);
    const type = `Crashed_${suffix}`;
    const projection = countingProjection(`crash-${suffix}`, type);
    await createCountingTables(pool, projection);
    const deps = { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: isolated.url };
    await new ProjectionRunner(projection, deps).runUntilCaughtUp();
    for (let s = 0; s < 10; s++) {
      const events = Array.from({ length: 100 }, (_, n) => ({ type, data: { n } }));
      await store.append({
        streamId: `crash-${suffix}-${s}`,
        streamType: 'probe',
        events,
        expectedVersion: 'no-stream',
        metadata: { actor: 'test', correlationId: suffix },
      });
    }
    const positions: number[] = [];
    let kills = 0;
    for (let attempt = 0; attempt < 6 && kills < 3; attempt++) {
      const before = (await loadCheckpoint(readModels.dataSource.manager, projection.name))!.globalPosition;
      const runner = spawn(process.execPath, [child, isolated.url, projection.name, type], { stdio: 'ignore' });
      const exit = exited(runner);
      let done = false;
      void exit.then(() => (done = true));
      while (!done && (await loadCheckpoint(readModels.dataSource.manager, projection.name))!.globalPosition === before)
        await new Promise((resolve) => setTimeout(resolve, 10));
      if (done) break;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      runner.kill('SIGKILL');
      await exit;
      kills++;
      positions.push((await loadCheckpoint(readModels.dataSource.manager, projection.name))!.globalPosition);
      const { rows } = await pool.query<{ max: number | null }>(`SELECT max(applied) AS max FROM ${projection.appliedTable}`);
      expect(rows[0]!.max).toBe(1);
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    const finish = spawn(process.execPath, [child, isolated.url, projection.name, type], { stdio: 'ignore' });
    expect(await exited(finish)).toBe(0);

    const recovered = await readModelChecksum(pool, projection);
    await rebuildProjection(projection, deps);
    expect(recovered).toBe(await readModelChecksum(pool, projection));
    expect(recovered).toMatch(/_applied=1000:/);
    expect(new Set(positions).size).toBe(positions.length);
  }, 90_000);

  it('keeps serving the old tables and ends equal to a full replay after being killed with SIGKILL mid rebuild', async () => {
    const suffix = randomUUID().slice(0, 8);
    const type = `Rebuilt_${suffix}`;
    const projection = countingProjection(`rebuild-${suffix}`, type);
    await createCountingTables(pool, projection);
    const deps = { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: isolated.url };
    for (let s = 0; s < 10; s++) {
      const events = Array.from({ length: 100 }, (_, n) => ({ type, data: { n } }));
      await store.append({
        streamId: `rebuild-${suffix}-${s}`,
        streamType: 'probe',
        events,
        expectedVersion: 'no-stream',
        metadata: { actor: 'test', correlationId: suffix },
      });
    }
    await new ProjectionRunner(projection, deps).runUntilCaughtUp();
    const served = await readModelChecksum(pool, projection);
    // A stored version other than the projection's makes the next runner rebuild before it follows.
    const staleVersion = () => pool.query('UPDATE projection_checkpoints SET version = version + 100 WHERE name = $1', [projection.name]);
    let kills = 0;
    for (let attempt = 0; attempt < 8 && kills < 2; attempt++) {
      await staleVersion();
      const runner = spawn(process.execPath, [child, isolated.url, projection.name, type], { stdio: 'ignore' });
      const exit = exited(runner);
      let done = false;
      void exit.then(() => (done = true));
      // Killed once the rebuild has started filling its fresh tables.
      const rebuilding = `SELECT 1 FROM information_schema.tables WHERE table_schema LIKE 'projection_next_%' AND table_name = $1`;
      while (!done && (await pool.query(rebuilding, [projection.appliedTable])).rowCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
      runner.kill('SIGKILL');
      await exit;
      const stored = await loadCheckpoint(readModels.dataSource.manager, projection.name);
      if (stored!.version !== projection.version) {
        kills++;
        expect(await readModelChecksum(pool, projection)).toBe(served);
      }
    }
    expect(kills).toBeGreaterThanOrEqual(1);
    await staleVersion();
    const finish = spawn(process.execPath, [child, isolated.url, projection.name, type], { stdio: 'ignore' });
    expect(await exited(finish)).toBe(0);
    const recovered = await readModelChecksum(pool, projection);
    await rebuildProjection(projection, deps);
    expect(recovered).toBe(await readModelChecksum(pool, projection));
    expect(recovered).toBe(served);
  }, 120_000);
});
