import type { DataSource } from 'typeorm';
import { collect, eventsKnownAt, withinAxes, type EventFilter, type TimeAxes } from '../audit/time-axes.js';
import { START_OF_ALL, type EventStore, type RecordedEvent } from '../event-store/event-store.js';
import { loadCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

/** A projection's event index: the positions of the events it filed under one key (a member, an organization). */
export interface EventIndex {
  readonly projection: Projection;
  /** Selects `global_position` from the index table. */
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * The events an as-of answer replays, exactly those `eventsKnownAt` walks the whole store for: the
 * projection files the position of every event it may need under its key, in the transaction that moves its
 * checkpoint, so the index and the checkpoint are read in one snapshot; the events committed after that
 * checkpoint are read from the store. `filter` sees the indexed events, then the later ones, in commit order,
 * each once, as it would in a walk of the whole store. An index not built at the projection's version is
 * not used: the whole store is walked.
 */
export async function indexedEventsKnownAt(
  dataSource: DataSource,
  store: EventStore,
  index: EventIndex,
  axes: TimeAxes,
  filter: EventFilter,
): Promise<RecordedEvent[]> {
  const filed = await dataSource.transaction('REPEATABLE READ', async (manager) => {
    const checkpoint = await loadCheckpoint(manager, index.projection.name);
    if (checkpoint?.version !== index.projection.version) return undefined;
    const rows = (await manager.query(index.sql, [...index.parameters])) as { global_position: string }[];
    return { checkpoint, positions: rows.map((row) => Number(row.global_position)) };
  });
  if (!filed) return collect(eventsKnownAt(store, axes, filter, START_OF_ALL));
  const indexed = (await store.readPositions(filed.positions)).filter((event) => withinAxes(event, axes) && filter(event));
  return [...indexed, ...(await collect(eventsKnownAt(store, axes, filter, filed.checkpoint)))];
}
