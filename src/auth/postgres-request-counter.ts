import type pg from 'pg';
import { RequestCounter } from './rate-limiter.js';

const WINDOW_MS = 60_000;
/** Windows kept before the current one, for instances whose clocks run behind. */
const KEPT_WINDOWS = 5;

/**
 * The counters in `rate_limit_counters`, one row per key and window, added to in one statement. When this
 * instance first counts in a new window it deletes the windows that ended more than five minutes before.
 */
export class PostgresRequestCounter extends RequestCounter {
  private latestWindow = 0;

  constructor(private readonly pool: pg.Pool) {
    super();
  }

  async count(key: string, windowStart: Date): Promise<number> {
    if (windowStart.getTime() > this.latestWindow) {
      this.latestWindow = windowStart.getTime();
      await this.pool.query('DELETE FROM rate_limit_counters WHERE window_start < $1', [new Date(windowStart.getTime() - KEPT_WINDOWS * WINDOW_MS)]);
    }
    const { rows } = await this.pool.query<{ count: number }>(
      `INSERT INTO rate_limit_counters (key, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
       RETURNING count`,
      [key, windowStart],
    );
    return rows[0]!.count;
  }
}
