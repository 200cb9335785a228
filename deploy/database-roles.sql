-- The database walls' roles. Run once as a superuser, connected to Disciplina's database (compose runs it
-- on the first start of its PostgreSQL). Change both passwords outside a demo.
--   disciplina_owner    owns the schema: MIGRATION_DATABASE_URL (migrations, rebuilds of read models)
--   disciplina_app      the privileges the service needs, no more; granted by the migrations (NOLOGIN)
--   disciplina_service  logs in as a member of disciplina_app: DATABASE_URL
CREATE ROLE disciplina_owner LOGIN PASSWORD 'disciplina-owner';
CREATE ROLE disciplina_app NOLOGIN;
-- A refused UPDATE, DELETE or TRUNCATE of the events is written to the server log with its text; only a
-- superuser can change this setting, so the service's role cannot silence it.
ALTER ROLE disciplina_app SET log_min_error_statement = 'error';
CREATE ROLE disciplina_service LOGIN PASSWORD 'disciplina-service' IN ROLE disciplina_app;
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I OWNER TO disciplina_owner', current_database());
END $$;
ALTER SCHEMA public OWNER TO disciplina_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
