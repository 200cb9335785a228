import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1764600000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        actor text NOT NULL,
        idempotency_key text NOT NULL,
        fingerprint text NOT NULL,
        started_at timestamptz NOT NULL,
        status integer,
        headers jsonb,
        body json,
        PRIMARY KEY (actor, idempotency_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
