import type { DataSource, EntityManager } from 'typeorm';
import { EVERYTHING, setScope } from '../database/organization-scope.js';
import { START_OF_ALL, type EventStore, type GlobalCheckpoint } from '../event-store/event-store.js';
import type { DatabaseTimeouts } from '../platform/config/app-config.js';
import type { Clock } from '../shared/clock.js';
import { AdvisoryLock, LOCK_SPACE } from './advisory-lock.js';
import { evolveAll } from './apply-batch.js';
import { lockCheckpoint, replaceCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { ReadModels } from './read-models.js';
import { quoted } from './replay.js';

export class RebuildInProgressError extends Error {
  constructor(readonly projection: string) {
    super(`A rebuild of projection ${projection} is already running`);
    this.name = 'RebuildInProgressError';
  }
}

export interface RebuildProgress {
  readonly replayed: number;
  /** Events to replay, counted when the rebuild started; more may commit meanwhile. */
  readonly total: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}

export interface RebuildDependencies {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly url: string;
  /** The schema owner's URL when `dataSource` connects as another role: tables are created and swapped as their owner. */
  readonly ownerUrl?: string;
  readonly timeouts?: DatabaseTimeouts;
}

export interface RebuildResult extends RebuildProgress {
  readonly checkpoint: GlobalCheckpoint;
}

/** Schemas of a rebuild: `next` is filled while the live tables keep serving; `retired` lives only inside the swap. */
function schemasOf(projection: Projection) {
  const suffix = projection.name.replaceAll('-', '_');
  return { next: `projection_next_${suffix}`, retired: `projection_retired_${suffix}` };
}

/**
 * Blue-green rebuild: replays every event from position zero into empty copies of the projection's
 * tables in a schema of their own, then swaps them in and sets the checkpoint in one transaction. Until
 * that commit, queries read the live tables. A runner still following the old tables finds its checkpoint
 * moved and continues from the rebuilt one. Interrupted rebuilds start over from zero.
 */
export async function rebuildProjection(projection: Projection, deps: RebuildDependencies, options: RebuildOptions = {}): Promise<RebuildResult> {
  if (deps.ownerUrl && deps.ownerUrl !== deps.url) {
    const owner = await ReadModels.open(deps.ownerUrl, 2, deps.timeouts);
    try {
      return await rebuildProjection(projection, { ...deps, dataSource: owner.dataSource, ownerUrl: undefined }, options);
    } finally {
      await owner.close();
    }
  }
  const lock = new AdvisoryLock(deps.url, LOCK_SPACE.rebuild, projection.name, undefined, deps.timeouts);
  if (!(await lock.tryAcquire())) {
    await lock.release();
    throw new RebuildInProgressError(projection.name);
  }
  try {
    const live = await liveSchema(deps.dataSource);
    const { next } = schemasOf(projection);
    await createFreshTables(deps.dataSource, projection, live, next);
    const total = await countCommittedEvents(deps.dataSource);
    const batchSize = options.batchSize ?? 1000;
    let checkpoint = START_OF_ALL;
    let replayed = 0;
    for (;;) {
      const batch = await deps.store.readAll(checkpoint, batchSize);
      if (batch.events.length > 0) {
        await deps.dataSource.transaction(async (tx) => {
          await liftStatementTimeout(tx);
          await tx.query(`SELECT set_config('search_path', $1, true)`, [`${quoted(next)}, ${quoted(live)}`]);
          await setScope(tx, EVERYTHING);
          await evolveAll(tx, projection, batch.events);
        });
        checkpoint = batch.checkpoint;
        replayed += batch.events.length;
        await options.onProgress?.({ replayed, total: Math.max(total, replayed) });
      }
      if (batch.events.length < batchSize) break;
    }
    await analyze(deps.dataSource, projection, next);
    await deps.dataSource.transaction((tx) => swap(tx, projection, live, checkpoint, deps.clock.now()));
    return { replayed, total: Math.max(total, replayed), checkpoint };
  } finally {
    await lock.release();
  }
}

/**
 * A rebuild's statements may outlast the statement timeout (a count over every event, a swap that waits for
 * readers of the live tables): an interrupted rebuild starts over from zero, so its transactions lift it.
 */
async function liftStatementTimeout(tx: EntityManager): Promise<void> {
  await tx.query('SET LOCAL statement_timeout = 0');
}

async function liveSchema(dataSource: DataSource): Promise<string> {
  const [row] = (await dataSource.query('SELECT current_schema() AS schema')) as { schema: string }[];
  return row!.schema;
}

async function createFreshTables(dataSource: DataSource, projection: Projection, live: string, next: string): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await liftStatementTimeout(tx);
    await tx.query(`DROP SCHEMA IF EXISTS ${quoted(next)} CASCADE`);
    await tx.query(`CREATE SCHEMA ${quoted(next)}`);
    for (const table of projection.tables) {
      await tx.query(`CREATE TABLE ${quoted(next)}.${quoted(table)} (LIKE ${quoted(live)}.${quoted(table)} INCLUDING ALL)`);
      await tx.query(`SELECT disciplina_copy_walls($1::regclass, $2::regclass)`, [`${quoted(live)}.${quoted(table)}`, `${quoted(next)}.${quoted(table)}`]);
    }
  });
}

/**
 * Statistics for the rebuilt tables before they serve: the planner reads a table never analyzed as a guess,
 * and chose a sequential scan of a 70,000-row history over its index until autovacuum came by.
 */
async function analyze(dataSource: DataSource, projection: Projection, next: string): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await liftStatementTimeout(tx);
    for (const table of projection.tables) await tx.query(`ANALYZE ${quoted(next)}.${quoted(table)}`);
  });
}

async function countCommittedEvents(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.transaction(async (tx) => {
    await liftStatementTimeout(tx);
    return (await tx.query('SELECT count(*)::bigint AS count FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())')) as {
      count: string;
    }[];
  });
  return Number(row?.count ?? 0);
}

/** Moves the live tables out and the rebuilt ones in (indexes and sequences follow their tables). */
async function swap(tx: EntityManager, projection: Projection, live: string, checkpoint: GlobalCheckpoint, now: Date): Promise<void> {
  const { next, retired } = schemasOf(projection);
  await liftStatementTimeout(tx);
  await lockCheckpoint(tx, projection.name);
  await tx.query(`DROP SCHEMA IF EXISTS ${quoted(retired)} CASCADE`);
  await tx.query(`CREATE SCHEMA ${quoted(retired)}`);
  for (const table of projection.tables) {
    await tx.query(`ALTER TABLE ${quoted(live)}.${quoted(table)} SET SCHEMA ${quoted(retired)}`);
    await tx.query(`ALTER TABLE ${quoted(next)}.${quoted(table)} SET SCHEMA ${quoted(live)}`);
  }
  await tx.query(`DROP SCHEMA ${quoted(retired)} CASCADE`);
  await tx.query(`DROP SCHEMA ${quoted(next)}`);
  await replaceCheckpoint(tx, projection.name, projection.version, checkpoint, now);
}
