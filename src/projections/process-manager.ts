import type { DataSource } from 'typeorm';
import type { CommandCause } from '../event-store/event-sourced-streams.js';
import type { EventStore, GlobalCheckpoint, RecordedEvent } from '../event-store/event-store.js';
import { foldEvents, type Decider, type Event } from '../shared/domain/decider.js';
import { DomainError } from '../shared/domain/errors.js';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import { advanceCheckpoint, sameCheckpoint } from './checkpoints.js';

/**
 * A consumer of committed events that carries out what they entail on other streams, through the
 * CommandBus. Its runner hands it each event of `handles` in commit order from its checkpoint, at least
 * once (again after a crash before the checkpoint moved): `handle` recognises a follow-up already done by
 * the causing event's id, which every command it sends keeps as the causation of what it records.
 */
export interface ProcessManager {
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  handle(event: RecordedEvent): Promise<void>;
}

export function isProcessManager(consumer: object): consumer is ProcessManager {
  return 'handle' in consumer;
}

/** The state of the causing event's stream once that event is applied (a case in effect, an appeal decided). */
export async function stateThrough<S, E extends Event>(
  store: EventStore,
  decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>,
  event: RecordedEvent,
): Promise<S> {
  const recorded = await store.readStream(event.streamId, { maxCount: event.streamVersion });
  return foldEvents(decider, recorded.map((e) => ({ type: e.type, data: e.data })) as unknown as E[]);
}

/**
 * The version of the stream to send a follow-up at; undefined when the stream already holds the follow-up
 * of this cause (each causing event has at most one follow-up per stream).
 */
export async function versionUnlessDone(store: EventStore, streamId: string, cause: CommandCause): Promise<number | undefined> {
  const recorded = await store.readStream(streamId);
  if (recorded.some((event) => event.metadata.causationId === cause.eventId)) return undefined;
  return recorded.at(-1)?.streamVersion ?? 0;
}

/** Retrying cannot change a refusal by the domain (nor a stream that does not exist): the event is parked. */
export function isRefusal(error: unknown): error is DomainError | StreamNotFoundError {
  return error instanceof DomainError || error instanceof StreamNotFoundError;
}

export interface ParkedEvent {
  readonly event: RecordedEvent;
  readonly code: string;
  readonly message: string;
}

/**
 * A process manager's checkpoint starts where its migration put it; one missing (a database restored
 * without it) follows all events again, which the idempotent handlers allow. A new version keeps the position.
 */
export async function prepareProcessCheckpoint(dataSource: DataSource, manager: ProcessManager, now: Date): Promise<void> {
  await dataSource.query(
    `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at) VALUES ($1, $2, '0'::xid8, 0, $3)
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version WHERE projection_checkpoints.version <> EXCLUDED.version`,
    [manager.name, manager.version, now],
  );
}

/**
 * Hands a batch to the process manager event by event, moving the checkpoint past each one it handled
 * (so a crash repeats at most the event in hand) and to `to` at the end. A refused event is parked in the
 * transaction that moves the checkpoint past it; any other failure throws, and the runner retries from
 * the checkpoint with backoff.
 */
export async function handleBatch(
  dataSource: DataSource,
  manager: ProcessManager,
  from: GlobalCheckpoint,
  to: GlobalCheckpoint,
  events: readonly RecordedEvent[],
  now: () => Date,
  onParked: (parked: ParkedEvent) => void,
): Promise<void> {
  const handled = new Set(manager.handles);
  let checkpoint = from;
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const parked = await handleOne(manager, event);
    const next = { transactionId: event.transactionId, globalPosition: event.globalPosition };
    await dataSource.transaction(async (tx) => {
      if (parked) {
        await tx.query(
          `INSERT INTO parked_events (consumer, event_id, global_position, stream_id, event_type, code, message, parked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (consumer, event_id) DO NOTHING`,
          [manager.name, event.eventId, event.globalPosition, event.streamId, event.type, parked.code, parked.message, now()],
        );
      }
      await advanceCheckpoint(tx, manager.name, manager.version, checkpoint, next, now());
    });
    if (parked) onParked(parked);
    checkpoint = next;
  }
  if (!sameCheckpoint(checkpoint, to)) await dataSource.transaction((tx) => advanceCheckpoint(tx, manager.name, manager.version, checkpoint, to, now()));
}

async function handleOne(manager: ProcessManager, event: RecordedEvent): Promise<ParkedEvent | undefined> {
  try {
    await manager.handle(event);
    return undefined;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { event, code: error.code, message: error.message };
  }
}

/** How many events a consumer has parked. */
export async function parkedCount(dataSource: DataSource, name: string): Promise<number> {
  const [row] = (await dataSource.query('SELECT count(*)::int AS parked FROM parked_events WHERE consumer = $1', [name])) as { parked: number }[];
  return row?.parked ?? 0;
}
