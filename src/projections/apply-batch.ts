import type { DataSource, EntityManager } from 'typeorm';
import { EVERYTHING, setScope } from '../database/organization-scope.js';
import type { GlobalCheckpoint, RecordedEvent } from '../event-store/event-store.js';
import { advanceCheckpoint, CheckpointMovedError, lockCheckpoint, sameCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

export async function evolveAll(tx: EntityManager, projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
  const handled = new Set<string>(projection.handles);
  for (const event of events) {
    if (handled.has(event.type)) await projection.evolve(tx, event);
  }
}

/**
 * One batch, one transaction: the read-model writes and the move of the checkpoint from `from` to `to`
 * commit together or not at all. The checkpoint row is locked first, so a rebuild's swap and a runner
 * never wait on each other's table locks in opposite orders.
 */
export async function applyBatch(
  dataSource: DataSource,
  projection: Projection,
  from: GlobalCheckpoint,
  to: GlobalCheckpoint,
  events: readonly RecordedEvent[],
  now: Date,
): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await setScope(tx, EVERYTHING);
    const stored = await lockCheckpoint(tx, projection.name);
    if (!stored || stored.version !== projection.version || !sameCheckpoint(stored, from)) throw new CheckpointMovedError(projection.name);
    await evolveAll(tx, projection, events);
    await advanceCheckpoint(tx, projection.name, projection.version, from, to, now);
  });
}
