import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';

/** One embedded database per test run (it takes seconds to start); PostgreSQL too when configured. */
export default async function globalSetup(): Promise<void> {
  const embedded = await startEmbeddedPostgres();
  (globalThis as { embeddedPostgres?: unknown }).embeddedPostgres = embedded;
  process.env.PGLITE_TEST_URL = embedded.url;
  await runMigrations(embedded.url);
  if (process.env.TEST_DATABASE_URL) await runMigrations(process.env.TEST_DATABASE_URL);
}
