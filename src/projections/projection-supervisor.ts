import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Database } from '../database/database.js';
import { EventStore } from '../event-store/event-store.js';
import { Clock } from '../shared/clock.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModels } from './read-models.js';
import { PROJECTIONS } from './registry.js';

/**
 * Starts a runner per projection with the application and stops them before it shuts down. Nest calls
 * every `beforeApplicationShutdown` before any `onApplicationShutdown`, where the database closes.
 */
@Injectable()
export class ProjectionSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly runners: readonly ProjectionRunner[];

  constructor(database: Database, store: EventStore, clock: Clock, private readonly readModels: ReadModels) {
    const deps = { dataSource: readModels.dataSource, store, clock, url: database.url, ownerUrl: database.ownerUrl, timeouts: database.timeouts };
    this.runners = PROJECTIONS.map((projection: Projection) => new ProjectionRunner(projection, deps));
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.readModels.close();
  }
}
