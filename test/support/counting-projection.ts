import type { EntityManager } from 'typeorm';
import type { DomainEventType } from '../../src/projections/domain-events.js';
import type { RecordedEvent } from '../../src/event-store/event-store.js';
import type { Projection } from '../../src/projections/projection.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface CountingProjection extends Projection {
  /** Times each event was applied (unique per event id, so a double apply shows as 2). */
  readonly appliedTable: string;
  readonly streamsTable: string;
}

/**
 * A tiny projection for the runner's tests: counts every application of its event type per event id, and
 * keeps a per-stream tally that a double apply would skew. `failOn` makes `evolve` throw on one event.
 */
export function countingProjection(name: string, eventType: string, version = 1, failOn?: (event: RecordedEvent) => boolean): CountingProjection {
  const base = name.replaceAll('-', '_');
  const appliedTable = `${base}_applied`;
  const streamsTable = `${base}_streams`;
  return {
    name,
    version,
    // A probe type of the test's own, which no domain records: other suites' events leave it alone.
    handles: [eventType as DomainEventType],
    tables: [appliedTable, streamsTable],
    appliedTable,
    streamsTable,
    async evolve(tx: EntityManager, event: RecordedEvent) {
      if (failOn?.(event)) throw new Error(`evolve refused event ${event.eventId}`);
      await tx.query(
        `INSERT INTO ${appliedTable} (event_id, stream_id, global_position, applied, written_by) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (event_id) DO UPDATE SET applied = ${appliedTable}.applied + 1`,
        [event.eventId, event.streamId, event.globalPosition, version],
      );
      await tx.query(
        `INSERT INTO ${streamsTable} (stream_id, events, version_sum) VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET events = ${streamsTable}.events + 1, version_sum = ${streamsTable}.version_sum + $2`,
        [event.streamId, event.streamVersion],
      );
    },
  };
}

/** Tests create the tables a migration would. */
export async function createCountingTables(db: Queryable, projection: CountingProjection): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${projection.appliedTable} (
    event_id uuid PRIMARY KEY, stream_id text NOT NULL, global_position bigint NOT NULL, applied integer NOT NULL, written_by integer NOT NULL)`);
  await db.query(`CREATE TABLE IF NOT EXISTS ${projection.streamsTable} (
    stream_id text PRIMARY KEY, events integer NOT NULL, version_sum bigint NOT NULL)`);
}

/** A digest of a table's whole content, independent of physical order. */
export async function tableChecksum(db: Queryable, table: string): Promise<string> {
  const rows = (await db.query(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum, count(*)::int AS n FROM ${table} t`)) as
    { sum: string; n: number }[] | { rows: { sum: string; n: number }[] };
  const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
  return `${row!.n}:${row!.sum}`;
}

export async function readModelChecksum(db: Queryable, projection: Projection): Promise<string> {
  const sums = [];
  for (const table of projection.tables) sums.push(`${table}=${await tableChecksum(db, table)}`);
  return sums.join(' ');
}
