import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cadre planning (issue 14): its process manager starts at the last event committed so far. No planning list
 * exists before this version, so no earlier sanction or annulment has a list to act on.
 */
export class CadrePlanning1766000000000 implements MigrationInterface {
  name = 'CadrePlanning1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at)
      SELECT 'cadre-planning-follow-ups', 1, coalesce(head.transaction_id, '0'::xid8), coalesce(head.global_position, 0), now()
      FROM (SELECT 1) one
      LEFT JOIN (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) head ON true
      ON CONFLICT (name) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM projection_checkpoints WHERE name = 'cadre-planning-follow-ups'`);
  }
}
