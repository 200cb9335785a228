import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member record's event index (issue 16): the position of every event its fold takes, by member, so that
 * an as-of record reads the member's events instead of the whole store. Filled by the rebuild of version 7.
 */
export class MemberRecordEvents1766100000000 implements MigrationInterface {
  name = 'MemberRecordEvents1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE member_record_events (member_id text NOT NULL, global_position bigint NOT NULL, PRIMARY KEY (member_id, global_position))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE member_record_events`);
  }
}
