import type { MigrationInterface, QueryRunner } from 'typeorm';

const IN_SCOPE = `(SELECT '*' = ANY (disciplina_scope())) OR organization_id = ANY ((SELECT disciplina_scope_organizations())::text[])`;

/** The organizations on a tree path (`/root/.../id/`), the organization itself last. */
const ORGANIZATIONS_ON_PATH = `string_to_array(trim(both '/' from t.path), '/')`;

/**
 * The statistics' tree by period (the projection's version 3 rebuilds it): which organization was under
 * which, from when to when, and on each act the organizations it lay under on its date. The walls show an
 * act also to whoever held one of those, so that an officer of a district still counts the acts of communes
 * a later reform moved away. Until the rebuild is swapped in, both are filled from today's tree.
 */
export class StatisticsLineage1765900000000 implements MigrationInterface {
  name = 'StatisticsLineage1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT set_config('disciplina.scope', '*', true)`);
    await db.query(`
      CREATE TABLE discipline_statistics_lineage (
        organization_id text NOT NULL,
        ancestor_id text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        PRIMARY KEY (organization_id, ancestor_id, valid_from)
      )`);
    await db.query(`
      INSERT INTO discipline_statistics_lineage (organization_id, ancestor_id, valid_from)
      SELECT t.organization_id, a, '-infinity' FROM discipline_statistics_tree t, unnest(${ORGANIZATIONS_ON_PATH}) a`);
    await db.query(`SELECT disciplina_wall('discipline_statistics_lineage')`);
    await db.query(`ALTER TABLE discipline_statistics_facts ADD COLUMN ancestors text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE discipline_statistics_facts f SET ancestors = ${ORGANIZATIONS_ON_PATH}
      FROM discipline_statistics_tree t WHERE t.organization_id = f.organization_id`);
    await db.query(`CREATE INDEX discipline_statistics_facts_ancestors ON discipline_statistics_facts USING gin (ancestors)`);
    await db.query(`DROP POLICY organization_scope ON discipline_statistics_facts`);
    await db.query(`
      CREATE POLICY organization_scope ON discipline_statistics_facts
      USING (${IN_SCOPE} OR ancestors && (SELECT disciplina_scope_organizations())::text[])`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY organization_scope ON discipline_statistics_facts`);
    await db.query(`CREATE POLICY organization_scope ON discipline_statistics_facts USING (${IN_SCOPE})`);
    await db.query(`ALTER TABLE discipline_statistics_facts DROP COLUMN ancestors`);
    await db.query(`DROP TABLE discipline_statistics_lineage`);
  }
}
