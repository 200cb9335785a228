import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import type { EventMetadata, NewEvent } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { organizationHistoryProjection } from '../../src/projections/organization-history/organization-history.projection.js';
import { isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const metadata: EventMetadata = { actor: 'history-test', correlationId: 'history-test' };

function at(day: string): Date {
  return new Date(`${day}T09:00:00.000Z`);
}

describe.each(testDatabases())('projections over HTTP on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let app: NestExpressApplication;
  let http: HttpAgent;
  const id = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
  const district = id('district');
  const commune = id('commune');
  const cell = id('cell');
  const otherDistrict = id('other');
  const member = id('member');

  async function append(streamId: string, streamType: string, events: NewEvent[]): Promise<void> {
    await store.append({ streamId, streamType, events, expectedVersion: 'any', metadata });
  }

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    const founded = (organizationId: string, parentId: string | null, level: string) => ({
      type: 'OrganizationFounded',
      data: { organizationId, level, parentId, name: organizationId, code: organizationId, foundedOn: '2015-01-01' },
    });
    await append(district, 'organization', [founded(district, null, 'district')]);
    await append(commune, 'organization', [founded(commune, district, 'grassroots')]);
    await append(cell, 'organization', [founded(cell, commune, 'cell')]);
    await append(otherDistrict, 'organization', [founded(otherDistrict, null, 'district')]);
    await append(member, 'member', [
      { type: 'MemberAdmitted', data: { memberId: member, organizationId: cell, fullName: 'Nguyễn Văn A', birthDate: '1980-01-01', admittedOn: '2010-05-01' } },
    ]);
    const body = { organizationId: district, bodyKind: 'inspection-commission' };
    await append(id('inspection'), 'inspection', [
      {
        type: 'InspectionProposed',
        data: {
          inspectionId: 'i1',
          body,
          subject: { kind: 'member', memberId: member },
          kind: 'suspected-violation',
          escalatedFromSupervisionId: null,
          grounds: 'signs',
          proposedOn: '2019-03-01',
        },
        occurredAt: at('2019-03-01'),
      },
      {
        type: 'InspectionConcluded',
        data: {
          inspectionId: 'i1',
          concludedOn: '2019-04-10',
          violationFound: true,
          severity: 'minor',
          findings: 'f',
          recommendations: [],
          proposeDiscipline: true,
        },
        occurredAt: at('2019-04-10'),
      },
    ]);
    await append(id('supervision'), 'supervision', [
      {
        type: 'SupervisionStarted',
        data: {
          supervisionId: 's1',
          body,
          subject: { kind: 'organization', organizationId: commune },
          kind: 'thematic',
          plan: 'p',
          topic: 't',
          startedOn: '2019-02-01',
        },
        occurredAt: at('2019-02-01'),
      },
    ]);
    await append(id('supervision'), 'supervision', [
      {
        type: 'SupervisionStarted',
        data: {
          supervisionId: 's2',
          body,
          subject: { kind: 'organization', organizationId: otherDistrict },
          kind: 'regular',
          plan: 'p',
          topic: null,
          startedOn: '2019-02-02',
        },
        occurredAt: at('2019-02-02'),
      },
    ]);
    await append(id('quality'), 'quality-classification', [
      {
        type: 'QualityClassified',
        data: { subject: { kind: 'organization', organizationId: district }, year: 2018, body, rating: 'good', classifiedOn: '2019-01-15' },
        occurredAt: at('2019-01-15'),
      },
    ]);
    await append(id('case'), 'discipline-case', [
      {
        type: 'DisciplineCaseOpened',
        data: {
          caseId: 'c1',
          openedOn: '2019-05-01',
          inspectionId: 'i1',
          subject: {
            kind: 'member',
            memberId: member,
            membership: 'full',
            holdsPost: false,
            organizations: [{ organizationId: cell, level: 'cell' }],
            committeeSeats: [],
            managedByCommitteeOf: null,
          },
        },
        occurredAt: at('2019-05-01'),
      },
    ]);
    await append(member, 'member', [
      {
        type: 'MemberRemovedFromRoll',
        data: { memberId: member, ground: 'no-activity-or-dues-3-months', removedOn: '2020-06-01' },
        occurredAt: at('2020-06-01'),
      },
    ]);
    app = await createTestApp(isolated.url);
    http = await authorizedAgent(app);
    await waitUntilProjected(pool, await committedHead(pool), [organizationHistoryProjection.name]);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await isolated?.drop();
  });

  it('lists each projection with its version, status, checkpoint and lag, documented in OpenAPI', async () => {
    // Past the events, the runner reports live once its next read finds nothing more.
    const history = await eventually(
      async () => ((await http.get('/api/v1/projections').expect(200)).body as Record<string, unknown>[]).find((p) => p.name === 'organization-history')!,
      (status) => status.status === 'live',
    );
    const { version } = organizationHistoryProjection;
    expect(history).toMatchObject({ name: 'organization-history', version, storedVersion: version, status: 'live', lag: 0 });
    expect(history.checkpoint).toEqual({ transactionId: expect.stringMatching(/^\d+$/), globalPosition: expect.any(Number) });
    const doc = await http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/projections', '/api/v1/organizations/{id}/history']));
  });

  it('answers the history of an organization, of its members, and of its subtree', async () => {
    const own = await http.get(`/api/v1/organizations/${cell}/history`).expect(200);
    expect(own.body.items.map((e: { eventType: string }) => e.eventType)).toEqual([
      'MemberRemovedFromRoll',
      'DisciplineCaseOpened',
      'InspectionConcluded',
      'InspectionProposed',
    ]);
    expect(own.body.items[0]).toMatchObject({ organizationId: cell, memberId: member, kind: 'removal', occurredAt: '2020-06-01T09:00:00.000Z' });
    expect(JSON.stringify(own.body)).not.toContain('Nguyễn');

    const district_ = await http.get(`/api/v1/organizations/${district}/history`).expect(200);
    expect(district_.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['QualityClassified']);

    const subtree = await http.get(`/api/v1/organizations/${district}/history?subtree=true`).expect(200);
    expect(subtree.body.total).toBe(6);
    expect(new Set(subtree.body.items.map((e: { organizationId: string }) => e.organizationId))).toEqual(new Set([district, commune, cell]));
  });

  it('filters by kind and by date, and pages', async () => {
    const base = `/api/v1/organizations/${district}/history?subtree=true`;
    const kinds = await http.get(`${base}&kind=inspection,supervision`).expect(200);
    expect(kinds.body.items.map((e: { kind: string }) => e.kind).sort()).toEqual(['inspection', 'inspection', 'supervision']);
    const dated = await http.get(`${base}&from=2019-02-01&to=2019-04-10`).expect(200);
    expect(dated.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['InspectionConcluded', 'InspectionProposed', 'SupervisionStarted']);
    const page2 = await http.get(`${base}&page=2&pageSize=4`).expect(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 4, total: 6 });
    expect(page2.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['SupervisionStarted', 'QualityClassified']);
  });

  it.each([
    ['an unknown kind', 'kind=sanction'],
    ['a page below 1', 'page=0'],
    ['a page size over 200', 'pageSize=500'],
    ['an impossible date', 'from=2019-02-30'],
    ['a date with a time', 'to=2019-02-01T00:00:00Z'],
    ['from after to', 'from=2020-01-02&to=2020-01-01'],
    ['subtree not a boolean', 'subtree=yes'],
    ['an unknown parameter', 'sort=asc'],
  ])('answers 400 to %s', async (_case, query) => {
    const response = await http.get(`/api/v1/organizations/${district}/history?${query}`).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'validation-failed' });
  });

  it('answers 404 for an organization it does not know', async () => {
    await http.get('/api/v1/organizations/no-such-organization/history').expect(404);
  });
});
