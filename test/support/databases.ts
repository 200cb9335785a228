import pg from 'pg';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import { RandomIdGenerator, SystemClock } from '../../src/shared/clock.js';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** PGlite runs one session at a time; cases that need concurrent sessions run on PostgreSQL only. */
  readonly concurrentSessions: boolean;
}

/** The embedded database always; PostgreSQL too when TEST_DATABASE_URL is set (as CI does). */
export function testDatabases(): TestDatabase[] {
  const embedded = process.env.PGLITE_TEST_URL;
  if (!embedded) throw new Error('PGLITE_TEST_URL is not set: the global setup did not run');
  const databases: TestDatabase[] = [{ name: 'embedded PGlite', url: embedded, concurrentSessions: false }];
  if (process.env.TEST_DATABASE_URL) {
    databases.push({ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL, concurrentSessions: true });
  } else {
    console.warn('TEST_DATABASE_URL is not set: the PostgreSQL runs (concurrency and gap cases) are not run here; CI runs them.');
  }
  return databases;
}

export function openStore(url: string, upcasters = new UpcasterRegistry()) {
  const pool = new pg.Pool({ connectionString: url, max: 60 });
  const store = new PostgresEventStore(pool, new SystemClock(), new RandomIdGenerator(), upcasters);
  return { pool, store };
}
