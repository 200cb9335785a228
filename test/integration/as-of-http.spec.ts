import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import type { EventMetadata, NewEvent } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { ApiClient } from '../support/api-client.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const metadata: EventMetadata = { actor: 'as-of-test', correlationId: 'as-of-test' };
const RULES_2019 = 'qd102-2017+qd07-2018+qd30-2016';

function on(day: string, data: Record<string, unknown>, type: string): NewEvent {
  return { type, data, occurredAt: new Date(`${day}T09:00:00.000Z`) };
}

type Body = Record<string, unknown>;
const sanctions = (body: Body) => body.sanctions as Record<'inEffect' | 'awaitingAnnouncement' | 'lapsed' | 'annulled', Body[]>;

/**
 * Events of 2019 recorded today (a late entry of paper files): valid time and record time part ways, and
 * the "as of" answers are replayed from the events, not read from the live tables.
 */
describe.each(testDatabases())('as-of queries (valid time and record time) on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let app: NestExpressApplication;
  let api: ApiClient;
  const organizationId = randomUUID();
  const memberId = randomUUID();
  const caseId = randomUUID();
  let yesterday: string;
  let beforeLapseWasRecorded: string;

  async function append(streamId: string, streamType: string, events: NewEvent[]): Promise<void> {
    await store.append({ streamId, streamType, events, expectedVersion: 'any', metadata });
  }

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await append(`organization-${organizationId}`, 'organization', [
      on('2015-01-01', { organizationId, level: 'grassroots', parentId: null, name: 'Đảng bộ xã', code: 'X', foundedOn: '2015-01-01' }, 'OrganizationFounded'),
    ]);
    await append(`member-${memberId}`, 'member', [
      on('2015-03-01', { memberId, organizationId, fullName: 'Nguyễn Văn A', birthDate: '1980-01-01', admittedOn: '2015-03-01' }, 'MemberAdmitted'),
      on('2016-03-01', { memberId, madeFullOn: '2016-03-01' }, 'MemberMadeFull'),
    ]);
    const body = { organizationId, level: 'grassroots', bodyKind: 'executive-committee' };
    const subject = {
      kind: 'member',
      memberId,
      membership: 'full',
      holdsPost: false,
      organizations: [{ organizationId, level: 'grassroots' }],
      committeeSeats: [],
      managedByCommitteeOf: null,
    };
    await append(`discipline-case-${caseId}`, 'discipline-case', [
      on('2019-04-01', { caseId, openedOn: '2019-04-01', inspectionId: null, subject }, 'DisciplineCaseOpened'),
      on(
        '2019-04-02',
        {
          violationId: randomUUID(),
          description: 'Vi phạm',
          committedOn: '2019-03-15',
          level: 'warning',
          graveOffences: [],
          concernsTaskAssignedByHigherLevel: false,
        },
        'ViolationRecorded',
      ),
      on(
        '2019-05-10',
        {
          form: 'warning',
          decidingBody: body,
          decisionNumber: '01-QĐ/ĐU',
          signedOn: '2019-05-10',
          ruleVersion: RULES_2019,
          authorityGrant: 'grassroots-committee-reprimand-warning',
          limitationLastDate: '2024-03-15',
          announcementDueOn: '2019-05-25',
          citations: [],
        },
        'DisciplineDecisionIssued',
      ),
      on(
        '2019-05-20',
        {
          announcedOn: '2019-05-20',
          effectiveOn: '2019-05-20',
          basis: 'announcement',
          announcementDueOn: '2019-05-25',
          announcedLate: false,
          ruleVersion: RULES_2019,
        },
        'DisciplineDecisionAnnounced',
      ),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeLapseWasRecorded = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await append(`discipline-case-${caseId}`, 'discipline-case', [
      on(
        '2020-05-20',
        { lapsedOn: '2020-05-20', recordedOn: '2020-05-21', ruleVersion: RULES_2019, citation: { document: 'QĐ 102', article: 'art. 2' } },
        'DisciplineDecisionLapsed',
      ),
    ]);
    app = await createTestApp(isolated.url);
    api = new ApiClient(await authorizedAgent(app));
    await waitUntilProjected(pool, await committedHead(pool));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await isolated?.drop();
  });

  const record = async (query: string) => (await api.get(`members/${memberId}/record?${query}`).expect(200)).body as Body;

  it('answers what was true on a day (valid time) from events recorded later', async () => {
    expect(await record('asOf=2019-04-15')).toMatchObject({
      on: '2019-04-15',
      openCases: [{ caseId, limitationLastDate: expect.any(String), ruleVersion: RULES_2019 }],
    });
    expect(sanctions(await record('asOf=2019-05-15'))).toMatchObject({ inEffect: [], awaitingAnnouncement: [{ caseId, form: 'warning' }] });
    const inEffect = await record('asOf=2019-06-01');
    expect(sanctions(inEffect)).toMatchObject({ inEffect: [{ caseId, effectiveOn: '2019-05-20', ruleVersion: RULES_2019 }], lapsed: [] });
    expect(sanctions(await record('asOf=2020-06-01'))).toMatchObject({ inEffect: [], lapsed: [{ caseId, lapsedOn: '2020-05-20', effectiveOn: '2019-05-20' }] });
  });

  it('answers what was known at an instant (record time): nothing of it yesterday, though it occurred in 2019', async () => {
    const knownYesterday = await record(`asOf=2019-06-01&knownAt=${yesterday}`);
    expect(knownYesterday).toMatchObject({ membership: 'not-admitted', openCases: [], sanctions: { inEffect: [], lapsed: [] } });
    expect(sanctions(await record(`asOf=2019-06-01&knownAt=${new Date().toISOString()}`)).inEffect).toHaveLength(1);
  });

  it('QĐ 69 art. 2 cl. 5: the lapse follows from the dates, so mid-2020 shows the warning lapsed even as known before the lapse act was recorded', async () => {
    expect(sanctions(await record(`asOf=2020-06-01&knownAt=${beforeLapseWasRecorded}`))).toMatchObject({
      inEffect: [],
      lapsed: [{ caseId, lapsedOn: '2020-05-20' }],
    });
    expect(sanctions(await record(`asOf=2020-05-19&knownAt=${beforeLapseWasRecorded}`))).toMatchObject({
      inEffect: [{ caseId, lapsesOn: '2020-05-20' }],
      lapsed: [],
    });
    expect(sanctions(await record('asOf=2020-06-01'))).toMatchObject({ inEffect: [], lapsed: [{ caseId }] });
  });

  it('replays the organization history through its projection: by valid time, by record time, and equal to the live one without a bound', async () => {
    const history = (query: string) => api.get(`organizations/${organizationId}/history?${query}`);
    const april = await history('asOf=2019-04-30').expect(200);
    expect(april.body.items.map((e: Body) => e.eventType)).toEqual(['ViolationRecorded', 'DisciplineCaseOpened']);
    await history(`knownAt=${yesterday}`).expect(404);
    const live = await history('').expect(200);
    const replayed = await history(`knownAt=${new Date().toISOString()}`).expect(200);
    expect(replayed.body).toEqual(live.body);
    expect(live.body.total).toBe(5);
  });

  it('answers 400 to a knownAt without a time zone and 404 to a member never recorded', async () => {
    await api.get(`members/${memberId}/record?knownAt=2026-01-01T00:00:00`).expect(400);
    await api.get(`organizations/${organizationId}/history?asOf=2019-02-29`).expect(400);
    await api.get(`members/${randomUUID()}/record?asOf=2019-06-01`).expect(404);
  });
});
