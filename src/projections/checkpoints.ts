import type { EntityManager } from 'typeorm';
import type { GlobalCheckpoint } from '../event-store/event-store.js';

export interface StoredCheckpoint extends GlobalCheckpoint {
  readonly version: number;
}

/** Another runner (or a rebuild's swap) moved the checkpoint since this runner read it. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(`The checkpoint of projection ${projection} was moved by another runner`);
    this.name = 'CheckpointMovedError';
  }
}

interface CheckpointRow {
  version: number;
  transaction_id: string;
  global_position: string;
}

const SELECT = 'SELECT version, transaction_id::text AS transaction_id, global_position FROM projection_checkpoints WHERE name = $1';

function toCheckpoint(row: CheckpointRow | undefined): StoredCheckpoint | undefined {
  return row && { version: row.version, transactionId: row.transaction_id, globalPosition: Number(row.global_position) };
}

export function sameCheckpoint(a: GlobalCheckpoint, b: GlobalCheckpoint): boolean {
  return a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;
}

export async function loadCheckpoint(db: Pick<EntityManager, 'query'>, name: string): Promise<StoredCheckpoint | undefined> {
  return toCheckpoint(((await db.query(SELECT, [name])) as CheckpointRow[])[0]);
}

/** Locks the row for the rest of the transaction: a runner's batch and a rebuild's swap take it first. */
export async function lockCheckpoint(tx: EntityManager, name: string): Promise<StoredCheckpoint | undefined> {
  return toCheckpoint(((await tx.query(`${SELECT} FOR UPDATE`, [name])) as CheckpointRow[])[0]);
}

/** Compare-and-set: moves the checkpoint only from `previous`; throws when someone else moved it. */
export async function advanceCheckpoint(
  tx: EntityManager,
  name: string,
  version: number,
  previous: GlobalCheckpoint,
  next: GlobalCheckpoint,
  now: Date,
): Promise<void> {
  const [row] = (await tx.query(
    `WITH moved AS (
       UPDATE projection_checkpoints SET transaction_id = $5::xid8, global_position = $6, updated_at = $7
       WHERE name = $1 AND version = $2 AND transaction_id = $3::xid8 AND global_position = $4
       RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [name, version, previous.transactionId, previous.globalPosition, next.transactionId, next.globalPosition, now],
  )) as { moved: number }[];
  if (row?.moved !== 1) throw new CheckpointMovedError(name);
}

/** Sets the checkpoint whatever it was: only a rebuild's swap does this, holding the row lock. */
export async function replaceCheckpoint(tx: EntityManager, name: string, version: number, checkpoint: GlobalCheckpoint, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at, rebuilt_at)
     VALUES ($1, $2, $3::xid8, $4, $5, $5)
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, updated_at = EXCLUDED.updated_at, rebuilt_at = EXCLUDED.rebuilt_at`,
    [name, version, checkpoint.transactionId, checkpoint.globalPosition, now],
  );
}
