import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The discipline statistics as of a day or an instant (issue 16), counted from rows instead of a replay of the
 * whole store: the tree's events and the members' placements with their commit key, valid and record time;
 * on every fact its own, and what it took from other events (the subject, the deciding body) with the latest
 * times of those. Filled by the rebuild of version 4.
 */
export class BitemporalStatistics1766600000000 implements MigrationInterface {
  name = 'BitemporalStatistics1766600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE discipline_statistics_facts ADD COLUMN transaction_id xid8, ADD COLUMN occurred_at timestamptz, ADD COLUMN recorded_at timestamptz,
         ADD COLUMN needs_occurred_at timestamptz, ADD COLUMN needs_recorded_at timestamptz,
         ADD COLUMN subject_transaction_id xid8, ADD COLUMN subject_position bigint, ADD COLUMN attributed_member_id text,
         ADD COLUMN body_level_from_tree boolean`,
    );
    await db.query(
      `ALTER TABLE discipline_statistics_pending ADD COLUMN subject_transaction_id xid8, ADD COLUMN subject_position bigint,
         ADD COLUMN subject_occurred_at timestamptz, ADD COLUMN subject_recorded_at timestamptz, ADD COLUMN attributed_member_id text,
         ADD COLUMN body_occurred_at timestamptz, ADD COLUMN body_recorded_at timestamptz, ADD COLUMN body_level_from_tree boolean`,
    );
    await db.query(`
      CREATE TABLE discipline_statistics_placements (
        global_position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        member_id text NOT NULL,
        organization_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX discipline_statistics_placements_by_member ON discipline_statistics_placements (member_id, transaction_id, global_position)`);
    await db.query(`CREATE INDEX discipline_statistics_placements_by_organization ON discipline_statistics_placements (organization_id)`);
    await db.query(`
      CREATE TABLE discipline_statistics_tree_events (
        global_position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        organization_id text NOT NULL,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX discipline_statistics_tree_events_founded ON discipline_statistics_tree_events (organization_id) WHERE event_type = 'OrganizationFounded'`,
    );
    for (const table of ['discipline_statistics_placements', 'discipline_statistics_tree_events']) await db.query(`SELECT disciplina_wall('${table}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE discipline_statistics_tree_events`);
    await db.query(`DROP TABLE discipline_statistics_placements`);
    await db.query(
      `ALTER TABLE discipline_statistics_pending DROP COLUMN subject_transaction_id, DROP COLUMN subject_position, DROP COLUMN subject_occurred_at,
         DROP COLUMN subject_recorded_at, DROP COLUMN attributed_member_id, DROP COLUMN body_occurred_at, DROP COLUMN body_recorded_at, DROP COLUMN body_level_from_tree`,
    );
    await db.query(
      `ALTER TABLE discipline_statistics_facts DROP COLUMN transaction_id, DROP COLUMN occurred_at, DROP COLUMN recorded_at, DROP COLUMN needs_occurred_at,
         DROP COLUMN needs_recorded_at, DROP COLUMN subject_transaction_id, DROP COLUMN subject_position, DROP COLUMN attributed_member_id,
         DROP COLUMN body_level_from_tree`,
    );
  }
}
