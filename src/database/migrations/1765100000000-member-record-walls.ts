import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The member record carries the member's organization, so that the database walls scope it like the other read models. */
export class MemberRecordWalls1765100000000 implements MigrationInterface {
  name = 'MemberRecordWalls1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE member_records ADD COLUMN organization_id text`);
    await db.query(`SELECT disciplina_wall('member_records')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY organization_scope ON member_records`);
    await db.query(`ALTER TABLE member_records NO FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE member_records DISABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE member_records DROP COLUMN organization_id`);
  }
}
