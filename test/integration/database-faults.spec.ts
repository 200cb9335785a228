import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request, { type Response } from 'supertest';
import { openClient, openPool } from '../../src/database/connections.js';
import { Database } from '../../src/database/database.js';
import { isDatabaseUnavailable } from '../../src/shared/database-unavailable.js';
import { START_OF_ALL } from '../../src/event-store/event-store.js';
import { APPENDED_CHANNEL } from '../../src/event-store/postgres/postgres-subscription.js';
import { memberStreamId } from '../../src/organizations/domain/member.decider.js';
import { organizationStreamId } from '../../src/organizations/domain/organization.decider.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, type TestDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const PROBLEM = 'application/problem+json';

/** What the service answered commands: the ids it acknowledged (2xx), and its refusals. */
class Ledger {
  readonly organizations: string[] = [];
  readonly members: string[] = [];
  readonly refusals: { status: number; type: string | undefined; code: unknown; retryAfter: string | undefined }[] = [];

  get acknowledged(): number {
    return this.organizations.length + this.members.length;
  }

  streams(): Set<string> {
    return new Set([...this.organizations.map(organizationStreamId), ...this.members.map(memberStreamId)]);
  }

  /** The id of what the command created, when acknowledged. */
  note(response: Response, ids: string[]): string | undefined {
    if (response.status >= 200 && response.status < 300) {
      const { id } = response.body as { id: string };
      ids.push(id);
      return id;
    }
    this.refusals.push({
      status: response.status,
      type: response.type,
      code: (response.body as { code?: unknown }).code,
      retryAfter: response.headers['retry-after'],
    });
    return undefined;
  }

  /** Refusals other than the one a database outage may give. */
  unexpected() {
    return this.refusals.filter(
      (refusal) => !(refusal.status === 503 && refusal.type === PROBLEM && refusal.code === 'database-unavailable' && refusal.retryAfter),
    );
  }
}

interface Service {
  readonly app: NestExpressApplication;
  readonly http: HttpAgent;
  ready(): Promise<Response>;
}

/** The whole service on `url`, listening on a port of its own as `npm start` does. */
async function startService(url: string): Promise<Service> {
  const app = await createTestApp(url, { RATE_LIMIT_PER_MINUTE: '1000000' });
  await app.listen(0, '127.0.0.1');
  const http = await authorizedAgent(app);
  return { app, http, ready: () => request(app.getHttpServer()).get('/health/ready') };
}

function foundProvince(http: HttpAgent, ledger: Ledger): Promise<string | undefined> {
  return http
    .post('/api/v1/organizations')
    .send({ level: 'province', name: 'Đảng bộ tỉnh thử', code: 'T', foundedOn: '1997-01-01' })
    .then((response) => ledger.note(response, ledger.organizations));
}

/** Founds a commune under the province, then admits a member to it; again and again until told to stop. */
async function commandsUntil(stopped: () => boolean, http: HttpAgent, provinceId: string, ledger: Ledger): Promise<void> {
  while (!stopped()) {
    const commune = await http
      .post('/api/v1/organizations')
      .send({ level: 'grassroots', parentId: provinceId, name: 'Đảng bộ xã thử', code: 'X', foundedOn: '2025-07-01' })
      .then((response) => ledger.note(response, ledger.organizations));
    if (!commune) continue;
    await http
      .post('/api/v1/members')
      .send({ organizationId: commune, fullName: 'Nguyễn Văn Thử', birthDate: '1985-04-02', admittedOn: '2025-07-15' })
      .then((response) => ledger.note(response, ledger.members));
  }
}

async function storedStreams(pool: pg.Pool, streamIds: Set<string>): Promise<Set<string>> {
  const { rows } = await pool.query<{ stream_id: string }>('SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[])', [[...streamIds]]);
  return new Set(rows.map((row) => row.stream_id));
}

/** Waits until every projection of the service has applied every event committed so far. */
async function projectionsCaughtUp(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0) AS head FROM events');
  const head = Number(rows[0]!.head);
  const names = PROJECTIONS.map((projection) => projection.name);
  await eventually(
    async () =>
      (
        await pool.query<{ name: string; position: string }>(
          'SELECT name, global_position AS position FROM projection_checkpoints WHERE name = ANY($1::text[])',
          [names],
        )
      ).rows,
    (checkpoints) => names.every((name) => Number(checkpoints.find((checkpoint) => checkpoint.name === name)?.position ?? -1) >= head),
    (checkpoints) => `head ${head}, checkpoints ${JSON.stringify(checkpoints)}`,
  );
}

function expectDatabaseUnavailable(response: Response): void {
  expect({ status: response.status, type: response.type, code: (response.body as { code?: unknown }).code }).toEqual({
    status: 503,
    type: PROBLEM,
    code: 'database-unavailable',
  });
}

function databaseName(database: IsolatedDatabase): string {
  return new URL(database.url).pathname.slice(1);
}

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'database faults: the case of terminated connections is not run. The embedded PGlite is one session inside this process, ' +
      'with no backend to terminate. Set TEST_DATABASE_URL (CI does) to run it.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

describeOnPostgres('the service while PostgreSQL ends its connections', () => {
  const LANES = 6;
  /** How long the backends keep being terminated. */
  const STORM_MS = 3000;
  let isolated: IsolatedDatabase;
  let service: Service;
  let pool: pg.Pool;
  let admin: pg.Client;

  beforeAll(async () => {
    isolated = await isolatedDatabase(postgres!);
    service = await startService(isolated.url);
    pool = openPool(isolated.url, { max: 2 });
    admin = openClient(postgres!.url);
    await admin.connect();
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await service?.app.close();
    await pool?.end();
    await admin?.end();
    await isolated?.drop();
  });

  /** Ends every session of the database but the caller's, over and over for `ms`; how many it ended. */
  async function terminateBackends(database: string, ms: number): Promise<number> {
    let ended = 0;
    const until = Date.now() + ms;
    do {
      const { rows } = await admin.query<{ ended: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      ended += rows.filter((row) => row.ended).length;
      // The rhythm of the fault, not a wait for a state: sessions reopen in between, and are ended again.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < until);
    return ended;
  }

  it('stays up, refuses with 503 problem+json meanwhile, is ready within 5 s after, keeps every acknowledged command, and its projections catch up', async () => {
    const ledger = new Ledger();
    const provinces = await Promise.all(Array.from({ length: LANES }, () => foundProvince(service.http, ledger)));
    expect(ledger.refusals).toEqual([]);
    let stopped = false;
    const lanes = provinces.map((province) => commandsUntil(() => stopped, service.http, province!, ledger));

    await eventually(
      async () => ledger.acknowledged,
      (acknowledged) => acknowledged >= LANES * 4,
    );
    const ended = await terminateBackends(databaseName(isolated), STORM_MS);
    const stormOver = Date.now();
    const acknowledgedInStorm = ledger.acknowledged;
    await eventually(
      service.ready,
      (response) => response.status === 200,
      (response) => `${response.status}`,
    );
    const readyAfterMs = Date.now() - stormOver;
    await eventually(
      async () => ledger.acknowledged,
      (acknowledged) => acknowledged >= acknowledgedInStorm + LANES * 2,
    );
    stopped = true;
    await Promise.all(lanes);

    expect(ended).toBeGreaterThan(0);
    expect(ledger.unexpected()).toEqual([]);
    expect(ledger.refusals.length).toBeGreaterThan(0);
    expect(readyAfterMs).toBeLessThan(5000);
    expect(await storedStreams(pool, ledger.streams())).toEqual(ledger.streams());
    await projectionsCaughtUp(pool);
    const directory = JSON.stringify((await service.http.get('/api/v1/organizations').expect(200)).body);
    expect(ledger.organizations.filter((id) => !directory.includes(id))).toEqual([]);
    await request(service.app.getHttpServer()).get('/health/live').expect(200);
  }, 120_000);

  it('resumes a subscription from its checkpoint after its connections are ended, listening again for wake-ups', async () => {
    const own = await isolatedDatabase(postgres!);
    const subscriber = openStore(own.url);
    const seen: number[] = [];
    const reported: unknown[] = [];
    const streamId = `subscribed-${Date.now()}`;
    const subscription = subscriber.store.subscribeToAll({
      from: START_OF_ALL,
      pollIntervalMs: 200,
      onEvents: async (events) => {
        seen.push(...events.filter((event) => event.streamId === streamId).map((event) => event.streamVersion));
      },
      onError: (error) => reported.push(error),
    });
    const listening = async (since: Date) =>
      Number(
        (
          await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1 AND query = $2 AND backend_start > $3', [
            databaseName(own),
            `LISTEN ${APPENDED_CHANNEL}`,
            since,
          ])
        ).rows[0]!.count,
      );
    const writers: pg.Pool[] = [];
    const append = async (version: number) => {
      // A fresh pool each time: the point is the subscriber's recovery, not the writer's.
      const writer = openStore(own.url);
      writers.push(writer.pool);
      await writer.store.append({
        streamId,
        streamType: 'probe',
        events: [{ type: 'Probed', data: {} }],
        expectedVersion: version === 1 ? 'no-stream' : version - 1,
        metadata: { actor: 'faults-test', correlationId: 'faults-test' },
      });
    };
    try {
      await eventually(
        () => listening(new Date(0)),
        (count) => count === 1,
      );
      await append(1);
      await eventually(
        async () => [...seen],
        (versions) => versions.join() === '1',
      );
      const before = (await admin.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
      expect(await terminateBackends(databaseName(own), 0)).toBeGreaterThan(0);
      await eventually(
        () => listening(before),
        (count) => count === 1,
      );
      await append(2);
      await eventually(
        async () => [...seen],
        (versions) => versions.join() === '1,2',
      );
      expect(reported.length).toBeLessThanOrEqual(1);
      expect(reported.every(isDatabaseUnavailable)).toBe(true);
    } finally {
      await subscription.stop();
      await Promise.all([subscriber.pool, ...writers].map((pool) => pool.end()));
      await own.drop();
    }
  }, 60_000);

  it('outlives its database being dropped (forced) under its idle connections', async () => {
    const doomed = await isolatedDatabase(postgres!);
    const database = await Database.open({ databaseUrl: doomed.url, dataDir: '' });
    const readModels = await ReadModels.open(doomed.url, 2);
    const testPool = openPool(doomed.url, { max: 2 });
    const typeormPool = (readModels.dataSource.driver as unknown as { master: pg.Pool }).master;
    try {
      await Promise.all([database.pool.query('SELECT 1'), readModels.dataSource.query('SELECT 1'), testPool.query('SELECT 1')]);
      expect([database.pool, typeormPool, testPool].map((pool) => pool.idleCount)).toEqual([1, 1, 1]);
      await doomed.drop({ force: true });
      await eventually(
        async () => [database.pool, typeormPool, testPool].map((pool) => pool.totalCount),
        (open) => open.every((count) => count === 0),
      );
    } finally {
      await testPool.end();
      await readModels.close();
      await database.close();
    }
  });
});

describe.each(testDatabases())('the service behind a network that goes silent on $name', (database: TestDatabase) => {
  let isolated: IsolatedDatabase;
  let proxy: TcpProxy;
  let service: Service;
  let pool: pg.Pool;

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    proxy = await TcpProxy.start(isolated.url);
    service = await startService(proxy.url);
    pool = openPool(isolated.url, { max: 2 });
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    proxy?.resumeForwarding();
    await service?.app.close();
    await pool?.end();
    await proxy?.close();
    await isolated?.drop();
  });

  it('answers /health/ready 503 within 2 s while nothing answers, and recovers once the network forwards again', async () => {
    const ledger = new Ledger();
    expect((await service.ready()).status).toBe(200);
    const province = await foundProvince(service.http, ledger);
    expect(province).toBeDefined();

    proxy.stopForwarding();
    const sentWhileSilent = foundProvince(service.http, ledger);
    for (let probe = 0; probe < 2; probe++) {
      const started = performance.now();
      const response = await service.ready();
      expect(performance.now() - started).toBeLessThan(2000);
      expectDatabaseUnavailable(response);
    }

    proxy.resumeForwarding();
    const resumed = Date.now();
    await eventually(
      service.ready,
      (response) => response.status === 200,
      (response) => `${response.status}`,
    );
    expect(Date.now() - resumed).toBeLessThan(5000);
    await sentWhileSilent;
    expect(ledger.unexpected()).toEqual([]);
    expect(await foundProvince(service.http, ledger)).toBeDefined();
    expect(await storedStreams(pool, ledger.streams())).toEqual(ledger.streams());
    await projectionsCaughtUp(pool);
  }, 120_000);
});
