import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1764500000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_checkpoints (
        checkpoint_id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL,
        statement jsonb NOT NULL,
        heads jsonb NOT NULL,
        signature text NOT NULL
      )`);
    await db.query(`CREATE INDEX audit_checkpoints_created ON audit_checkpoints (created_at DESC)`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_immutable_rows BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION events_reject_change()`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_immutable_table BEFORE TRUNCATE ON audit_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_checkpoints`);
  }
}
