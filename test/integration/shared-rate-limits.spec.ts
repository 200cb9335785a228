import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PostgresRequestCounter } from '../../src/auth/postgres-request-counter.js';
import { RateLimiter } from '../../src/auth/rate-limiter.js';
import type { Clock } from '../../src/shared/clock.js';
import { testDatabases, testPool } from '../support/databases.js';

const MINUTE_MS = 60_000;

/** A clock a test moves by hand, near the real time: the counters of other tests' windows are left alone. */
function movableClock(at: number): Clock & { at: number } {
  return {
    at,
    now() {
      return new Date(this.at);
    },
  };
}

async function status(take: Promise<void>): Promise<unknown> {
  return take.then(
    () => 'allowed',
    (error: unknown) => error,
  );
}

describe.each(testDatabases())('rate limits shared through the database on $name', (database) => {
  let pools: pg.Pool[];

  beforeAll(() => {
    pools = [testPool(database.url, 2), testPool(database.url, 2)];
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('allows the quota within a minute across instances, refuses the next with 429 and the seconds to wait, and resets each minute', async () => {
    const clock = movableClock(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS + 15_000);
    const name = `limit-${randomUUID()}`;
    // Two instances: each its own counter on its own pool, one database.
    const [first, second] = pools.map((pool) => new RateLimiter(name, 3, new PostgresRequestCounter(pool), clock));
    await first!.take('officer-1');
    await second!.take('officer-1');
    await first!.take('officer-1');
    for (const instance of [second!, first!]) {
      expect(await status(instance.take('officer-1'))).toMatchObject({ status: 429, code: 'rate-limited', details: { retryAfterSeconds: 45 } });
    }
    expect(await status(second!.take('officer-2'))).toBe('allowed');
    clock.at += MINUTE_MS;
    expect(await status(second!.take('officer-1'))).toBe('allowed');
  });

  it('deletes the windows that ended more than five minutes before, as an instance starts counting in a new one', async () => {
    const old = `stale-${randomUUID()}`;
    const recent = `recent-${randomUUID()}`;
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    await pools[0]!.query('INSERT INTO rate_limit_counters (key, window_start, count) VALUES ($1, $2, 7), ($3, $4, 2)', [
      old,
      new Date(now - 6 * MINUTE_MS),
      recent,
      new Date(now - 4 * MINUTE_MS),
    ]);
    await new RateLimiter('limit', 10, new PostgresRequestCounter(pools[1]!), movableClock(now + 1000)).take(randomUUID());
    const { rows } = await pools[0]!.query<{ key: string }>('SELECT key FROM rate_limit_counters WHERE key = ANY($1)', [[old, recent]]);
    expect(rows.map((row) => row.key)).toEqual([recent]);
  });
});
