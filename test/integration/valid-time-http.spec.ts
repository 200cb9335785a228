import type { NestExpressApplication } from '@nestjs/platform-express';
import { Database } from '../../src/database/database.js';
import { EventStore } from '../../src/event-store/event-store.js';
import type { DisciplineStatistics } from '../../src/projections/discipline-statistics/discipline-statistics.query.js';
import { ApiClient, type View } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

type Body = Record<string, unknown>;
const eventTypes = (body: Body) => (body.items as Body[]).map((entry) => entry.eventType);
const sanctions = (body: Body) => body.sanctions as Record<'inEffect' | 'awaitingAnnouncement' | 'lapsed' | 'annulled', Body[]>;

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Acts of 2023 recorded today through the API, each dated by its own legal date: an inspection proposed on
 * 1 February and decided on 6 February, a case opened on 1 March about a violation of 20 November 2022,
 * voted on 10 March, a warning signed on 15 March and announced on 20 March. 17 March lies between the
 * decision and its announcement.
 */
describe.each(testDatabases())("an act's valid time is its legal date, over HTTP on $name", (database) => {
  let isolated: IsolatedDatabase;
  let app: NestExpressApplication;
  let api: ApiClient;
  let commune: View;
  let member: View;
  let caseId: string;
  let beforeAnything: string;
  let beforeAnnouncementWasRecorded: string;
  let startedAt: number;

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    app = await createTestApp(isolated.url);
    api = new ApiClient(await authorizedAgent(app));
    startedAt = Date.now();
    beforeAnything = new Date().toISOString();
    await pause();
    const tree = await foundDisciplineTree(api);
    commune = tree.commune;
    member = await tree.admitFull('Nguyễn Văn Hùng');
    const inspector = await tree.admitFull('Lê Thị Hoa');

    const inspection = await api.create('inspections', {
      body: tree.body(commune, 'inspection-commission'),
      subject: { kind: 'member', memberId: member.id },
      kind: 'suspected-violation',
      grounds: 'Đơn tố cáo về việc giao khoán đất công ích',
      proposedOn: '2023-02-01',
    });
    await api.command(`inspections/${inspection.id}/decide`, {
      decisionNumber: '03-QĐ/UBKT',
      decidedOn: '2023-02-06',
      scope: 'Quản lý đất công ích',
      period: { from: '2022-01-01', to: '2022-12-31' },
      teamMemberIds: [inspector.id],
    });

    const committee = tree.body(commune, 'executive-committee');
    caseId = (await api.create('discipline-cases', { openedOn: '2023-03-01', subject: { kind: 'member', memberId: member.id } })).id;
    await api.command(`discipline-cases/${caseId}/violations`, {
      description: 'Giao khoán đất công ích trái quy định',
      committedOn: '2022-11-20',
      level: 'warning',
    });
    await api.command(`discipline-cases/${caseId}/ballots`, {
      stage: 'decision',
      body: committee,
      heldOn: '2023-03-10',
      excluded: [],
      abstentions: 0,
      votes: { warning: 8 },
      fullMembers: 12,
      present: 12,
      againstDiscipline: 4,
    });
    await api.command(`discipline-cases/${caseId}/sanction`, { form: 'warning', decidingBody: committee, decisionNumber: '05-QĐ/ĐU', signedOn: '2023-03-15' });
    await pause();
    beforeAnnouncementWasRecorded = new Date().toISOString();
    await pause();
    await api.command(`discipline-cases/${caseId}/announce`, { announcedOn: '2023-03-20' });
    const { pool } = app.get(Database);
    await waitUntilProjected(pool, await committedHead(pool));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await isolated?.drop();
  });

  const history = async (query: string) => (await api.get(`organizations/${commune.id}/history?${query}`).expect(200)).body as Body;
  const record = async (query: string) => (await api.get(`members/${member.id}/record?${query}`).expect(200)).body as Body;
  const statistics = async (query: string) =>
    (await api.get(`reports/discipline-statistics?from=2023-01-01&to=2023-12-31&organizationId=${commune.id}&${query}`).expect(200))
      .body as DisciplineStatistics;

  it('stores each act with occurred-at at midnight UTC of its legal date, and recorded-at at the time of recording', async () => {
    const stored = await app.get(EventStore).readStream(`discipline-case-${caseId}`);
    expect(stored.map((event) => [event.type, event.occurredAt.toISOString()])).toEqual([
      ['DisciplineCaseOpened', '2023-03-01T00:00:00.000Z'],
      ['ViolationRecorded', '2022-11-20T00:00:00.000Z'],
      ['BallotRecorded', '2023-03-10T00:00:00.000Z'],
      ['DisciplineDecisionIssued', '2023-03-15T00:00:00.000Z'],
      ['DisciplineDecisionAnnounced', '2023-03-20T00:00:00.000Z'],
    ]);
    expect(stored.every((event) => event.recordedAt.getTime() >= startedAt)).toBe(true);
    const [admitted] = await app.get(EventStore).readStream(`member-${member.id}`);
    expect(admitted?.occurredAt.toISOString()).toBe('2010-03-01T00:00:00.000Z');
  });

  it('organization history as of a day between two acts includes the earlier act and not the later one, ordered by legal date', async () => {
    expect(eventTypes(await history('asOf=2023-03-17'))).toEqual([
      'DisciplineDecisionIssued',
      'BallotRecorded',
      'DisciplineCaseOpened',
      'InspectionDecided',
      'InspectionProposed',
      'ViolationRecorded',
    ]);
    expect(eventTypes(await history('asOf=2023-03-20'))[0]).toBe('DisciplineDecisionAnnounced');
    // The violation of 2022 is in no case file yet: the replay reaches it through the case, opened in March.
    expect(eventTypes(await history('asOf=2023-02-03'))).toEqual(['InspectionProposed']);
  });

  it('organization history known at an instant holds what was recorded by then, whatever the legal dates', async () => {
    const known = eventTypes(await history(`knownAt=${beforeAnnouncementWasRecorded}`));
    expect(known).toContain('DisciplineDecisionIssued');
    expect(known).not.toContain('DisciplineDecisionAnnounced');
    // Announced on 20 March, but not yet recorded at that instant.
    expect(eventTypes(await history(`asOf=2023-03-31&knownAt=${beforeAnnouncementWasRecorded}`))).not.toContain('DisciplineDecisionAnnounced');
    await api.get(`organizations/${commune.id}/history?knownAt=${beforeAnything}`).expect(404);
  });

  it('the live organization history filters its from/to by legal date', async () => {
    expect((await history('')).total).toBe(7);
    const march = await history('from=2023-03-01&to=2023-03-15');
    expect(eventTypes(march)).toEqual(['DisciplineDecisionIssued', 'BallotRecorded', 'DisciplineCaseOpened']);
    expect((march.items as Body[])[0]).toMatchObject({ occurredAt: '2023-03-15T00:00:00.000Z' });
    expect(eventTypes(await history('to=2022-12-31'))).toEqual(['ViolationRecorded']);
  });

  it('member record as of a day between signing and announcement shows the warning awaiting announcement, then in effect', async () => {
    expect(await record('asOf=2023-02-15')).toMatchObject({ membership: 'full', openCases: [], sanctions: { inEffect: [], awaitingAnnouncement: [] } });
    expect(await record('asOf=2023-03-05')).toMatchObject({ openCases: [{ caseId, openedOn: '2023-03-01' }] });
    expect(sanctions(await record('asOf=2023-03-17'))).toMatchObject({ inEffect: [], awaitingAnnouncement: [{ caseId, signedOn: '2023-03-15' }] });
    expect(sanctions(await record('asOf=2023-03-20'))).toMatchObject({ inEffect: [{ caseId, effectiveOn: '2023-03-20' }], awaitingAnnouncement: [] });
  });

  it('member record known at an instant before the announcement was recorded still awaits it, though it occurred by asOf', async () => {
    expect(sanctions(await record(`asOf=2023-03-31&knownAt=${beforeAnnouncementWasRecorded}`))).toMatchObject({
      inEffect: [],
      awaitingAnnouncement: [{ caseId }],
    });
    expect(await record(`knownAt=${beforeAnything}`)).toMatchObject({ membership: 'not-admitted', openCases: [] });
  });

  it('discipline statistics as of a day between two acts count the earlier act and not the later one', async () => {
    const early = await statistics('asOf=2023-02-03');
    expect(early.inspections.byInspectionCommissions.members.onSignsOfViolation).toBe(0);
    const between = await statistics('asOf=2023-03-17');
    expect(between.inspections.byInspectionCommissions.members.onSignsOfViolation).toBe(1);
    expect(between.sanctions.members.total).toBe(0);
    const after = await statistics('asOf=2023-03-20');
    expect(after.sanctions.members).toMatchObject({ total: 1, byForm: { warning: 1 } });
    expect((await statistics(`knownAt=${beforeAnnouncementWasRecorded}`)).sanctions.members.total).toBe(0);
  });
});
