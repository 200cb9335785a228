import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per data subject, sealed by the master key (Decree 13/2023/NĐ-CP: personal data encrypted
 * per subject). The application's role adds, reads and destroys keys, and never changes one.
 */
export class PersonalDataKeys1765200000000 implements MigrationInterface {
  name = 'PersonalDataKeys1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_keys (
        subject_id text PRIMARY KEY,
        key_id uuid NOT NULL UNIQUE,
        sealed_key jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`REVOKE UPDATE ON personal_data_keys FROM disciplina_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE personal_data_keys`);
  }
}
