import type pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type AppConfig, type DatabaseTimeouts } from '../platform/config/app-config.js';
import { openClient, openPool } from './connections.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

function tightened(entries: number): string {
  return entries > 0 ? ` (${entries} of its entries were open to group or others: now to their owner only)` : '';
}

/** The open database: PostgreSQL at DATABASE_URL, or the embedded one. Migrated before it is handed out. */
export class Database {
  private constructor(
    readonly kind: 'postgres' | 'embedded',
    /** What the logs say about the database in use, without credentials. */
    readonly description: string,
    readonly url: string,
    /** The schema's owner: migrations and the `rebuild` command (which create and swap tables) connect with it. */
    readonly ownerUrl: string,
    readonly pool: pg.Pool,
    readonly timeouts: DatabaseTimeouts,
    /** Whether `url`'s login owns the schema (or is a superuser): it may create and swap tables, and rebuild read models itself. */
    readonly ownsSchema: boolean,
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
    let ownsSchema: boolean;
    try {
      const { rows } = await pool.query<{ owns: boolean }>(
        `SELECT pg_has_role(current_user, relowner, 'MEMBER') AS owns FROM pg_class WHERE oid = 'events'::regclass`,
      );
      ownsSchema = rows[0]?.owns ?? false;
    } catch (error) {
      await pool.end();
      await embedded?.stop();
      throw error;
    }
    const { host, pathname } = new URL(url);
    return embedded
      ? new Database(
          'embedded',
          `embedded PostgreSQL (PGlite), data in ${config.dataDir || 'memory only'}${tightened(embedded.tightenedEntries)}, served on ${host}`,
          url,
          url,
          pool,
          timeouts,
          ownsSchema,
          embedded,
        )
      : new Database('postgres', `PostgreSQL at ${host}${pathname}`, url, ownerUrl, pool, timeouts, ownsSchema, undefined);
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
    return row.writable
      ? `the role ${row.role} may change or empty the events table; connect DATABASE_URL as a member of disciplina_app (see deploy/database-roles.sql)`
      : undefined;
  }

  /**
   * Whether the database answers `SELECT 1` within the probe's time, on a connection of its own: a pool
   * whose connections all wait on a dead network, or whose queue is long, does not hold the answer up.
   */
  async isReady(): Promise<boolean> {
    const probe = openClient(this.url, { timeouts: { ...this.timeouts, connectMs: this.timeouts.readyProbeMs } });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.timeouts.readyProbeMs)));
    const answered = probe
      .connect()
      .then(() => probe.query('SELECT 1'))
      .then(
        () => true,
        () => false,
      );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
      // Not awaited: on a dead network the goodbye is never acknowledged (the connect timeout closes the socket).
      void probe.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.embedded?.stop();
  }
}
