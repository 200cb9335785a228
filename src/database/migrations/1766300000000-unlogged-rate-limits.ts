import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: every request counts against its caller's rate limit in `rate_limit_counters`, one statement of
 * its own. Logged, each count waited for its own flush of the write-ahead log while holding the caller's row,
 * and requests of one account queued behind each other. Unlogged, a count commits without a flush. A crash
 * or a failover to a standby empties the table: the counts of the current minute start over.
 */
export class UnloggedRateLimits1766300000000 implements MigrationInterface {
  name = 'UnloggedRateLimits1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rate_limit_counters SET UNLOGGED`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rate_limit_counters SET LOGGED`);
  }
}
