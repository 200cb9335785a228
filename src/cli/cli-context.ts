import { Database } from '../database/database.js';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import { UpcasterRegistry } from '../event-store/upcasters.js';
import type { AppConfig } from '../platform/config/app-config.js';
import { ReadModels } from '../projections/read-models.js';
import { RandomIdGenerator, SystemClock } from '../shared/clock.js';

/** What the subcommands need, opened from the service's own configuration. */
export interface CliContext {
  readonly database: Database;
  readonly readModels: ReadModels;
  readonly deps: {
    readonly dataSource: ReadModels['dataSource'];
    readonly store: PostgresEventStore;
    readonly clock: SystemClock;
    readonly url: string;
    readonly ownerUrl: string;
    readonly timeouts: Database['timeouts'];
  };
  close(): Promise<void>;
}

export async function openCliContext(config: AppConfig): Promise<CliContext> {
  const database = await Database.open(config);
  const readModels = await ReadModels.open(database.url, 4, database.timeouts).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const clock = new SystemClock();
  const store = new PostgresEventStore(database.pool, clock, new RandomIdGenerator(), new UpcasterRegistry());
  return {
    database,
    readModels,
    deps: { dataSource: readModels.dataSource, store, clock, url: database.url, ownerUrl: database.ownerUrl, timeouts: database.timeouts },
    async close() {
      await readModels.close();
      await database.close();
    },
  };
}
