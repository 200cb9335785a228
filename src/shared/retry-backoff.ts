/**
 * A run of consecutive failures of one background activity. The wait before each next attempt doubles from
 * `firstMs` up to `maxMs`, with jitter so that instances failing together do not retry together; the caller
 * learns which failure began the run and when the run ended, to report an outage once rather than per retry.
 */
export class RetryBackoff {
  private failures = 0;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  /** Counts a failure: whether it began a run, and how long to wait before the next attempt. */
  failed(): { readonly first: boolean; readonly waitMs: number } {
    this.failures += 1;
    const ceiling = Math.min(this.maxMs, this.firstMs * 2 ** Math.min(this.failures - 1, 20));
    return { first: this.failures === 1, waitMs: Math.round(ceiling / 2 + (Math.random() * ceiling) / 2) };
  }

  /** Ends the run: how many failures it had (0 when there was none). */
  succeeded(): number {
    const failures = this.failures;
    this.failures = 0;
    return failures;
  }
}
