import { ProblemError } from '../platform/http/problem.js';
import type { Clock } from '../shared/clock.js';

const WINDOW_MS = 60_000;

/** Where the requests of every instance are counted, so that several instances share one quota. */
export abstract class RequestCounter {
  /** Counts one more request for `key` in the window that starts at `windowStart`; the window's count so far. */
  abstract count(key: string, windowStart: Date): Promise<number>;
}

/** Fixed one-minute windows per key, counted in the shared counter: the quota holds across instances and restarts. */
export class RateLimiter {
  constructor(
    /** Keeps the keys of each limit apart in the counter. */
    private readonly name: string,
    private readonly limitPerMinute: number,
    private readonly counter: RequestCounter,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `key`; throws 429 with the seconds to wait once the minute's quota is spent. */
  async take(key: string): Promise<void> {
    const now = this.clock.now().getTime();
    const windowStart = now - (now % WINDOW_MS);
    const count = await this.counter.count(`${this.name}:${key}`, new Date(windowStart));
    if (count > this.limitPerMinute) {
      const retryAfterSeconds = Math.ceil((windowStart + WINDOW_MS - now) / 1000);
      throw new ProblemError(429, 'rate-limited', { limitPerMinute: this.limitPerMinute, retryAfterSeconds });
    }
  }
}

/** The API's quota per authenticated account, spent by refused requests too. */
export class RequestRateLimit extends RateLimiter {}

/** Requests without a valid token per client address, throttled before their refusal is recorded. */
export class UnauthenticatedRateLimit extends RateLimiter {}

/** Login attempts per client address, to slow password guessing. */
export class LoginRateLimit extends RateLimiter {}
