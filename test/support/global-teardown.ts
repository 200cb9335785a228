import type { EmbeddedPostgres } from '../../src/database/embedded-postgres.js';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedPostgres?: EmbeddedPostgres }).embeddedPostgres?.stop();
}
