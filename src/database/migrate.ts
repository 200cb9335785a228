import { DataSource, type DataSourceOptions } from 'typeorm';
import { LISTEN_FOR_LOSS } from './connections.js';
import { migrations } from './migrations/index.js';

export function createDataSource(url: string, entities: DataSourceOptions['entities'] = []): DataSource {
  // No statement timeout: a migration may rewrite or index a large table.
  return new DataSource({ type: 'postgres', url, migrations, entities, migrationsRun: false, logging: false, extra: LISTEN_FOR_LOSS });
}

/** Any fixed number: instances starting together take turns at migrating. */
const MIGRATION_LOCK = 7_241_905;

/** Brings the schema at `url` up to date; safe to run at every start, from many instances at once. */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = await createDataSource(url).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
