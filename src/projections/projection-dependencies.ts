import type { Provider } from '@nestjs/common';
import { Database } from '../database/database.js';
import { EventStore } from '../event-store/event-store.js';
import type { DatabaseTimeouts } from '../platform/config/app-config.js';
import { Metrics } from '../platform/metrics/metrics.js';
import { Clock } from '../shared/clock.js';
import type { RunnerDependencies } from './projection-runner.js';
import { ReadModels } from './read-models.js';

/** What runners and rebuilds work with, from the application's own database, store, clock and read models. */
export abstract class ProjectionDependencies implements RunnerDependencies {
  abstract readonly dataSource: RunnerDependencies['dataSource'];
  abstract readonly store: EventStore;
  abstract readonly clock: Clock;
  abstract readonly url: string;
  /** The schema owner's URL, for the `rebuild` command (MIGRATION_DATABASE_URL, else DATABASE_URL). */
  abstract readonly ownerUrl: string;
  /** Whether DATABASE_URL's login owns the schema, so that a runner rebuilds a changed read model itself. */
  abstract readonly rebuildsInPlace: boolean;
  abstract readonly timeouts: DatabaseTimeouts;
  abstract readonly onParked: NonNullable<RunnerDependencies['onParked']>;
}

export const projectionDependenciesProvider: Provider = {
  provide: ProjectionDependencies,
  inject: [Database, EventStore, Clock, ReadModels, Metrics],
  useFactory: (database: Database, store: EventStore, clock: Clock, readModels: ReadModels, metrics: Metrics): ProjectionDependencies => ({
    dataSource: readModels.dataSource,
    store,
    clock,
    url: database.url,
    ownerUrl: database.ownerUrl,
    rebuildsInPlace: database.ownsSchema,
    timeouts: database.timeouts,
    onParked: (consumer) => metrics.parkedEvents.inc({ process_manager: consumer }),
  }),
};

/** Whether this process keeps the projections up to date (the service) or leaves them to a command (the CLI). */
export abstract class ProjectionRunnersEnabled {
  abstract readonly enabled: boolean;
}
