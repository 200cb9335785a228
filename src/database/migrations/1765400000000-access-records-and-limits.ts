import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working tables that every instance on one database shares (issues 13 and 17), without organization:
 * - `rate_limit_counters`: requests per key (an account, a client address) in each one-minute window; old
 *   windows are deleted as new ones start.
 * - `access_denial_counts`: refused accesses per caller × route × minute, counted until a batch claims them
 *   and writes one `AccessDenied` event per row with its count, then deletes them. A claimed row is no
 *   longer counted into (the unique index covers unclaimed rows only): later refusals start a new row.
 * And indexes for the audit trail's filters by actor and by event type, newest first too.
 */
export class AccessRecordsAndLimits1765400000000 implements MigrationInterface {
  name = 'AccessRecordsAndLimits1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit_counters (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await db.query(`CREATE INDEX rate_limit_counters_window ON rate_limit_counters (window_start)`);
    await db.query(`
      CREATE TABLE access_denial_counts (
        minute timestamptz NOT NULL,
        actor text NOT NULL,
        address text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        status integer NOT NULL,
        code text NOT NULL,
        count integer NOT NULL,
        batch uuid,
        claimed_at timestamptz
      )`);
    await db.query(`
      CREATE UNIQUE INDEX access_denial_counts_open ON access_denial_counts (minute, actor, address, method, route, status, code)
      WHERE batch IS NULL`);
    await db.query(`CREATE INDEX access_denial_counts_batch ON access_denial_counts (batch) WHERE batch IS NOT NULL`);
    await db.query(`CREATE INDEX events_by_actor ON events ((metadata->>'actor'), global_position)`);
    await db.query(`CREATE INDEX events_by_type ON events (event_type, global_position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_by_type`);
    await db.query(`DROP INDEX events_by_actor`);
    await db.query(`DROP TABLE access_denial_counts`);
    await db.query(`DROP TABLE rate_limit_counters`);
  }
}
