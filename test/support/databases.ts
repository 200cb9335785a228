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

export function openStore(url: string, upcasters = new UpcasterRegistry()) {
  const pool = openPool(url, { max: 60 });
  const store = new PostgresEventStore(pool, new SystemClock(), new RandomIdGenerator(), upcasters);
  return { pool, store };
}

export interface IsolatedDatabase {
  readonly url: string;
  drop(): Promise<void>;
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
  const admin = openClient(target.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = openClient(target.url);
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
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
