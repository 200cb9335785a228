import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1764700000000 implements MigrationInterface {
  name = 'Users1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        username text PRIMARY KEY,
        password_hash text NOT NULL,
        grants jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE users`);
  }
}
