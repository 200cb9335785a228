import pg from 'pg';
import type { AppConfig } from '../platform/config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

/** The open database: PostgreSQL at DATABASE_URL, or the embedded one. Migrated before it is handed out. */
export class Database {
  private constructor(
    readonly kind: 'postgres' | 'embedded',
    /** What the logs say about the database in use, without credentials. */
    readonly description: string,
    readonly url: string,
    readonly pool: pg.Pool,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
    const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
    const url = config.databaseUrl ?? embedded!.url;
    try {
      await runMigrations(url);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    const pool = new pg.Pool({ connectionString: url, max: embedded ? 8 : 20 });
    const { host, pathname } = new URL(url);
    return embedded
      ? new Database('embedded', `embedded PostgreSQL (PGlite), data in ${config.dataDir || "memory only"}, served on ${host}`, url, pool, embedded)
      : new Database('postgres', `PostgreSQL at ${host}${pathname}`, url, pool, undefined);
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
