import { randomInt } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource } from '../../src/database/migrate.js';
import { EVERYTHING, withScope } from '../../src/database/organization-scope.js';
import { START_OF_ALL, type RecordedEvent } from '../../src/event-store/event-store.js';
import { LOCK_SPACE } from '../../src/projections/advisory-lock.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { readReplayed } from '../../src/projections/replay.js';
import type { Projection } from '../../src/projections/projection.js';
import type { Clock } from '../../src/shared/clock.js';
import { ApiClient } from '../support/api-client.js';
import { ISOLATED_SETUP_MS, isolatedDatabase, openStore, testDatabases, testPool, type IsolatedDatabase } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'two instances on one database: not run. The embedded database is opened by one process at a time, and its single ' +
      'session makes advisory locks exclude nothing; several instances are a PostgreSQL deployment. Set TEST_DATABASE_URL (CI does) to run it.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

/** Every row of a projection's tables, as JSON, in a stable order. */
async function rowsOf(manager: EntityManager, projection: Projection): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of projection.tables) {
    const rows = (await manager.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`)) as { row: string }[];
    tables[table] = rows.map((row) => row.row).sort();
  }
  return tables;
}

describeOnPostgres('two instances on one PostgreSQL database', () => {
  let database: IsolatedDatabase;
  let instances: NestExpressApplication[];
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await isolatedDatabase(postgres!);
    // The limits count in fixed one-minute windows: time stands still here, so that no window turns mid-test.
    const startedAt = Date.now();
    const stopped: Clock = { now: () => new Date(startedAt) };
    // The same shared keys (test-app's sharedKeys), as every instance on one database must hold.
    instances = [];
    for (let i = 0; i < 2; i += 1) instances.push(await createTestApp(database.url, { LOGIN_ATTEMPTS_PER_MINUTE: '5' }, stopped));
    pool = testPool(database.url, 2);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool?.end();
    for (const instance of instances ?? []) await instance.close();
    await database?.drop();
  });

  it('takes commands on both, and each projection is applied once: one runner holds it, its read model equals a replay of the events', async () => {
    const [first, second] = await Promise.all(instances.map(async (instance) => new ApiClient(await authorizedAgent(instance))));
    const tree = await foundDisciplineTree(first!);
    const members = [await tree.admitFull('Lê Văn Một'), await tree.admitFull('Trần Thị Hai')];
    const commission = tree.body(tree.province, 'inspection-commission');
    for (const [index, api] of [first!, second!].entries()) {
      const opened = await api.create('discipline-cases', { openedOn: '2025-03-01', subject: { kind: 'member', memberId: members[index]!.id } });
      await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Vi phạm quy định', committedOn: '2025-01-10', level: 'reprimand' });
      await second!.create('supervisions', {
        body: commission,
        subject: { kind: 'member', memberId: members[index]!.id },
        kind: 'thematic',
        plan: 'Kế hoạch giám sát 05-KH/UBKT',
        topic: `Chuyên đề ${index + 1}`,
        startedOn: '2025-08-01',
      });
    }
    await waitUntilProjected(pool, await committedHead(pool));

    const { rows: locks } = await pool.query<{ name: string; holders: number }>(
      `SELECT p.name, count(l.pid) FILTER (WHERE l.granted)::int AS holders
       FROM unnest($1::text[]) AS p(name)
       LEFT JOIN pg_locks l ON l.locktype = 'advisory' AND l.classid = $2 AND l.objid::bigint = (hashtext(p.name)::bigint & 4294967295)
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       GROUP BY p.name ORDER BY p.name`,
      [PROJECTIONS.map((projection) => projection.name), LOCK_SPACE.runner],
    );
    expect(locks).toEqual(PROJECTIONS.map((projection) => ({ name: projection.name, holders: 1 })).sort((a, b) => a.name.localeCompare(b.name)));

    const { pool: storePool, store } = openStore(database.url);
    const dataSource: DataSource = await createDataSource(database.url).initialize();
    try {
      const events: RecordedEvent[] = [];
      for (let checkpoint = START_OF_ALL; ;) {
        const read = await store.readAll(checkpoint, 1000);
        if (read.events.length === 0) break;
        events.push(...read.events);
        checkpoint = read.checkpoint;
      }
      for (const projection of PROJECTIONS) {
        const live = await withScope(dataSource, EVERYTHING, (manager) => rowsOf(manager, projection));
        const replayed = await readReplayed(dataSource, projection, events, EVERYTHING, (manager) => rowsOf(manager, projection));
        expect([projection.name, Object.values(live).flat().length > 0]).toEqual([projection.name, true]);
        expect([projection.name, live]).toEqual([projection.name, replayed]);
      }
    } finally {
      await dataSource.destroy();
      await storePool.end();
    }
  }, 120_000);

  it('reads a member admitted through one instance, with its name, through the other', async () => {
    const [first, second] = await Promise.all(instances.map(async (instance) => new ApiClient(await authorizedAgent(instance))));
    const province = await first!.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh Phú Thọ', code: 'PT', foundedOn: '1997-01-01' });
    const admitted = await first!.create('members', {
      organizationId: province.id,
      fullName: 'Nguyễn Thị Hồng',
      birthDate: '1988-09-02',
      admittedOn: '2015-05-19',
    });
    const read = await second!.view(`members/${admitted.id}`);
    expect(read.state).toMatchObject({ member: { fullName: 'Nguyễn Thị Hồng', birthDate: '1988-09-02' } });
  });

  it('shares the login limit: the attempts of one address through both instances count together', async () => {
    const address = `198.51.100.${randomInt(1, 255)}`;
    const attempt = (instance: NestExpressApplication) =>
      request(instance.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username: 'admin', password: 'a-wrong-guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await attempt(instances[i % 2]!)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt(instances[0]!)).status).toBe(429);
  });
});
