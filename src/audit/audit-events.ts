import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { ALL_ORGANIZATIONS, setScope, type ReadScope } from '../database/organization-scope.js';
import type { GlobalCheckpoint } from '../event-store/event-store.js';
import { COLUMNS, toStored, type EventRow } from '../event-store/postgres/postgres-event-store.js';
import { organizationStreamId } from '../organizations/domain/organization.decider.js';

/** An event as stored, with every field its hash covers (data and metadata as written, before any upcasting). */
export type AuditEvent = Omit<StoredEvent, 'transactionId' | 'occurredAt' | 'recordedAt'> & { readonly occurredAt: string; readonly recordedAt: string };

type StoredEvent = ReturnType<typeof toStored>;

export interface AuditEventFilter {
  readonly streamId?: string;
  readonly organizationId?: string;
  /** Record time, whole days: recorded on or after `from`, on or before `to`. */
  readonly from?: string;
  readonly to?: string;
  /** Recorded by this actor (the metadata's `actor`: an account, `anonymous`, or the service's own). */
  readonly actor?: string;
  readonly eventType?: string;
}

/**
 * The streams that concern an organization: its own; those the organization history attributes to it or
 * to its members (inspections, supervisions, reviews, cases, appeals, classifications, removals); and the
 * streams of members admitted to it or transferred into or out of it, read from the events themselves.
 */
const CONCERNED_STREAMS = `
  SELECT $ORG_STREAM::text AS stream_id
  UNION SELECT stream_id FROM organization_history WHERE organization_id = $ORG
  UNION SELECT stream_id FROM events WHERE event_type IN ('MemberAdmitted', 'MemberTransferred')
    AND $ORG IN (data->>'organizationId', data->>'fromOrganizationId', data->>'toOrganizationId')`;

/** The streams of the confidential cases, and of their appeals, that the transaction's scope may not read. */
const UNSEEN_CONFIDENTIAL_STREAMS = `
  SELECT stream_id FROM events WHERE event_type IN ('DisciplineCaseOpened', 'AppealFiled')
    AND jsonb_typeof(data->'confidentialTo') = 'object' AND NOT disciplina_confidential_visible(data->'confidentialTo'->>'organizationId')`;

function toAuditEvent(row: EventRow): AuditEvent {
  const { transactionId: _transactionId, occurredAt, recordedAt, ...stored } = toStored(row);
  return { ...stored, occurredAt: occurredAt.toISOString(), recordedAt: recordedAt.toISOString() };
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function nextDayStart(day: string): Date {
  return new Date(dayStart(day).getTime() + 86_400_000);
}

function conditions(filter: AuditEventFilter, scope: ReadScope): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.streamId !== undefined) clauses.push(`stream_id = ${param(filter.streamId)}`);
  if (filter.organizationId !== undefined) {
    const org = param(filter.organizationId);
    const stream = param(organizationStreamId(filter.organizationId));
    clauses.push(`stream_id IN (${CONCERNED_STREAMS.replaceAll('$ORG_STREAM', stream).replaceAll('$ORG', org)})`);
  }
  if (filter.from !== undefined) clauses.push(`recorded_at >= ${param(dayStart(filter.from))}`);
  if (filter.to !== undefined) clauses.push(`recorded_at < ${param(nextDayStart(filter.to))}`);
  if (filter.actor !== undefined) clauses.push(`metadata->>'actor' = ${param(filter.actor)}`);
  if (filter.eventType !== undefined) clauses.push(`event_type = ${param(filter.eventType)}`);
  if (scope.confidentialCases !== ALL_ORGANIZATIONS) clauses.push(`stream_id NOT IN (${UNSEEN_CONFIDENTIAL_STREAMS})`);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

export class OutOfScopeError extends Error {}

/**
 * Runs `work` in one transaction whose read models show `scope` (the organization filter reads the walled
 * history). Events themselves are not walled: a caller granted part of the tree must name an organization
 * of it, and sees the streams that concern that organization only.
 */
async function inScope<T>(pool: pg.Pool, scope: ReadScope, filter: AuditEventFilter, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setScope({ query: async <R>(sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as R }, scope);
    if (scope.organizations !== ALL_ORGANIZATIONS) {
      const visible =
        filter.organizationId === undefined
          ? []
          : (await client.query('SELECT 1 FROM organization_tree WHERE organization_id = $1', [filter.organizationId])).rows;
      if (visible.length === 0) throw new OutOfScopeError('The audit trail outside the whole tree needs an organizationId within the caller’s organizations');
    }
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The longest a page waits for the events committed before it was asked to come below the horizon. */
const COMMITTED_BEFORE_WAIT_MS = 5_000;
const COMMITTED_BEFORE_POLL_MS = 50;

/**
 * Waits until every event committed before the call lies below the commit-safe horizon, so that a reader
 * sees what was written before it asked (an auditor checking an act just recorded). Any transaction still
 * running on the server, in any database, holds the horizon back: after `COMMITTED_BEFORE_WAIT_MS` the page
 * answers what is safe, and the rest comes on a later read. No connection is held while waiting.
 */
async function untilCommittedBeforeAreSafe(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ head: string | null }>('SELECT max(transaction_id)::text AS head FROM events');
  const head = rows[0]?.head;
  if (!head) return;
  const deadline = Date.now() + COMMITTED_BEFORE_WAIT_MS;
  for (;;) {
    const { rows: safe } = await pool.query<{ safe: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS safe', [head]);
    if (safe[0]?.safe || Date.now() >= deadline) return;
    await sleep(COMMITTED_BEFORE_POLL_MS);
  }
}

/**
 * One page of the audit trail in commit order (newest first with `desc`), after the cursor `after` (absent:
 * from the first, or the newest): keyset over (transaction id, position) and only below the oldest
 * transaction still running, as the event store reads all events, so that an event whose transaction
 * commits late is on a later page instead of a page already read (paging by OFFSET skipped it).
 */
export async function auditEventsPage(
  pool: pg.Pool,
  scope: ReadScope,
  filter: AuditEventFilter,
  after: GlobalCheckpoint | undefined,
  pageSize: number,
  order: 'asc' | 'desc' = 'asc',
): Promise<{ events: (AuditEvent & { checkpoint: GlobalCheckpoint })[]; total: number }> {
  const { where, values } = conditions(filter, scope);
  const committed = `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;
  const direction = order === 'desc' ? 'DESC' : 'ASC';
  const cursor = after
    ? {
        condition: `AND (transaction_id, global_position) ${order === 'desc' ? '<' : '>'} ($${values.length + 1}::xid8, $${values.length + 2}::bigint)`,
        values: [after.transactionId, after.globalPosition],
      }
    : { condition: '', values: [] };
  await untilCommittedBeforeAreSafe(pool);
  return inScope(pool, scope, filter, async (client) => {
    const rows = await client.query<EventRow>(
      `SELECT ${COLUMNS} FROM events ${where ? `${where} AND` : 'WHERE'} ${committed}
         ${cursor.condition} ORDER BY events.transaction_id ${direction}, events.global_position ${direction} LIMIT ${pageSize}`,
      [...values, ...cursor.values],
    );
    const count = await client.query<{ total: string }>(`SELECT count(*) AS total FROM events ${where}`, values);
    return {
      events: rows.rows.map((row) => ({
        ...toAuditEvent(row),
        checkpoint: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
      })),
      total: Number(count.rows[0]?.total ?? 0),
    };
  });
}

/**
 * Every event matching the filter and, for each stream among them, the events after it up to the version
 * `upTo` names (the signed head), so that an offline verifier can walk each chain to a signed link.
 */
export async function auditEventsThrough(
  pool: pg.Pool,
  scope: ReadScope,
  filter: AuditEventFilter,
  upTo: (streamId: string) => number,
): Promise<(AuditEvent & { inPeriod: boolean })[]> {
  const { where, values } = conditions(filter, scope);
  const matched = await inScope(pool, scope, filter, async (client) =>
    (await client.query<EventRow>(`SELECT ${COLUMNS} FROM events ${where} ORDER BY stream_id, stream_version`, values)).rows.map(toAuditEvent),
  );
  const result: (AuditEvent & { inPeriod: boolean })[] = [];
  const byStream = new Map<string, AuditEvent[]>();
  for (const event of matched) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  for (const [streamId, events] of byStream) {
    const first = events[0]!.streamVersion;
    const last = Math.max(events.at(-1)!.streamVersion, upTo(streamId));
    const inPeriod = new Set(events.map((event) => event.eventId));
    const { rows } = await pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3 ORDER BY stream_version`,
      [streamId, first, last],
    );
    for (const row of rows) result.push({ ...toAuditEvent(row), inPeriod: inPeriod.has(row.event_id) });
  }
  return result;
}
