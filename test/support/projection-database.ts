import { isolatedDatabase, type IsolatedDatabase, type TestDatabase } from './databases.js';

/**
 * A database of its own on PostgreSQL, where one costs little; the run's shared PGlite otherwise, since a
 * new one takes seconds to start and the projections under test are named per run anyway.
 */
export async function projectionTestDatabase(target: TestDatabase): Promise<IsolatedDatabase> {
  if (target.concurrentSessions) return isolatedDatabase(target);
  return { url: target.url, drop: async () => undefined };
}
