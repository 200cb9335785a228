import type pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type AppConfig, type DatabaseTimeouts } from '../platform/config/app-config.js';
import { openPool } from './connections.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

/** The open database: PostgreSQL at DATABASE_URL, or the embedded one. Migrated before it is handed out. */
export class Database {
  private constructor(
    readonly kind: 'postgres' | 'embedded',
    /** What the logs say about the database in use, without credentials. */
    readonly description: string,
    readonly url: string,
    /** The schema's owner: migrations and rebuilds (which create and swap tables) connect with it. */
    readonly ownerUrl: string,
    readonly pool: pg.Pool,
    readonly timeouts: DatabaseTimeouts,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(
    config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'migrationDatabaseUrl' | 'databaseTimeouts'>>,
  ): Promise<Database> {
    const timeouts = config.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS;
    const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
    const url = config.databaseUrl ?? embedded!.url;
    const ownerUrl = config.migrationDatabaseUrl ?? url;
    try {
      await runMigrations(ownerUrl);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    const pool = openPool(url, { max: embedded ? 8 : 20, timeouts });
    const { host, pathname } = new URL(url);
    return embedded
      ? new Database('embedded', `embedded PostgreSQL (PGlite), data in ${config.dataDir || "memory only"}, served on ${host}`, url, url, pool, timeouts, embedded)
      : new Database('postgres', `PostgreSQL at ${host}${pathname}`, url, ownerUrl, pool, timeouts, undefined);
  }

  /**
   * Why the database walls are not in force, if they are not: the role connected may change events (it
   * owns them, or is a superuser), or the database is the embedded one, whose single session is a superuser.
   */
  async wallsNotInForce(): Promise<string | undefined> {
    if (this.kind === 'embedded') return 'the embedded database runs as a superuser; the walls are a PostgreSQL deployment feature';
    const { rows } = await this.pool.query<{ role: string; writable: boolean }>(
      `SELECT current_user AS role, has_table_privilege('events', 'UPDATE') OR has_table_privilege('events', 'TRUNCATE') AS writable`,
    );
    const row = rows[0]!;
    return row.writable ? `the role ${row.role} may change or empty the events table; connect DATABASE_URL as a member of disciplina_app (see deploy/database-roles.sql)` : undefined;
  }

  async isReady(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.embedded?.stop();
  }
}
