import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models that hold rows about one discipline case or appeal. */
const CASE_ROWS = ['organization_history', 'organization_history_subjects', 'work_list_discipline_cases', 'deadline_alerts'];

/**
 * Confidential discipline cases (issue 6, src/auth/confidentiality.ts): a read-model row about one carries
 * the organization of the body considering it, and a restrictive policy shows such a row only when that
 * organization lies in a subtree of the `disciplina.confidential_scope` setting (the grants that may read
 * confidential cases). Unset: no confidential row (deny by default).
 */
export class ConfidentialCases1765300000000 implements MigrationInterface {
  name = 'ConfidentialCases1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION disciplina_confidential_scope() RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(string_to_array(nullif(current_setting('disciplina.confidential_scope', true), ''), ','), '{}')
      $$`);
    await db.query(`
      CREATE FUNCTION disciplina_confidential_visible(organization_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT '*' = ANY (disciplina_confidential_scope()) OR EXISTS (
          SELECT FROM organization_tree t, unnest(disciplina_confidential_scope()) s
          WHERE t.organization_id = $1 AND strpos(t.path, '/' || s || '/') > 0)
      $$`);
    for (const table of CASE_ROWS) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN confidential_to text`);
      await db.query(
        `CREATE POLICY confidential_cases ON ${table} AS RESTRICTIVE USING (confidential_to IS NULL OR disciplina_confidential_visible(confidential_to))`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of CASE_ROWS) {
      await db.query(`DROP POLICY confidential_cases ON ${table}`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN confidential_to`);
    }
    await db.query(`DROP FUNCTION disciplina_confidential_visible(text)`);
    await db.query(`DROP FUNCTION disciplina_confidential_scope()`);
  }
}
