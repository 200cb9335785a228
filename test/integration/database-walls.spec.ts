import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { Accounts } from '../../src/accounts/accounts.js';
import { Database } from '../../src/database/database.js';
import { SystemClock } from '../../src/shared/clock.js';
import { organizationHistoryProjection } from '../../src/projections/organization-history/organization-history.projection.js';
import { ReadModels } from '../../src/projections/read-models.js';
import type { Projection } from '../../src/projections/projection.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { ApiClient, foundTree } from '../support/api-client.js';
import { isolatedDatabase, openStore, testClient, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp, loginAs } from '../support/test-app.js';

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'database walls: not run. They are a PostgreSQL deployment feature: the embedded PGlite is one superuser session, ' +
      'and a superuser bypasses privileges and row-level security. Set TEST_DATABASE_URL (CI does) to run them.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

const APPEND_ONLY = new Set(['events', 'audit_checkpoints']);
const PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];

function expected(table: string): string[] {
  if (table === 'migrations') return ['SELECT'];
  // A data subject's key is added once and destroyed on erasure, never changed.
  if (table === 'personal_data_keys') return ['SELECT', 'INSERT', 'DELETE'];
  return APPEND_ONLY.has(table) ? ['SELECT', 'INSERT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

/** A LOGIN role in disciplina_app, as an operator creates one; roles are cluster-wide, so named uniquely. */
async function appLogin(ownerUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const clusterUrl = postgres!.url;
  const role = `disciplina_walls_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const owner = await testClient(ownerUrl);
  await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD 'walls-test' IN ROLE disciplina_app`);
  await owner.end();
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = 'walls-test';
  return {
    url: url.toString(),
    async drop() {
      const client = await testClient(clusterUrl);
      await client.query(`DROP ROLE IF EXISTS ${role}`);
      await client.end();
    },
  };
}

/** What the deployments' `rebuild` job does: builds read models as the schema's owner. */
async function rebuildAsOwner(ownerUrl: string, projections: readonly Projection[]): Promise<void> {
  const { pool, store } = openStore(ownerUrl);
  const readModels = await ReadModels.open(ownerUrl, 2);
  try {
    for (const projection of projections)
      await rebuildProjection(projection, { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: ownerUrl });
  } finally {
    await readModels.close();
    await pool.end();
  }
}

async function refusal(client: pg.Client, sql: string): Promise<string | undefined> {
  try {
    await client.query(sql);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

interface Column {
  name: string;
  type: string;
  required: boolean;
}

/** A row of any read model for `organizationId`, its required columns filled by type. */
function rowFor(columns: readonly Column[], organizationId: string, path: string, n: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.name === 'organization_id') row[column.name] = organizationId;
    else if (column.name === 'path') row[column.name] = path;
    else if (!column.required) continue;
    else if (column.type === 'text') row[column.name] = `${column.name}-${organizationId}-${n}`;
    else if (['bigint', 'integer', 'xid8'].includes(column.type)) row[column.name] = n;
    else if (['jsonb', 'json'].includes(column.type)) row[column.name] = '{}';
    else if (column.type === 'date') row[column.name] = '2025-01-01';
    else if (column.type.startsWith('timestamp')) row[column.name] = '2025-01-01T00:00:00Z';
    else if (column.type === 'boolean') row[column.name] = false;
    else throw new Error(`No test value for a required ${column.type} column ${column.name}`);
  }
  return row;
}

describeOnPostgres('database walls on PostgreSQL', () => {
  let isolated: IsolatedDatabase;
  let login: { url: string; drop(): Promise<void> };
  let owner: pg.Client;
  let app: pg.Client;
  /** The read models under row-level security, by table: the organization ids seeded into each. */
  let walled: string[];
  const a = `a-${randomUUID().slice(0, 8)}`;
  const a1 = `a1-${randomUUID().slice(0, 8)}`;
  const b = `b-${randomUUID().slice(0, 8)}`;
  const paths: Record<string, string> = { [a]: `/${a}/`, [a1]: `/${a}/${a1}/`, [b]: `/${b}/` };

  beforeAll(async () => {
    isolated = await isolatedDatabase(postgres!);
    login = await appLogin(isolated.url);
    owner = await testClient(isolated.url);
    await owner.query(`SELECT set_config('disciplina.scope', '*', false)`);
    app = await testClient(login.url);
    const { rows } = await owner.query<{ table: string }>(
      `SELECT DISTINCT polrelid::regclass::text AS table FROM pg_policy WHERE polname = 'organization_scope' ORDER BY 1`,
    );
    walled = rows.map((row) => row.table);
    let n = 0;
    for (const table of walled) {
      const columns = await owner.query<Column>(
        `SELECT column_name AS name, data_type AS type, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AS required
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      for (const organizationId of [a, a1, b]) {
        const row = rowFor(columns.rows, organizationId, paths[organizationId]!, ++n);
        const names = Object.keys(row);
        await owner.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
      }
    }
  }, ISOLATED_SETUP_MS);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await isolated?.drop();
    await login?.drop();
  });

  it('lets the application role add and read events', async () => {
    const streamId = `walls-${randomUUID()}`;
    await app.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, hash)
       VALUES ($1, 'walls', 1, $2, 'WallTested', 1, '{}', '{}', now(), now(), 'h')`,
      [streamId, randomUUID()],
    );
    const { rows } = await app.query('SELECT event_type FROM events WHERE stream_id = $1', [streamId]);
    expect(rows).toEqual([{ event_type: 'WallTested' }]);
  });

  it.each([
    ['an UPDATE', `UPDATE events SET data = '{"changed": true}'`],
    ['a DELETE', 'DELETE FROM events'],
    ['a TRUNCATE', 'TRUNCATE events'],
    ['an UPDATE of an audit checkpoint', `UPDATE audit_checkpoints SET signature = 'forged'`],
    ['a nextval on the position sequence', `SELECT nextval('events_global_position_seq')`],
  ])('refuses the application role %s with permission denied (42501)', async (_case, sql) => {
    expect(await refusal(app, sql)).toBe('42501');
  });

  it.each([
    ['disable the immutability triggers', 'ALTER TABLE events DISABLE TRIGGER ALL'],
    ['drop the events', 'DROP TABLE events'],
    ['lift forced row-level security', 'ALTER TABLE organization_history NO FORCE ROW LEVEL SECURITY'],
    ['disable row-level security', 'ALTER TABLE organization_tree DISABLE ROW LEVEL SECURITY'],
    ['drop a policy', 'DROP POLICY organization_scope ON organization_history'],
    ['create a table of its own', 'CREATE TABLE walls_intruder (id int)'],
    ['turn off the logging of refused statements', `SET log_min_error_statement = 'panic'`],
  ])('refuses the application role to %s', async (_case, sql) => {
    expect(await refusal(app, sql)).toBe('42501');
  });

  it('has refused statements written to the server log with their text, a setting the role cannot change', async () => {
    const { rows } = await app.query<{ statement: string; messages: string }>(
      `SELECT current_setting('log_min_error_statement') AS statement, current_setting('log_min_messages') AS messages`,
    );
    expect(rows[0]).toEqual({ statement: 'error', messages: expect.stringMatching(/^(debug\d|info|notice|warning|error)$/) });
    const setting = await owner.query<{ setting: string }>(
      `SELECT unnest(setconfig) AS setting FROM pg_db_role_setting WHERE setrole = 'disciplina_app'::regrole AND setdatabase = 0`,
    );
    expect(setting.rows).toContainEqual({ setting: 'log_min_error_statement=error' });
  });

  it('gives the application role exactly its privileges on every table, and walls every table with an organization', async () => {
    const tables = await owner.query<{
      table: string;
      privileges: string[];
      organization: boolean;
      confidential: boolean;
      rls: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS table,
         array(SELECT p FROM unnest($1::text[]) p WHERE has_table_privilege('disciplina_app', c.oid, p)) AS privileges,
         EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped) AS organization,
         EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'confidential_to' AND NOT a.attisdropped) AS confidential,
         c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
         (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
      [PRIVILEGES],
    );
    expect(tables.rows.map((row) => row.table)).toEqual(expect.arrayContaining(['events', 'audit_checkpoints', 'organization_history', 'users']));
    for (const row of tables.rows) {
      expect([row.table, row.privileges]).toEqual([row.table, expected(row.table)]);
      if (row.organization) expect([row.table, row.rls, row.forced, row.policies]).toEqual([row.table, true, true, row.confidential ? 2 : 1]);
    }
    expect(walled).toEqual(
      expect.arrayContaining(['organization_history', 'organization_tree', 'organization_history_members', 'organization_history_subjects']),
    );
  });

  it('grants a table the owner creates later, by default privileges', async () => {
    await owner.query('CREATE TABLE walls_later (id int PRIMARY KEY)');
    const { rows } = await owner.query<{ privileges: string[] }>(
      `SELECT array(SELECT p FROM unnest($1::text[]) p WHERE has_table_privilege('disciplina_app', 'walls_later', p)) AS privileges`,
      [PRIVILEGES],
    );
    expect(rows[0]!.privileges).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    await owner.query('DROP TABLE walls_later');
  });

  async function organizationsSeen(table: string, scope: string | undefined): Promise<string[]> {
    await app.query('BEGIN');
    try {
      if (scope !== undefined) await app.query(`SELECT set_config('disciplina.scope', $1, true)`, [scope]);
      const { rows } = await app.query<{ organization_id: string }>(
        `SELECT DISTINCT organization_id FROM ${table} WHERE organization_id = ANY ($1) ORDER BY 1`,
        [[a, a1, b]],
      );
      return rows.map((row) => row.organization_id);
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it('shows the application role, scoped to organization A, only the rows of A and its subtree in every walled read model', async () => {
    expect(walled.length).toBeGreaterThanOrEqual(4);
    for (const table of walled) {
      expect([table, await organizationsSeen(table, a)]).toEqual([table, [a, a1].sort()]);
      expect([table, await organizationsSeen(table, a1)]).toEqual([table, [a1]]);
      expect([table, await organizationsSeen(table, b)]).toEqual([table, [b]]);
      expect([table, await organizationsSeen(table, `${a1},${b}`)]).toEqual([table, [a1, b].sort()]);
      expect([table, await organizationsSeen(table, '*')]).toEqual([table, [a, a1, b].sort()]);
    }
  });

  it('shows nothing without a scope (deny by default)', async () => {
    for (const table of walled) {
      expect([table, await organizationsSeen(table, undefined)]).toEqual([table, []]);
      expect([table, await organizationsSeen(table, '')]).toEqual([table, []]);
    }
  });

  it('neither changes another organization’s rows nor writes rows outside its scope', async () => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('disciplina.scope', $1, true)`, [a]);
      const updated = await app.query(`UPDATE organization_history SET kind = 'forged' WHERE organization_id = $1`, [b]);
      const deleted = await app.query(`DELETE FROM organization_history_members WHERE organization_id = $1`, [b]);
      expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
      await app.query('SAVEPOINT outside');
      const inserted = await refusal(app, `INSERT INTO organization_history_members (member_id, organization_id) VALUES ('intruder', '${b}')`);
      expect(inserted).toBe('42501');
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('shows a row about a confidential case only where the confidential scope reaches the organization it is confined to', async () => {
    const { rows } = await owner.query<{ table: string }>(
      `SELECT DISTINCT polrelid::regclass::text AS table FROM pg_policy WHERE polname = 'confidential_cases'`,
    );
    const tables = rows.map((row) => row.table);
    expect(tables.sort()).toEqual(['deadline_alerts', 'organization_history', 'organization_history_subjects', 'work_list_discipline_cases']);
    const seen = async (table: string, confidentialScope: string | undefined) => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('disciplina.scope', $1, true)`, [a]);
        if (confidentialScope !== undefined) await app.query(`SELECT set_config('disciplina.confidential_scope', $1, true)`, [confidentialScope]);
        const found = await app.query<{ organization_id: string }>(
          `SELECT DISTINCT organization_id FROM ${table} WHERE organization_id = ANY ($1) ORDER BY 1`,
          [[a, a1, b]],
        );
        return found.rows.map((row) => row.organization_id);
      } finally {
        await app.query('ROLLBACK');
      }
    };
    for (const table of tables) await owner.query(`UPDATE ${table} SET confidential_to = $1 WHERE organization_id = $1`, [a1]);
    try {
      for (const table of tables) {
        expect([table, await seen(table, undefined)]).toEqual([table, [a]]);
        expect([table, await seen(table, b)]).toEqual([table, [a]]);
        expect([table, await seen(table, a1)]).toEqual([table, [a, a1].sort()]);
        expect([table, await seen(table, a)]).toEqual([table, [a, a1].sort()]);
        expect([table, await seen(table, '*')]).toEqual([table, [a, a1].sort()]);
      }
    } finally {
      for (const table of tables) await owner.query(`UPDATE ${table} SET confidential_to = NULL WHERE organization_id = $1`, [a1]);
    }
  });

  it('keeps the walls and the grants of read models a rebuild swaps in, the rebuild running as the owner', async () => {
    const { pool, store } = openStore(login.url);
    const readModels = await ReadModels.open(login.url, 2);
    try {
      await rebuildProjection(organizationHistoryProjection, {
        dataSource: readModels.dataSource,
        store,
        clock: new SystemClock(),
        url: login.url,
        ownerUrl: isolated.url,
      });
    } finally {
      await readModels.close();
      await pool.end();
    }
    const { rows } = await owner.query<{ table: string; forced: boolean; policies: number; privileges: string[] }>(
      `SELECT c.relname AS table, c.relrowsecurity AND c.relforcerowsecurity AS forced,
         (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'organization_scope')
           + (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'confidential_cases' AND NOT p.polpermissive) AS policies,
         array(SELECT p FROM unnest($2::text[]) p WHERE has_table_privilege('disciplina_app', c.oid, p)) AS privileges
       FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY ($1) ORDER BY 1`,
      [organizationHistoryProjection.tables, PRIVILEGES],
    );
    expect(rows).toHaveLength(organizationHistoryProjection.tables.length);
    const confidential = ['organization_history', 'organization_history_subjects'];
    for (const row of rows) {
      expect(row).toEqual({
        table: row.table,
        forced: true,
        policies: confidential.includes(row.table) ? 2 : 1,
        privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      });
    }
    expect(await organizationsSeen('organization_tree', undefined)).toEqual([]);
  });
});

/**
 * The service as a LOGIN of disciplina_app on a database of its own, the read models' tables created by the
 * owner first, as the deployments' job does (`rebuild --needed`).
 */
function serviceAsApplicationRole(): { readonly isolated: IsolatedDatabase; readonly service: NestExpressApplication } {
  let login: { url: string; drop(): Promise<void> } | undefined;
  const started = {} as { isolated: IsolatedDatabase; service: NestExpressApplication };
  beforeAll(async () => {
    started.isolated = await isolatedDatabase(postgres!);
    login = await appLogin(started.isolated.url);
    await rebuildAsOwner(started.isolated.url, PROJECTIONS);
    started.service = await createTestApp(login.url);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await started.service?.close();
    await started.isolated?.drop();
    await login?.drop();
  });
  return started;
}

describeOnPostgres('the whole service as the application role on PostgreSQL', () => {
  const started = serviceAsApplicationRole();

  it('runs commands and projections with the grants it has, and answers a scoped viewer only inside its organization', async () => {
    const { service } = started;
    const api = new ApiClient(await authorizedAgent(service));
    const tree = await foundTree(api);
    const other = await api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh khác', code: 'KH', foundedOn: '1997-01-01' });
    for (const [subject, body] of [
      [tree.commune.id, tree.province.id],
      [other.id, other.id],
    ]) {
      await api.create('quality-classifications', {
        subject: { kind: 'organization', organizationId: subject },
        year: 2025,
        body: { organizationId: body, bodyKind: 'cell' },
        rating: 'good',
        classifiedOn: '2025-12-20',
      });
    }
    await service.get(Accounts).setUp('walls-viewer', 'walls-viewer-password', [{ role: 'viewer', organizationId: tree.province.id }]);
    const viewer = await loginAs(service, 'walls-viewer', 'walls-viewer-password');
    const asViewer = (path: string) => request(service.getHttpServer()).get(`/api/v1/${path}`).set('Authorization', `Bearer ${viewer}`);

    const { pool } = service.get(Database);
    await waitUntilProjected(pool, await committedHead(pool));
    const ownHistory = await api.get(`organizations/${tree.province.id}/history?subtree=true`).expect(200);
    expect(ownHistory.body.items.map((e: { eventType: string; organizationId: string }) => [e.eventType, e.organizationId])).toEqual([
      ['QualityClassified', tree.commune.id],
    ]);
    const othersForAdmin = await api.get(`organizations/${other.id}/history`).expect(200);
    expect(othersForAdmin.body.total).toBe(1);

    const inScope = await asViewer(`organizations/${tree.province.id}/history?subtree=true`).expect(200);
    expect(inScope.body.items.map((e: { organizationId: string }) => e.organizationId)).toEqual([tree.commune.id]);
    const outOfScope = await asViewer(`organizations/${other.id}/history`);
    expect([403, 404]).toContain(outOfScope.status);
  }, 60_000);
});

describeOnPostgres('a read model whose version changed, under a service without the owner’s login', () => {
  const started = serviceAsApplicationRole();

  it('is reported as needing the owner’s rebuild (status, readiness 503) and followed again once the owner rebuilt it', async () => {
    const { service, isolated } = started;
    const api = new ApiClient(await authorizedAgent(service));
    const owner = await testClient(isolated.url);
    try {
      await owner.query(`UPDATE projection_checkpoints SET version = version + 1000 WHERE name = $1`, [organizationHistoryProjection.name]);
    } finally {
      await owner.end();
    }
    // The runner meets the changed version as it applies the next event.
    await api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh mới', code: 'TM', foundedOn: '1997-01-01' });
    const status = () =>
      api
        .get('projections')
        .then((response) => (response.body as { name: string; status: string }[]).find((p) => p.name === organizationHistoryProjection.name));
    expect(await eventually(status, (projection) => projection?.status === 'needs-rebuild')).toMatchObject({
      storedVersion: organizationHistoryProjection.version + 1000,
    });
    const unready = await request(service.getHttpServer()).get('/health/ready').expect(503);
    expect(JSON.stringify(unready.body)).toContain(`projection ${organizationHistoryProjection.name} needs a rebuild`);

    await rebuildAsOwner(isolated.url, [organizationHistoryProjection]);
    expect(await eventually(status, (projection) => projection?.status === 'live')).toMatchObject({ storedVersion: organizationHistoryProjection.version });
    await request(service.getHttpServer()).get('/health/ready').expect(200);
  }, 90_000);
});

describeOnPostgres('migrating several databases of one cluster at once', () => {
  it(
    'sets the application role’s cluster-wide setting without failing on the migration beside it',
    async () => {
      const migrations = await Promise.allSettled(Array.from({ length: 4 }, () => isolatedDatabase(postgres!)));
      const databases = migrations.flatMap((migration) => (migration.status === 'fulfilled' ? [migration.value] : []));
      try {
        expect(migrations.filter((migration) => migration.status === 'rejected')).toEqual([]);
        const client = await testClient(databases[0]!.url);
        const { rows } = await client.query<{ setconfig: string[] }>(
          `SELECT s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = 'disciplina_app' AND s.setdatabase = 0`,
        );
        await client.end();
        expect(rows.map((row) => row.setconfig)).toEqual([expect.arrayContaining(['log_min_error_statement=error'])]);
      } finally {
        await Promise.all(databases.map((database) => database.drop()));
      }
    },
    ISOLATED_SETUP_MS,
  );
});
