import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts become event streams: `users` keeps the credential (username, password hash) and names the
 * account's stream. `grants` stays only for the users of before, until the service makes them accounts.
 */
export class Accounts1765600000000 implements MigrationInterface {
  name = 'Accounts1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN account_id uuid UNIQUE, ALTER COLUMN grants DROP NOT NULL`);
    await db.query(`ALTER TABLE idempotency_keys ADD COLUMN grants jsonb`);
    await db.query(`CREATE INDEX idempotency_keys_started_at ON idempotency_keys (started_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idempotency_keys_started_at`);
    await db.query(`ALTER TABLE idempotency_keys DROP COLUMN grants`);
    await db.query(`DELETE FROM users WHERE grants IS NULL`);
    await db.query(`ALTER TABLE users DROP COLUMN account_id, ALTER COLUMN grants SET NOT NULL`);
  }
}
