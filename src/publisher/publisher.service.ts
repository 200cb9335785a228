import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Database } from '../database/database.js';
import { EventStore } from '../event-store/event-store.js';
import { AppConfig } from '../platform/config/app-config.js';
import { Metrics } from '../platform/metrics/metrics.js';
import { ReadModels } from '../projections/read-models.js';
import { Clock } from '../shared/clock.js';
import { KurrentDbTarget } from './kurrentdb-target.js';
import { NatsTarget } from './nats-target.js';
import { Publisher, type TargetReport } from './publisher.js';
import { PublisherMetrics } from './publisher-metrics.js';
import type { PublicEventTarget } from './public-event-target.js';

/** Whether this process publishes (the service) or not (a command-line process). */
export abstract class PublisherEnabled {
  abstract readonly enabled: boolean;
}

export interface PublisherReport {
  readonly publishing: boolean;
  readonly targets: readonly TargetReport[];
}

/**
 * Publishes the public events to the targets configured (NATS_URL, KURRENTDB_URL) while the service runs;
 * with none, nothing. Its runners have a connection pool of their own, closed after they stop.
 */
@Injectable()
export class PublisherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private publisher: Publisher | undefined;
  private readModels: ReadModels | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly publishing: PublisherEnabled,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const targets: PublicEventTarget[] = [];
    if (this.config.natsUrl) targets.push(new NatsTarget(this.config.natsUrl));
    if (this.config.kurrentdbUrl) targets.push(new KurrentDbTarget(this.config.kurrentdbUrl));
    if (!this.publishing.enabled || targets.length === 0) return;
    const { database } = this;
    this.readModels = await ReadModels.open(database.url, 2, database.timeouts);
    const deps = { dataSource: this.readModels.dataSource, store: this.store, clock: this.clock, url: database.url, timeouts: database.timeouts };
    this.publisher = new Publisher(targets, deps, new PublisherMetrics(this.metrics.registry));
    await this.publisher.start();
  }

  /** Whether this process publishes, and how far each target is; nothing while it does not. */
  async report(): Promise<PublisherReport> {
    return this.publisher ? { publishing: true, targets: await this.publisher.report() } : { publishing: false, targets: [] };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
    await this.readModels?.close();
  }
}
