import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows are never changed once written: the application's role may only add and read. */
const APPEND_ONLY = ['events', 'audit_checkpoints'];

/**
 * Database walls (issue 6): the application's role `disciplina_app` may only add and read events and
 * audit checkpoints and read and write the working tables; read models with an organization are under
 * row-level security, forced on their owner too, to the organizations in the `disciplina.scope` setting.
 * Tables created later by the migrating role get the working-table grants by default; a read model
 * created later calls `disciplina_wall('table')` (the privilege test fails for one that does not).
 */
export class DatabaseWalls1765000000000 implements MigrationInterface {
  name = 'DatabaseWalls1765000000000';

  async up(db: QueryRunner): Promise<void> {
    // Roles belong to the whole cluster: another database's migration may be creating it right now.
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'disciplina_app') THEN
          CREATE ROLE disciplina_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // Refused statements are written to the server log with their text; only a superuser may set it.
    // The setting is the cluster's too: another database's migration setting it at the same moment makes
    // this one fail with "tuple concurrently updated" (internal_error), and then it is set.
    await db.query(`
      DO $$ BEGIN
        ALTER ROLE disciplina_app SET log_min_error_statement = 'error';
      EXCEPTION
        WHEN insufficient_privilege THEN
          RAISE NOTICE 'not a superuser: run deploy/database-roles.sql to set log_min_error_statement of disciplina_app';
        WHEN internal_error THEN
          IF NOT EXISTS (
            SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
            WHERE r.rolname = 'disciplina_app' AND s.setdatabase = 0 AND 'log_min_error_statement=error' = ANY (s.setconfig)
          ) THEN
            RAISE;
          END IF;
      END $$`);
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO disciplina_app', current_schema());
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM disciplina_app', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO disciplina_app', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO disciplina_app', current_schema());
      END $$`);
    // PostgreSQL before 15 lets every role create tables in the public schema.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'not the owner of the schema: revoke CREATE on it from PUBLIC yourself';
      END $$`);
    for (const table of APPEND_ONLY) {
      await db.query(`REVOKE UPDATE, DELETE ON ${table} FROM disciplina_app`);
    }
    // TypeORM's ledger: readable, so that a start as the application's role finds the schema up to date.
    await db.query(`REVOKE ALL ON migrations FROM disciplina_app`);
    await db.query(`GRANT SELECT ON migrations TO disciplina_app`);
    // An identity column draws its value without a privilege on its sequence: none is needed to insert.
    await db.query(`REVOKE ALL ON SEQUENCE events_global_position_seq FROM disciplina_app`);
    // No IN SCHEMA: a rebuild creates its tables in a schema of its own before it moves them in.
    await db.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO disciplina_app`);
    await db.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO disciplina_app`);

    await db.query(`
      CREATE FUNCTION disciplina_scope() RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(string_to_array(nullif(current_setting('disciplina.scope', true), ''), ','), '{}')
      $$`);
    // A tree row is in scope when a scope organization is on its path (/root/.../id/).
    await db.query(`
      CREATE FUNCTION disciplina_path_in_scope(path text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT FROM unnest(disciplina_scope()) s WHERE strpos(path, '/' || s || '/') > 0)
      $$`);
    // The tree is named, not referenced: a rebuild swaps organization_tree for a new table.
    await db.query(`
      CREATE FUNCTION disciplina_scope_organizations() RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(organization_id), '{}') FROM organization_tree WHERE disciplina_path_in_scope(path)
      $$`);
    await db.query(`
      CREATE FUNCTION disciplina_wall(target regclass) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
        IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = target AND attname = 'path' AND NOT attisdropped) THEN
          EXECUTE format('CREATE POLICY organization_scope ON %s USING (''*'' = ANY (disciplina_scope()) OR disciplina_path_in_scope(path))', target);
        ELSE
          EXECUTE format('CREATE POLICY organization_scope ON %s USING ((SELECT ''*'' = ANY (disciplina_scope())) OR organization_id = ANY ((SELECT disciplina_scope_organizations())::text[]))', target);
        END IF;
      END $$`);
    // CREATE TABLE ... LIKE copies neither row security nor policies: a rebuild's fresh tables take them over.
    await db.query(`
      CREATE FUNCTION disciplina_copy_walls(source regclass, target regclass) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        p record;
      BEGIN
        IF (SELECT relrowsecurity FROM pg_class WHERE oid = source) THEN
          EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
        END IF;
        IF (SELECT relforcerowsecurity FROM pg_class WHERE oid = source) THEN
          EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
        END IF;
        FOR p IN
          SELECT polname, polpermissive, polroles,
            CASE polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
            pg_get_expr(polqual, polrelid) AS qual, pg_get_expr(polwithcheck, polrelid) AS with_check
          FROM pg_policy WHERE polrelid = source
        LOOP
          EXECUTE format('CREATE POLICY %I ON %s AS %s FOR %s TO %s', p.polname, target,
            CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END, p.command,
            CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(rolname), ', ') FROM pg_roles WHERE oid = ANY (p.polroles)) END)
            || coalesce(' USING (' || p.qual || ')', '') || coalesce(' WITH CHECK (' || p.with_check || ')', '');
        END LOOP;
      END $$`);
    await db.query(`
      DO $$ DECLARE t record; BEGIN
        FOR t IN
          SELECT c.oid FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
          WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attname = 'organization_id' AND NOT a.attisdropped
        LOOP
          PERFORM disciplina_wall(t.oid);
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ DECLARE t record; BEGIN
        FOR t IN SELECT polrelid FROM pg_policy WHERE polname = 'organization_scope' LOOP
          EXECUTE format('DROP POLICY organization_scope ON %s', t.polrelid::regclass);
          EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t.polrelid::regclass);
          EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', t.polrelid::regclass);
        END LOOP;
      END $$`);
    for (const fn of [
      'disciplina_copy_walls(regclass, regclass)',
      'disciplina_wall(regclass)',
      'disciplina_scope_organizations()',
      'disciplina_path_in_scope(text)',
      'disciplina_scope()',
    ]) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    await db.query(`ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM disciplina_app`);
    await db.query(`ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM disciplina_app`);
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM disciplina_app', current_schema());
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM disciplina_app', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM disciplina_app', current_schema());
      END $$`);
  }
}
