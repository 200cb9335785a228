import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { openClient, openPool } from '../../src/database/connections.js';
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

/**
 * A test's own pool. A connection the server ends while idle (a database dropped, a server restarting) is
 * an `error` event, which would crash the run without a listener; the pool drops that connection, and the
 * next query meets whatever is really wrong.
 */
export function testPool(url: string, max: number): pg.Pool {
  return openPool(url, { max });
}

/** A test's own connection, connected: as `testPool`, an idle one the server ends fails its next query. */
export async function testClient(url: string): Promise<pg.Client> {
  const client = openClient(url);
  await client.connect();
  return client;
}

/** Runs `work` on a connection of its own, closed whatever happens. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await testClient(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function openStore(url: string, upcasters = new UpcasterRegistry()) {
  const pool = testPool(url, 60);
  const store = new PostgresEventStore(pool, new SystemClock(), new RandomIdGenerator(), { upcasters });
  return { pool, store };
}

/** How long a setup that starts a database of its own may take: an embedded one starts and migrates slowly on a busy machine. */
export const ISOLATED_SETUP_MS = 180_000;

export interface IsolatedDatabase {
  readonly url: string;
  /** `force` ends the sessions still on it, as a fault test does on purpose. */
  drop(options?: { readonly force?: boolean }): Promise<void>;
}

/**
 * A database of its own, for tests that look at the whole store (audit verification, replays) and
 * must not see what other test files wrote or tampered with. Migrated like the service's.
 */
export async function isolatedDatabase(target: TestDatabase): Promise<IsolatedDatabase> {
  const { runMigrations } = await import('../../src/database/migrate.js');
  if (!target.concurrentSessions) {
    const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
    const embedded = await startEmbeddedPostgres();
    await runMigrations(embedded.url);
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `disciplina_isolated_${randomUUID().replaceAll('-', '')}`;
  await withClient(target.url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    // Not forced unless a fault test asks: PostgreSQL waits a few seconds for the sessions still on it,
    // then refuses, naming how many; a test that leaves a pool open fails here instead of its pool
    // crashing the run.
    async drop(options: { readonly force?: boolean } = {}) {
      await withClient(target.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}${options.force ? ' WITH (FORCE)' : ''}`));
    },
  };
}

/** A superuser changing rows with triggers off, as an attacker with full database access would. */
export async function asSuperuser(pool: pg.Pool, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(sql);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
