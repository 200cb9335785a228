import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Process managers (issue 15): the events whose follow-up the domain refused, and the checkpoint of the
 * discipline follow-ups at the last event committed so far, whose follow-ups the requests recorded themselves.
 */
export class ProcessManagers1765500000000 implements MigrationInterface {
  name = 'ProcessManagers1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE parked_events (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        global_position bigint NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        code text NOT NULL,
        message text NOT NULL,
        parked_at timestamptz NOT NULL,
        PRIMARY KEY (consumer, event_id)
      )`);
    await db.query(`
      INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at)
      SELECT 'discipline-follow-ups', 1, coalesce(head.transaction_id, '0'::xid8), coalesce(head.global_position, 0), now()
      FROM (SELECT 1) one
      LEFT JOIN (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) head ON true
      ON CONFLICT (name) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM projection_checkpoints WHERE name = 'discipline-follow-ups'`);
    await db.query(`DROP TABLE parked_events`);
  }
}
