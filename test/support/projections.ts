import { START_OF_ALL, type GlobalCheckpoint } from '../../src/event-store/event-store.js';
import { PLANNING_FOLLOW_UPS } from '../../src/cadre-planning/planning-follow-ups.js';
import { DISCIPLINE_FOLLOW_UPS } from '../../src/discipline/discipline-follow-ups.js';
import { PROJECTIONS } from '../../src/projections/registry.js';

interface Queryable {
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const SERVICE_PROJECTIONS = PROJECTIONS.map((projection) => projection.name);
const SERVICE_PROCESS_MANAGERS = [DISCIPLINE_FOLLOW_UPS, PLANNING_FOLLOW_UPS];

/**
 * The last event committed so far, in the order projections follow (transaction id, then position): the
 * events a test has just appended, their commands answered, lie at or before it.
 */
export async function committedHead(db: Queryable): Promise<GlobalCheckpoint> {
  const { rows } = await db.query(
    `SELECT transaction_id::text AS "transactionId", global_position::float8 AS "globalPosition" FROM events
     ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return (rows[0] as GlobalCheckpoint | undefined) ?? START_OF_ALL;
}

/**
 * Waits until each projection of `names` has passed `position`: its checkpoint is at or after it, so every
 * event committed up to there is in its read model. By default the service's process managers first, then
 * its projections up to the follow-ups those recorded: the read models then show the acts and their follow-ups.
 */
export async function waitUntilProjected(
  db: Queryable,
  position: GlobalCheckpoint,
  names: readonly string[] = SERVICE_PROJECTIONS,
  timeoutMs = 60_000,
): Promise<void> {
  if (names !== SERVICE_PROJECTIONS) return waitUntilPast(db, position, names, timeoutMs);
  await waitUntilPast(db, position, SERVICE_PROCESS_MANAGERS, timeoutMs);
  await waitUntilPast(db, await committedHead(db), names, timeoutMs);
}

/** Waits until the service's read models show everything committed so far, follow-ups included. */
export async function waitUntilCaughtUp(db: Queryable): Promise<void> {
  await waitUntilProjected(db, await committedHead(db));
}

/** Waits until the service's process managers have recorded the follow-ups of every event committed so far. */
export async function waitUntilFollowedUp(db: Queryable, timeoutMs = 60_000): Promise<void> {
  await waitUntilPast(db, await committedHead(db), SERVICE_PROCESS_MANAGERS, timeoutMs);
}

/**
 * Waits until readers in commit-safe order (the feed, the audit trail, checkpoints) can show the events of
 * `transactionId`, by default every event appended so far: no older transaction still runs anywhere on the
 * server, in any database.
 */
export async function waitUntilCommitSafe(db: Queryable, transactionId?: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(
      `SELECT coalesce(pg_snapshot_xmin(pg_current_snapshot()) > coalesce($1::xid8, (SELECT max(transaction_id) FROM events)), true) AS safe`,
      [transactionId ?? null],
    );
    if ((rows[0] as { safe: boolean }).safe) return;
    if (Date.now() > deadline) throw new Error(`Transactions older than ${transactionId ?? 'the last event'} still run after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitUntilPast(db: Queryable, position: GlobalCheckpoint, names: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(
      `SELECT wanted.name, c.transaction_id::text AS "transactionId", c.global_position::float8 AS "globalPosition"
       FROM unnest($1::text[]) AS wanted(name) LEFT JOIN projection_checkpoints c ON c.name = wanted.name
       WHERE c.name IS NULL OR (c.transaction_id, c.global_position) < ($2::xid8, $3::bigint)`,
      [names, position.transactionId, position.globalPosition],
    );
    if (rows.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Not past ${position.transactionId}/${position.globalPosition} after ${timeoutMs} ms: ${JSON.stringify(rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
