import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { AccessDenials } from '../../src/auth/access-denials.js';

export interface RecordedDenials {
  /** AccessDenied events that match. */
  readonly events: number;
  /** The refusals they count. */
  readonly refusals: number;
}

/**
 * Writes every refusal counted so far (the minute under way too), then waits until the AccessDenied events
 * whose data matches `where` count `refusals`: another instance on the database may be writing a batch
 * that holds some of them.
 */
export async function recordedDenials(
  app: NestExpressApplication,
  pool: pg.Pool,
  where: Readonly<Record<string, string | number>>,
  refusals: number,
  timeoutMs = 30_000,
): Promise<RecordedDenials> {
  await app.get(AccessDenials).flush(new Date(Date.now() + 24 * 3_600_000));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<RecordedDenials>(
      `SELECT count(*)::int AS events, coalesce(sum((data->>'count')::int), 0)::int AS refusals
       FROM events WHERE event_type = 'AccessDenied' AND data @> $1::jsonb`,
      [JSON.stringify(where)],
    );
    const found = rows[0]!;
    if (found.refusals >= refusals || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
