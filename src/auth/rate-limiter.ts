import { ProblemError } from '../platform/http/problem.js';
import type { Clock } from '../shared/clock.js';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per key, in this instance's memory: several instances each allow the limit,
 * and a restart forgets the counts.
 */
export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `key`; throws 429 with the seconds to wait once the minute's quota is spent. */
  take(key: string): void {
    const now = this.clock.now().getTime();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now - (now % WINDOW_MS);
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.limitPerMinute) {
      const retryAfterSeconds = Math.ceil((this.windowStart + WINDOW_MS - now) / 1000);
      throw new ProblemError(429, 'rate-limited', `More than ${this.limitPerMinute} requests in a minute; retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
  }
}

/** The API's quota per authenticated account. */
export class RequestRateLimit extends RateLimiter {}

/** Login attempts per client address, to slow password guessing. */
export class LoginRateLimit extends RateLimiter {}
