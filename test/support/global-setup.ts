import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;

/**
 * Jest's global setup runs outside its module system, where `moduleNameMapper` does not apply: map the
 * `.js` suffix of relative ESM imports to the TypeScript source, as the mapper does inside tests.
 */
loader._resolveFilename = function (request, ...rest) {
  if (request.startsWith('.') && request.endsWith('.js')) {
    try {
      return resolve.call(this, request.slice(0, -3) + '.ts', ...rest);
    } catch {
      // not a TypeScript source: resolve as written
    }
  }
  return resolve.call(this, request, ...rest);
};

/** One embedded database per test run (it takes seconds to start); PostgreSQL too when configured. */
export default async function globalSetup(): Promise<void> {
  const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
  const { runMigrations } = await import('../../src/database/migrate.js');
  const embedded = await startEmbeddedPostgres();
  (globalThis as { embeddedPostgres?: unknown }).embeddedPostgres = embedded;
  process.env.PGLITE_TEST_URL = embedded.url;
  await runMigrations(embedded.url);
  if (process.env.TEST_DATABASE_URL) await runMigrations(process.env.TEST_DATABASE_URL);
}
