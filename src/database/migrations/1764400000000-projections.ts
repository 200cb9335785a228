import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projection checkpoints and the organization history read model (issue 5). */
export class Projections1764400000000 implements MigrationInterface {
  name = 'Projections1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        version integer NOT NULL,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        rebuilt_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE organization_tree (
        organization_id text PRIMARY KEY,
        parent_id text,
        path text NOT NULL,
        name text NOT NULL,
        level text NOT NULL
      )`);
    await db.query(`CREATE INDEX organization_tree_path ON organization_tree (path text_pattern_ops)`);
    await db.query(`
      CREATE TABLE organization_history (
        global_position bigint NOT NULL,
        organization_id text NOT NULL,
        member_id text,
        kind text NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        stream_id text NOT NULL,
        summary jsonb NOT NULL,
        PRIMARY KEY (global_position, organization_id)
      )`);
    await db.query(`CREATE INDEX organization_history_by_organization ON organization_history (organization_id, occurred_at)`);
    await db.query(`
      CREATE TABLE organization_history_members (
        member_id text PRIMARY KEY,
        organization_id text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE organization_history_subjects (
        stream_id text PRIMARY KEY,
        organization_id text NOT NULL,
        member_id text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organization_history_subjects`);
    await db.query(`DROP TABLE organization_history_members`);
    await db.query(`DROP TABLE organization_history`);
    await db.query(`DROP TABLE organization_tree`);
    await db.query(`DROP TABLE projection_checkpoints`);
  }
}
