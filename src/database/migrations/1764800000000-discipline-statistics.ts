import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statutory statistics read model (issue 5): one fact per counted act, with its own tree and members. */
export class DisciplineStatistics1764800000000 implements MigrationInterface {
  name = 'DisciplineStatistics1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE discipline_statistics_facts (
        global_position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        occurred_on date NOT NULL,
        organization_id text NOT NULL,
        member_id text,
        subject_kind text NOT NULL,
        act text NOT NULL,
        act_kind text,
        body_kind text,
        body_level text,
        body_organization_id text
      )`);
    await db.query(`CREATE INDEX discipline_statistics_facts_by_date ON discipline_statistics_facts (occurred_on, organization_id)`);
    await db.query(`
      CREATE TABLE discipline_statistics_tree (
        organization_id text PRIMARY KEY,
        parent_id text,
        path text NOT NULL,
        name text NOT NULL,
        level text NOT NULL
      )`);
    await db.query(`CREATE INDEX discipline_statistics_tree_path ON discipline_statistics_tree (path text_pattern_ops)`);
    await db.query(`
      CREATE TABLE discipline_statistics_members (
        member_id text PRIMARY KEY,
        organization_id text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE discipline_statistics_pending (
        stream_id text PRIMARY KEY,
        organization_id text NOT NULL,
        member_id text,
        subject_kind text NOT NULL,
        act_kind text,
        body_kind text,
        body_level text,
        body_organization_id text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE discipline_statistics_pending`);
    await db.query(`DROP TABLE discipline_statistics_members`);
    await db.query(`DROP TABLE discipline_statistics_tree`);
    await db.query(`DROP TABLE discipline_statistics_facts`);
  }
}
