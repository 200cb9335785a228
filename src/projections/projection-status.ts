import type { DataSource } from 'typeorm';
import type { GlobalCheckpoint } from '../event-store/event-store.js';
import type { ProjectionRunner, RunnerStatus } from './projection-runner.js';

export interface CheckpointLag {
  readonly storedVersion: number | null;
  readonly checkpoint: GlobalCheckpoint | null;
  /** Committed events after the checkpoint, whether the projection handles them or not. */
  readonly lag: number;
}

/** What the API says of a runner, a projection's, a process manager's or the publisher's. */
export interface RunnerReport {
  readonly status: RunnerStatus;
  /** Why the last attempt failed, while failing. */
  readonly error?: string;
  readonly checkpoint: GlobalCheckpoint | null;
  readonly lag: number;
}

/** Where a projection's checkpoint stands and how many committed events lie beyond it. */
export async function checkpointLag(dataSource: DataSource, name: string): Promise<CheckpointLag> {
  const [row] = (await dataSource.query(
    `SELECT c.version, c.transaction_id::text AS transaction_id, c.global_position,
       (SELECT count(*) FROM events e
         WHERE c.name IS NULL OR (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position))::bigint AS lag
     FROM (SELECT 1) one LEFT JOIN projection_checkpoints c ON c.name = $1`,
    [name],
  )) as { version: number | null; transaction_id: string | null; global_position: string | null; lag: string }[];
  return {
    storedVersion: row?.version ?? null,
    checkpoint: row?.transaction_id != null ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : null,
    lag: Number(row?.lag ?? 0),
  };
}

/** A runner's status, and where its checkpoint stands (`checkpointLag`). */
export function runnerReport(runner: Pick<ProjectionRunner, 'status' | 'error'>, { checkpoint, lag }: CheckpointLag): RunnerReport {
  return { status: runner.status, ...(runner.error && runner.status === 'failing' ? { error: runner.error } : {}), checkpoint, lag };
}
