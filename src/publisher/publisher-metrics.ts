import { Counter, Gauge, type Registry } from 'prom-client';

/** The publisher's Prometheus metrics, by target. */
export class PublisherMetrics {
  readonly published: Counter<'target'>;
  readonly failures: Counter<'target'>;
  private readonly lags = new Map<string, () => Promise<number>>();

  constructor(registry: Registry) {
    this.published = new Counter({
      name: 'publisher_published_events_total',
      help: 'Public events a target took for the first time (a re-publish it recognised is not counted)',
      labelNames: ['target'] as const,
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'publisher_failures_total',
      help: 'Attempts to publish a public event that failed; the publisher retries from its checkpoint',
      labelNames: ['target'] as const,
      registers: [registry],
    });
    const lags = this.lags;
    new Gauge({
      name: 'publisher_lag_seconds',
      help: 'How long ago the oldest event the publisher has not yet passed was recorded; 0 when it is at the head',
      labelNames: ['target'] as const,
      registers: [registry],
      async collect() {
        for (const [target, lag] of lags) this.set({ target }, await lag().catch(() => Number.NaN));
      },
    });
  }

  /** Measures a target's lag when the metrics are read. */
  lagOf(target: string, lag: () => Promise<number>): void {
    this.lags.set(target, lag);
  }
}
