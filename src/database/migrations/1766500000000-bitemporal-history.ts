import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organization history as of a day or an instant (issue 16), answered from rows instead of a replay of
 * the whole store: the tree's events and the members' placements, each with its commit key, valid and record
 * time, and for every entry the event that named its subject and the member whose organization it goes to. Filled by
 * the rebuild of version 4.
 */
export class BitemporalHistory1766500000000 implements MigrationInterface {
  name = 'BitemporalHistory1766500000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['organization_history', 'organization_history_subjects']) {
      await db.query(
        `ALTER TABLE ${table} ADD COLUMN subject_transaction_id xid8, ADD COLUMN subject_position bigint, ADD COLUMN subject_occurred_at timestamptz,
           ADD COLUMN subject_recorded_at timestamptz, ADD COLUMN attributed_member_id text`,
      );
    }
    await db.query(
      `CREATE INDEX organization_history_by_attributed_member ON organization_history (attributed_member_id) WHERE attributed_member_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE organization_history_placements (
        global_position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        member_id text NOT NULL,
        organization_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX organization_history_placements_by_member ON organization_history_placements (member_id, transaction_id, global_position)`);
    await db.query(`CREATE INDEX organization_history_placements_by_organization ON organization_history_placements (organization_id)`);
    await db.query(`
      CREATE TABLE organization_tree_events (
        global_position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        organization_id text NOT NULL,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    for (const table of ['organization_history_placements', 'organization_tree_events']) await db.query(`SELECT disciplina_wall('${table}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organization_tree_events`);
    await db.query(`DROP TABLE organization_history_placements`);
    await db.query(`DROP INDEX organization_history_by_attributed_member`);
    for (const table of ['organization_history', 'organization_history_subjects']) {
      await db.query(
        `ALTER TABLE ${table} DROP COLUMN subject_transaction_id, DROP COLUMN subject_position, DROP COLUMN subject_occurred_at, DROP COLUMN subject_recorded_at, DROP COLUMN attributed_member_id`,
      );
    }
  }
}
