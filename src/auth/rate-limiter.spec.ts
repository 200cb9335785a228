import { ProblemError } from '../platform/http/problem.js';
import { Clock } from '../shared/clock.js';
import { RateLimiter } from './rate-limiter.js';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('per-caller rate limit', () => {
  it('allows the quota within a minute, refuses the next with 429 and the seconds to wait, and resets each minute', () => {
    const clock = new FixedClock(new Date('2026-11-28T10:00:15Z'));
    const limiter = new RateLimiter(3, clock);
    for (let i = 0; i < 3; i += 1) limiter.take('officer-1');
    expect(() => limiter.take('officer-1')).toThrow(ProblemError);
    try {
      limiter.take('officer-1');
    } catch (error) {
      expect(error).toMatchObject({ status: 429, code: 'rate-limited', details: { retryAfterSeconds: 45 } });
    }
    limiter.take('officer-2');
    clock.at = new Date('2026-11-28T10:01:00Z');
    expect(() => limiter.take('officer-1')).not.toThrow();
  });
});
