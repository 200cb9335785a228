import type pg from 'pg';
import type { GlobalCheckpoint, StreamHead } from '../event-store/event-store.js';
import { EMPTY_COMMIT_ORDER, extendCommitOrder, type CommitOrderDigest, type CommitOrderLink } from './commit-order.js';

const PAGE = 5000;

type Query = (sql: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const toLink = (row: Record<string, unknown>): CommitOrderLink => ({
  globalPosition: Number(row.global_position),
  transactionId: String(row.transaction_id),
  hash: String(row.hash),
});

/** Walks the events in commit order, a page at a time, that `bound` (a condition on the row, `$1`...) admits. */
async function* commitOrdered(query: Query, bound: string, boundValues: unknown[]): AsyncGenerator<CommitOrderLink[]> {
  let after: GlobalCheckpoint = { transactionId: '0', globalPosition: 0 };
  const at = boundValues.length;
  for (;;) {
    const { rows } = await query(
      `SELECT global_position, transaction_id::text AS transaction_id, hash FROM events
       WHERE ${bound} AND (transaction_id, global_position) > ($${at + 1}::xid8, $${at + 2}::bigint)
       ORDER BY events.transaction_id, events.global_position LIMIT ${PAGE}`,
      [...boundValues, after.transactionId, after.globalPosition],
    );
    const links = rows.map(toLink);
    const last = links.at(-1);
    if (!last) return;
    yield links;
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
}

export const positionKey = (at: GlobalCheckpoint) => `${at.transactionId}/${at.globalPosition}`;

function isAfter(link: GlobalCheckpoint, at: GlobalCheckpoint): boolean {
  const [a, b] = [BigInt(link.transactionId), BigInt(at.transactionId)];
  return a > b || (a === b && link.globalPosition > at.globalPosition);
}

/**
 * Every stream's head and the commit order, read in one snapshot. The commit order stops at the commit-safe
 * horizon (transactions older than every one still running), which no later commit can reach below: the
 * digest of that prefix stays what it is.
 */
export async function readStoreSnapshot(pool: pg.Pool): Promise<{ heads: StreamHead[]; commitOrder: CommitOrderDigest }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ stream_id: string; stream_version: number; hash: string }>(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events ORDER BY stream_id, stream_version DESC`,
    );
    const horizon = await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
    let commitOrder = EMPTY_COMMIT_ORDER;
    for await (const links of commitOrdered((sql, values) => client.query(sql, values), 'transaction_id < $1::xid8', [horizon.rows[0]!.xmin])) {
      commitOrder = extendCommitOrder(commitOrder, links);
    }
    await client.query('COMMIT');
    return { heads: rows.map((row) => ({ streamId: row.stream_id, streamVersion: row.stream_version, hash: row.hash })), commitOrder };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The commit order of the store as it is now, up to and including each of `positions`, in one walk: what
 * each checkpoint that signed one of them must find again.
 */
export async function commitOrdersAt(pool: pg.Pool, positions: readonly GlobalCheckpoint[]): Promise<Map<string, CommitOrderDigest>> {
  const pending = [...positions].sort((a, b) => (isAfter(a, b) ? 1 : isAfter(b, a) ? -1 : 0));
  const found = new Map<string, CommitOrderDigest>();
  const last = pending.at(-1);
  let digest = EMPTY_COMMIT_ORDER;
  if (last) {
    const bound = '(transaction_id, global_position) <= ($1::xid8, $2::bigint)';
    for await (const links of commitOrdered((sql, values) => pool.query(sql, values), bound, [last.transactionId, last.globalPosition])) {
      for (const link of links) {
        while (pending[0] && isAfter(link, pending[0])) found.set(positionKey(pending.shift()!), digest);
        digest = extendCommitOrder(digest, [link]);
      }
    }
  }
  for (const position of pending) found.set(positionKey(position), digest);
  return found;
}
