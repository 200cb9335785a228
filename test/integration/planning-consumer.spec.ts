import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import { consumerPool, PlanningConsumer } from '../../examples/planning-consumer/planning-consumer.js';
import type { NewEvent } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { waitUntilCommitSafe } from '../support/projections.js';
import { createTestApp, loginAs } from '../support/test-app.js';

/**
 * The sample downstream consumer (examples/planning-consumer) against the service over HTTP, keeping its
 * view and its checkpoint in a database of its own. The events are appended to the service's store as its
 * commands record them, with the fields the public-event policy reads.
 */
describe.each(testDatabases())('sample planning consumer following the HTTP feed on $name', (database) => {
  let service: IsolatedDatabase;
  let own: IsolatedDatabase;
  let app: NestExpressApplication;
  let servicePool: pg.Pool;
  let store: PostgresEventStore;
  let pool: pg.Pool;
  let options: { serviceUrl: string; token: string; pageSize: number };

  beforeAll(async () => {
    service = await isolatedDatabase(database);
    own = await isolatedDatabase(database);
    app = await createTestApp(service.url);
    await app.listen(0, '127.0.0.1');
    ({ pool: servicePool, store } = openStore(service.url));
    pool = consumerPool(own.url);
    const { port } = app.getHttpServer().address() as AddressInfo;
    // The planning office's account: the feed over the whole tree, nothing else.
    await app.get(Accounts).setUp('planning-office', 'planning-office-password', [{ role: 'integration', organizationId: null }]);
    options = { serviceUrl: `http://127.0.0.1:${port}`, token: await loginAs(app, 'planning-office', 'planning-office-password'), pageSize: 3 };
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool?.end();
    await servicePool?.end();
    await app?.close();
    await own?.drop();
    await service?.drop();
  });

  const organizationId = `org-${randomUUID().slice(0, 8)}`;
  const metadata = { actor: 'test', correlationId: organizationId };
  const append = (streamId: string, streamType: string, events: NewEvent[], expectedVersion: number | 'no-stream' = 'no-stream') =>
    store.append({ streamId, streamType, events, expectedVersion, metadata });

  async function member(memberId: string, full: boolean): Promise<void> {
    const events: NewEvent[] = [{ type: 'MemberAdmitted', data: { memberId, organizationId, admittedOn: '2020-01-01' } }];
    if (full) events.push({ type: 'MemberMadeFull', data: { memberId, madeFullOn: '2021-01-01' } });
    await append(`member-${memberId}`, 'member', events);
  }

  async function sanction(memberId: string, caseId: string): Promise<void> {
    const subject = {
      kind: 'member',
      memberId,
      membership: 'full',
      holdsPost: false,
      organizations: [{ organizationId, level: 'cell' }],
      committeeSeats: [],
      managedByCommitteeOf: null,
    };
    await append(`discipline-case-${caseId}`, 'discipline-case', [
      { type: 'DisciplineCaseOpened', data: { caseId, subject, openedOn: '2022-01-01' } },
      { type: 'DisciplineDecisionAnnounced', data: { announcedOn: '2022-02-01', effectiveOn: '2022-02-01' } },
    ]);
  }

  async function eligible(): Promise<string[]> {
    const { rows } = await pool.query<{ member_id: string }>('SELECT member_id FROM planning_eligible ORDER BY member_id');
    return rows.map((row) => row.member_id);
  }

  it('keeps the eligible members in its own table, and resumes from its own checkpoint after a restart', async () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((name) => `${organizationId}-${name}`) as [string, string, string, string, string];
    await append(`organization-${organizationId}`, 'organization', [
      { type: 'OrganizationFounded', data: { organizationId, level: 'cell', parentId: null, name: 'Cell', code: organizationId, foundedOn: '2019-01-01' } },
    ]);
    await member(a, true);
    await member(b, true);
    await member(c, false);
    await member(d, true);
    await member(e, true);
    await sanction(b, `${b}-case`);
    await append(`member-${d}`, 'member', [{ type: 'MemberExpelled', data: { memberId: d, expelledOn: '2023-01-01' } }], 2);
    await append(`member-${e}`, 'member', [{ type: 'PersonalDataErased', data: { memberId: e } }], 2);

    const consumer = new PlanningConsumer(pool, options);
    await consumer.migrate();
    await waitUntilCommitSafe(servicePool);
    expect(await consumer.catchUp()).toBeGreaterThan(0);
    expect(await eligible()).toEqual([a]);
    const { rows: erased } = await pool.query('SELECT 1 FROM planning_members WHERE member_id = $1', [e]);
    expect(erased).toEqual([]);

    // A new process on the same database starts from the stored cursor: nothing is applied twice.
    const restarted = new PlanningConsumer(pool, options);
    await restarted.migrate();
    expect(await restarted.catchUp()).toBe(0);

    await append(`member-${c}`, 'member', [{ type: 'MemberMadeFull', data: { memberId: c, madeFullOn: '2024-01-01' } }], 1);
    await waitUntilCommitSafe(servicePool);
    expect(await restarted.catchUp()).toBe(1);
    expect(await eligible()).toEqual([a, c]);
  }, 120_000);
});
