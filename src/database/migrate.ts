import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

export function createDataSource(url: string, entities: Function[] = []): DataSource {
  return new DataSource({ type: 'postgres', url, migrations, entities, migrationsRun: false, logging: false });
}

/** Brings the schema at `url` up to date; safe to run at every start. */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = await createDataSource(url).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
