import type { Pool } from 'pg';
import type { Clock, IdGenerator } from '../../shared/clock.js';
import { ExpectedVersionConflictError } from '../../shared/stream-errors.js';
import {
  EventStore,
  type AppendRequest,
  type AllChainsVerification,
  type AppendResult,
  type ChainVerification,
  type EventMetadata,
  type ExpectedVersion,
  type GlobalCheckpoint,
  type ReadAllResult,
  type ReadStreamOptions,
  type SearchableEventType,
  type RecordedEvent,
  type StoreHead,
  type StreamHead,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.js';
import { KnownHeads, type StreamHeadLink } from './known-heads.js';
import { chainHash, verifyChain, type StoredLink } from '../hash-chain.js';
import { UpcasterRegistry } from '../upcasters.js';
import { APPENDED_CHANNEL, PostgresSubscription } from './postgres-subscription.js';

const UNIQUE_VIOLATION = '23505';
const VERIFY_PAGE = 5000;
/** Wake-ups are coalesced: NOTIFY serializes the commits that issue it, so appends never wait on one. */
const NOTIFY_DELAY_MS = 5;
// `transaction_id` leaves as text: an ORDER BY must name `events.transaction_id`, or it sorts the text.
export const COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, stream_type, stream_version,
  event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  previous_hash: string | null;
  hash: string;
}

export function toStored(row: EventRow): RecordedEvent & StoredLink {
  return {
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** Rows of columns to columns of rows: the arrays `unnest` takes. */
function transpose(rows: readonly unknown[][]): unknown[][] {
  return rows[0]!.map((_, column) => rows.map((row) => row[column]));
}

function satisfies(expected: ExpectedVersion, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return current === 0;
  if (expected === 'exists') return current > 0;
  return expected === current;
}

/** The default event store: one `events` table, appends in one transaction, hash chain per stream. */
export interface PostgresEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  /** Told of every append once it has committed (the appended-events metric). */
  readonly onAppended?: (request: AppendRequest) => void;
}

const INSERT_COLUMNS = `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version,
  data, metadata, occurred_at, recorded_at, previous_hash, hash)`;
/** One event: a plain row. */
const INSERT_ONE = `${INSERT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING global_position`;
/** Several events: one statement for any number of rows. */
const INSERT_MANY = `${INSERT_COLUMNS}
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[],
    $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[])
  RETURNING global_position`;

/**
 * Whether each connection of `pool` is a session of its own, as on any PostgreSQL server, so that it may
 * prepare statements under names of its own. PGlite, embedded or served on a socket, is one session for all
 * connections: a statement one prepared would meet another's.
 */
export async function preparesPerConnection(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ separate: boolean }>(`SELECT version() NOT LIKE '%PGlite%' AS separate`);
  return rows[0]!.separate;
}

export class PostgresEventStore extends EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly onAppended: (request: AppendRequest) => void;
  private sessionPerConnection: Promise<boolean> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    options: PostgresEventStoreOptions = {},
  ) {
    super();
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.onAppended = options.onAppended ?? (() => undefined);
  }

  /**
   * Appends go through statements each connection prepares once (no parse and plan per append) where the
   * database allows it (`preparesPerConnection`). Asked of the database once; asked again after a failure.
   */
  private async statement(name: string, text: string, values: unknown[]) {
    this.sessionPerConnection ??= preparesPerConnection(this.pool).catch((error: unknown) => {
      this.sessionPerConnection = undefined;
      throw error;
    });
    return (await this.sessionPerConnection) ? { name, text, values } : { text, values };
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('append needs at least one event');
    for (;;) {
      try {
        const result = await this.appendOnce(request);
        this.onAppended(request);
        this.wakeSubscribers();
        return result;
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        // Another writer took the same version since we read or wrote the head.
        this.knownHeads.forget(request.streamId);
        if (request.expectedVersion === 'any') continue;
        throw new ExpectedVersionConflictError(request.streamId, request.expectedVersion, await this.streamVersion(request.streamId));
      }
    }
  }

  /**
   * Finds the stream's head, then inserts every event in one statement (atomic on its own). Between the
   * two, the unique (stream, version) constraint is the lock: a writer that raced us makes our insert fail,
   * so a chain link is never written on top of a head it did not see.
   */
  private async appendOnce(request: AppendRequest): Promise<AppendResult> {
    const head = await this.headFor(request);
    const current = head?.version ?? 0;
    if (!satisfies(request.expectedVersion, current)) {
      throw new ExpectedVersionConflictError(request.streamId, request.expectedVersion, current);
    }
    const recordedAt = this.clock.now();
    let previousHash = head?.hash ?? null;
    const rows = request.events.map((event, index) => {
      const link = {
        streamId: request.streamId,
        streamType: request.streamType,
        streamVersion: current + index + 1,
        eventId: this.ids.next(),
        type: event.type,
        schemaVersion: this.upcasters.currentVersion(event.type),
        data: event.data,
        metadata: request.metadata,
        occurredAt: event.occurredAt ?? recordedAt,
        recordedAt,
      };
      const row = { ...link, previousHash, hash: chainHash(link, previousHash) };
      previousHash = row.hash;
      return row;
    });
    const columns = (row: (typeof rows)[number]) => [
      row.streamId,
      row.streamType,
      row.streamVersion,
      row.eventId,
      row.type,
      row.schemaVersion,
      JSON.stringify(row.data),
      JSON.stringify(row.metadata),
      row.occurredAt,
      row.recordedAt,
      row.previousHash,
      row.hash,
    ];
    const inserted = await this.pool.query<{ global_position: string }>(
      rows.length === 1
        ? await this.statement('disciplina-append-one', INSERT_ONE, columns(rows[0]!))
        : await this.statement('disciplina-append-many', INSERT_MANY, transpose(rows.map(columns))),
    );
    const positions = inserted.rows.map((r) => Number(r.global_position));
    this.knownHeads.set(request.streamId, { version: current + rows.length, hash: previousHash! });
    return { nextExpectedVersion: current + rows.length, lastGlobalPosition: Math.max(...positions) };
  }

  /**
   * The head the append builds on, read from the database only when the request does not already tell it:
   * none for a stream expected not to exist, the head this process last wrote or read to the end when the
   * request expects that version (one round trip saved for a command that has just read its stream).
   */
  private async headFor(request: AppendRequest): Promise<StreamHeadLink | undefined> {
    if (request.expectedVersion === 'no-stream') return undefined;
    const known = this.knownHeads.get(request.streamId);
    if (known !== undefined && known.version === request.expectedVersion) return known;
    const { rows } = await this.pool.query<{ stream_version: number; hash: string }>(
      await this.statement('disciplina-stream-head', 'SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1', [
        request.streamId,
      ]),
    );
    return rows[0] && { version: rows[0].stream_version, hash: rows[0].hash };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const from = options.fromVersion ?? (backward ? 2 ** 31 - 1 : 1);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version ${backward ? '<=' : '>='} $2
       ORDER BY stream_version ${backward ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, from, options.maxCount ?? null],
    );
    const last = rows.at(-1);
    // A forward read to the end saw the head: the command deciding on it appends without looking it up again.
    if (!backward && options.maxCount === undefined && last) this.knownHeads.set(streamId, { version: last.stream_version, hash: last.hash });
    return rows.map((row) => this.upcasters.upcast(toStored(row)));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number | null }>('SELECT max(stream_version) AS version FROM events WHERE stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }

  /** Never prepared: planned with its event type, the query can use the partial index of the searchable types. */
  async streamsWith(eventType: SearchableEventType, contains: Readonly<Record<string, unknown>>): Promise<string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      'SELECT DISTINCT stream_id FROM events WHERE event_type = $1 AND data @> $2::jsonb ORDER BY stream_id',
      [eventType, JSON.stringify(contains)],
    );
    return rows.map((row) => row.stream_id);
  }

  /**
   * Commit-safe order: only rows of transactions older than every transaction still running, ordered by
   * (transaction id, position). A slow writer's rows are never passed over; they appear once it commits.
   */
  async readAll(from: GlobalCheckpoint, maxCount: number): Promise<ReadAllResult> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`,
      [from.transactionId, from.globalPosition, maxCount],
    );
    const events = rows.map((row) => this.upcasters.upcast(toStored(row)));
    const last = events.at(-1);
    return { events, checkpoint: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : from };
  }

  async readPositions(globalPositions: readonly number[]): Promise<RecordedEvent[]> {
    if (globalPositions.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE global_position = ANY($1::bigint[]) ORDER BY events.transaction_id, events.global_position`,
      [globalPositions],
    );
    return rows.map((row) => this.upcasters.upcast(toStored(row)));
  }

  async head(): Promise<StoreHead | null> {
    const { rows } = await this.pool.query<Pick<EventRow, 'transaction_id' | 'global_position' | 'recorded_at'>>(
      'SELECT transaction_id::text AS transaction_id, global_position, recorded_at FROM events ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1',
    );
    const [row] = rows;
    return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position), recordedAt: row.recorded_at } : null;
  }

  private notifyScheduled = false;
  private readonly knownHeads = new KnownHeads();

  private wakeSubscribers(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setTimeout(() => {
      this.notifyScheduled = false;
      // A lost wake-up only delays subscribers until their next poll.
      this.pool.query(`NOTIFY ${APPENDED_CHANNEL}`).catch(() => undefined);
    }, NOTIFY_DELAY_MS).unref();
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return PostgresSubscription.start(this.pool, (from, max) => this.readAll(from, max), options);
  }

  async verifyStream(streamId: string): Promise<ChainVerification> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return verifyChain(streamId, rows.map(toStored));
  }

  /** Walks every stream in (stream id, version) order, a page at a time, holding one stream in memory. */
  async verifyAll(): Promise<AllChainsVerification> {
    let streams = 0;
    let events = 0;
    let current: StoredLink[] = [];
    const finish = (): ChainVerification | undefined => {
      const first = current[0];
      if (!first) return undefined;
      streams += 1;
      const result = verifyChain(first.streamId, current);
      current = [];
      return result;
    };
    let after: [string, number] = ['', 0];
    for (;;) {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE (stream_id, stream_version) > ($1, $2)
         ORDER BY stream_id, stream_version LIMIT ${VERIFY_PAGE}`,
        after,
      );
      for (const row of rows) {
        const link = toStored(row);
        if (current[0] && current[0].streamId !== link.streamId) {
          const result = finish();
          if (result && !result.valid) return { valid: false, streams, events, firstBroken: result };
        }
        current.push(link);
        events += 1;
      }
      const last = rows.at(-1);
      if (!last) break;
      after = [last.stream_id, last.stream_version];
    }
    const result = finish();
    if (result && !result.valid) return { valid: false, streams, events, firstBroken: result };
    return { valid: true, streams, events, firstBroken: null };
  }

  async streamHeads(): Promise<StreamHead[]> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_version: number; hash: string }>(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events
       ORDER BY stream_id, stream_version DESC`,
    );
    return rows.map((row) => ({ streamId: row.stream_id, streamVersion: row.stream_version, hash: row.hash }));
  }

  async hashesAt(links: readonly Omit<StreamHead, 'hash'>[]): Promise<StreamHead[]> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_version: number; hash: string }>(
      `SELECT e.stream_id, e.stream_version, e.hash
       FROM unnest($1::text[], $2::int[]) AS wanted(stream_id, stream_version)
       JOIN events e USING (stream_id, stream_version)`,
      [links.map((l) => l.streamId), links.map((l) => l.streamVersion)],
    );
    return rows.map((row) => ({ streamId: row.stream_id, streamVersion: row.stream_version, hash: row.hash }));
  }
}
