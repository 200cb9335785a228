import { RetryBackoff } from './retry-backoff.js';

describe('retry backoff of background work through an outage', () => {
  it('doubles the wait from the first up to the longest, each wait jittered within its upper half', () => {
    const backoff = new RetryBackoff(100, 1000);
    const ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
    for (const ceiling of ceilings) {
      const { waitMs } = backoff.failed();
      expect(waitMs).toBeGreaterThanOrEqual(ceiling / 2);
      expect(waitMs).toBeLessThanOrEqual(ceiling);
    }
  });

  it('marks the first failure of a run, so that an outage is reported once; success ends the run and counts it', () => {
    const backoff = new RetryBackoff(100, 1000);
    expect([backoff.failed().first, backoff.failed().first, backoff.failed().first]).toEqual([true, false, false]);
    expect(backoff.succeeded()).toBe(3);
    expect(backoff.succeeded()).toBe(0);
    expect(backoff.failed()).toMatchObject({ first: true });
    expect(backoff.failed().waitMs).toBeGreaterThanOrEqual(100);
  });
});
