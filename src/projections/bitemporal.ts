import type { DataSource, EntityManager } from 'typeorm';
import { collect, eventsKnownAt, type TimeAxes } from '../audit/time-axes.js';
import type { EventStore, RecordedEvent } from '../event-store/event-store.js';
import { loadCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { withShadowTables } from './replay.js';

/** What a bitemporal row keeps of an event: its commit key, to order it, and its valid and record time. */
export type EventTimes = Pick<RecordedEvent, 'transactionId' | 'globalPosition' | 'occurredAt' | 'recordedAt'>;

/** The parameters `$1` and `$2` of `within`: the first instant after the valid-time day and the record-time instant, each null for no bound. */
export function axesBounds(axes: TimeAxes): [Date | null, Date | null] {
  return [axes.asOf === undefined ? null : new Date(Date.parse(`${axes.asOf}T00:00:00.000Z`) + 86_400_000), axes.knownAt ?? null];
}

/** SQL: the row's event, whose times are the columns `occurred` and `recorded`, lies within the axes `$1` and `$2` (`axesBounds`). */
export function within(occurred: string, recorded: string): string {
  return `($1::timestamptz IS NULL OR ${occurred} < $1) AND ($2::timestamptz IS NULL OR ${recorded} <= $2)`;
}

/**
 * SQL: the organization of `member`'s last placement within the axes committed before the event of commit key
 * (`transaction`, `position`), from the `placements` table; null when there is none (a member placed nowhere
 * within the axes yet). Placements are kept as `filePlacement` files them.
 */
export function placedBefore(placements: string, member: string, transaction: string, position: string): string {
  return `(SELECT p.organization_id FROM ${placements} p
    WHERE p.member_id = ${member} AND (p.transaction_id, p.global_position) < (${transaction}, ${position})
      AND ${within('p.occurred_at', 'p.recorded_at')}
    ORDER BY p.transaction_id DESC, p.global_position DESC LIMIT 1)`;
}

/**
 * SQL: the rows of `table` about the organizations in `organizations` (SQL of a `text[]`, every row when null)
 * or attributed to a member ever placed in one of them (from the `placements` table), each once: two index
 * lookups, where the two conditions joined by OR would have the whole table scanned.
 */
export function aboutOrganizations(table: string, placements: string, organizations: string): string {
  return `(SELECT * FROM ${table} WHERE ${organizations} IS NULL OR organization_id = ANY(${organizations})
    UNION ALL
    SELECT * FROM ${table} WHERE organization_id <> ALL(${organizations})
      AND attributed_member_id IN (SELECT member_id FROM ${placements} WHERE organization_id = ANY(${organizations})))`;
}

/**
 * Runs `work` on a projection's bitemporal rows for an answer within `axes`, with empty temporary copies of
 * `tables` shadowing the live ones (`withShadowTables`) for `work` to fill. Undefined, and `work` not run,
 * when the rows cannot answer as the replay of the store would: the read model is not built at the
 * projection's version, or an event the projection handles within the axes was committed after its
 * checkpoint. Rows that moved past that checkpoint meanwhile answer as the store stood at their own.
 */
export async function readFromRows<T>(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  axes: TimeAxes,
  tables: readonly string[],
  work: (manager: EntityManager, liveSchema: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  const checkpoint = await loadCheckpoint(dataSource.manager, projection.name);
  if (checkpoint?.version !== projection.version) return undefined;
  // The store is read before the transaction opens: the embedded database serves one open transaction at a time.
  const handled = new Set<string>(projection.handles);
  const later = await collect(eventsKnownAt(store, axes, (event) => handled.has(event.type), checkpoint));
  if (later.length > 0) return undefined;
  return withShadowTables(dataSource, tables, async (manager, liveSchema) => {
    if ((await loadCheckpoint(manager, projection.name))?.version !== projection.version) return undefined;
    return work(manager, liveSchema);
  });
}

/** Inserts `rows` into `table` in one statement; `columns` names each column with its SQL type. */
export async function insertRows(manager: EntityManager, table: string, columns: Readonly<Record<string, string>>, rows: readonly object[]): Promise<void> {
  const names = Object.keys(columns).join(', ');
  const types = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  await manager.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS t(${types})`, [JSON.stringify(rows)]);
}
