import type { MigrationInterface, QueryRunner } from 'typeorm';

const IN_SCOPE = `(SELECT '*' = ANY (disciplina_scope())) OR organization_id = ANY ((SELECT disciplina_scope_organizations())::text[])`;

/**
 * The statistics' tree by period (the projection's version 3 rebuilds it): which organization was under
 * which, from when to when. Its walls show a lineage row to the organization and to each ancestor, and an
 * act to whoever holds the organization now or held it on the act's date, so that an officer of a district
 * still counts the acts of communes a later reform moved away.
 */
export class StatisticsLineage1765900000000 implements MigrationInterface {
  name = 'StatisticsLineage1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE discipline_statistics_lineage (
        organization_id text NOT NULL,
        ancestor_id text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        PRIMARY KEY (organization_id, ancestor_id, valid_from)
      )`);
    await db.query(`CREATE INDEX discipline_statistics_lineage_by_ancestor ON discipline_statistics_lineage (ancestor_id, organization_id)`);
    await db.query(`ALTER TABLE discipline_statistics_lineage ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE discipline_statistics_lineage FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY organization_scope ON discipline_statistics_lineage
      USING (${IN_SCOPE} OR ancestor_id = ANY ((SELECT disciplina_scope_organizations())::text[]))`);
    // The lineage is named, not referenced: a rebuild swaps it for a new table.
    await db.query(`
      CREATE FUNCTION disciplina_statistics_held(organization text, day date, scope text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT FROM discipline_statistics_lineage l
          WHERE l.organization_id = organization AND l.ancestor_id = ANY (scope) AND l.valid_from <= day AND (l.valid_to IS NULL OR day < l.valid_to))
      $$`);
    await db.query(`DROP POLICY organization_scope ON discipline_statistics_facts`);
    await db.query(`
      CREATE POLICY organization_scope ON discipline_statistics_facts
      USING (${IN_SCOPE} OR disciplina_statistics_held(organization_id, occurred_on, (SELECT disciplina_scope_organizations())::text[]))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY organization_scope ON discipline_statistics_facts`);
    await db.query(`CREATE POLICY organization_scope ON discipline_statistics_facts USING (${IN_SCOPE})`);
    await db.query(`DROP FUNCTION disciplina_statistics_held(text, date, text[])`);
    await db.query(`DROP TABLE discipline_statistics_lineage`);
  }
}
