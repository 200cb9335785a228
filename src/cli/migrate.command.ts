import { runMigrations } from '../database/migrate.js';
import { migrationTarget } from '../platform/config/app-config.js';

/** Brings the schema up to date as its owner, in a process of its own (a deployment's migration job); needs no key. */
export async function migrateCommand(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const url = migrationTarget(env);
  await runMigrations(url);
  const { host, pathname } = new URL(url);
  process.stdout.write(`The schema of ${host}${pathname} is up to date\n`);
}
