import type { NestExpressApplication } from '@nestjs/platform-express';
import { Accounts } from '../../src/accounts/accounts.js';
import { Database } from '../../src/database/database.js';
import { addDays, defaultRulebook, lapseDate, planningBarUntil } from '../../src/rulebook/index.js';
import { ServiceCalendar } from '../../src/shared/calendar.js';
import { SystemClock } from '../../src/shared/clock.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

/** The day records and alerts count from: the service calendar's, in its default time zone, not UTC's. */
const today = new ServiceCalendar(new SystemClock(), 'Asia/Ho_Chi_Minh').today();
const daysAgo = (days: number) => addDays(today, -days);

type Item = Record<string, unknown>;

const items = (body: Item) => body.items as Item[];

describe.each(testDatabases())('member record, work lists and alerts over HTTP on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;
  let warned: View;
  let underCase: View;
  let awaiting: View;
  let inspection: View;
  const cases: Record<string, string> = {};
  const read = async (path: string) => (await api.get(path).expect(200)).body as Item;

  const committee = () => tree.body(tree.commune, 'executive-committee');
  const ballot = (form: string) => ({
    stage: 'decision',
    body: committee(),
    heldOn: daysAgo(12),
    excluded: [],
    abstentions: 0,
    votes: { [form]: 8 },
    fullMembers: 12,
    present: 12,
    againstDiscipline: 4,
  });

  async function decided(memberId: string, signedOn: string): Promise<string> {
    const opened = await api.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId } });
    await api.command(`discipline-cases/${opened.id}/violations`, {
      description: 'Sử dụng xe công vào việc riêng',
      committedOn: daysAgo(200),
      level: 'warning',
    });
    await api.command(`discipline-cases/${opened.id}/ballots`, ballot('warning'));
    await api.command(`discipline-cases/${opened.id}/sanction`, { form: 'warning', decidingBody: committee(), decisionNumber: '06-QĐ/ĐU', signedOn });
    return opened.id;
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
    warned = await tree.admitFull('Nguyễn Văn Hùng');
    underCase = await tree.admitFull('Trần Thị Lan');
    awaiting = await tree.admitFull('Phạm Văn Minh');
    cases.warned = await decided(warned.id, daysAgo(10));
    await api.command(`discipline-cases/${cases.warned}/announce`, { announcedOn: daysAgo(5) });
    const open = await api.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId: underCase.id } });
    await api.command(`discipline-cases/${open.id}/violations`, { description: 'Vắng sinh hoạt không lý do', committedOn: daysAgo(200), level: 'reprimand' });
    cases.open = open.id;
    cases.awaiting = await decided(awaiting.id, daysAgo(3));
    const proposed = await api.create('inspections', {
      body: tree.body(tree.commune, 'inspection-commission'),
      subject: { kind: 'member', memberId: underCase.id },
      kind: 'suspected-violation',
      grounds: 'Đơn phản ánh',
      proposedOn: daysAgo(110),
    });
    inspection = await api.command(`inspections/${proposed.id}/decide`, {
      decisionNumber: '09-QĐ/UBKT',
      decidedOn: daysAgo(100),
      scope: 'Quản lý đất',
      period: { from: '2024-01-01', to: '2025-12-31' },
      teamMemberIds: [warned.id],
    });
    await app.get(Accounts).setUp('viewer-read-models', 'viewer-password-1', [{ role: 'viewer', organizationId: null }]);
    const { pool } = app.get(Database);
    await waitUntilProjected(pool, await committedHead(pool));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('keeps a member record: a warning in effect with its lapse date and the planning bar of the pinned rule version', async () => {
    const record = await read(`members/${warned.id}/record`);
    expect((record.sanctions as { inEffect: Item[] }).inEffect).toHaveLength(1);
    const sanction = (record.sanctions as { inEffect: Item[] }).inEffect[0]!;
    const version = defaultRulebook().byId(sanction.ruleVersion as string);
    const bar = planningBarUntil(daysAgo(5), 'warning', version);
    expect(sanction).toMatchObject({
      caseId: cases.warned,
      status: 'in-effect',
      form: 'warning',
      announcedOn: daysAgo(5),
      effectiveOn: daysAgo(5),
      lapsesOn: lapseDate(daysAgo(5), 'warning', version).lapsesOn,
      planningBar: { barredUntil: bar.barredUntil, ruleVersion: version.id },
    });
    expect(record).toMatchObject({
      memberId: warned.id,
      organizationId: tree.commune.id,
      membership: 'full',
      on: today,
      cadrePlanning: { eligible: false, barredUntil: bar.barredUntil, reason: 'planning-bar' },
    });
    expect(JSON.stringify(record)).not.toContain('Nguyễn');
  });

  it('lists open cases with their limitation date, sanctions awaiting announcement, and keeps the eligible eligible', async () => {
    const open = await read(`members/${underCase.id}/record`);
    expect(open).toMatchObject({
      openCases: [{ caseId: cases.open, openedOn: daysAgo(20), limitationLastDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
    });
    expect(((open.openCases as Item[])[0]!.limitationLastDate as string) > today).toBe(true);
    expect(open).toMatchObject({ cadrePlanning: { eligible: true, barredUntil: null, reason: null } });
    const pending = await read(`members/${awaiting.id}/record`);
    expect(pending).toMatchObject({
      sanctions: { inEffect: [], awaitingAnnouncement: [{ caseId: cases.awaiting, effectiveOn: null, planningBar: null }] },
      cadrePlanning: { eligible: true },
    });
  });

  it('answers 404 for an unknown member and 400 for a malformed id or axis', async () => {
    await api.get('members/0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60/record').expect(404);
    await api.get('members/not-a-uuid/record').expect(400);
    await api.get(`members/${warned.id}/record?asOf=2026-02-30`).expect(400);
    await api.get(`members/${warned.id}/record?knownAt=2026-01-01`).expect(400);
  });

  it('lists open inspections and cases by state, acting body and due date', async () => {
    const inspections = await read(`work-lists/inspections?organizationId=${tree.commune.id}`);
    expect(items(inspections).find((item) => item.id === inspection.id)).toMatchObject({
      state: 'decided',
      organizationId: tree.commune.id,
      bodyKind: 'inspection-commission',
      dueKind: 'inspection-conclusion',
      dueOn: addDays(daysAgo(100), 90),
    });
    const byCommission = await api.get(`work-lists/inspections?organizationId=${tree.commune.id}&bodyKind=executive-committee`).expect(200);
    expect(items(byCommission.body)).toEqual([]);

    const all = await read(`work-lists/discipline-cases?organizationId=${tree.commune.id}`);
    expect(all.total).toBe(3);
    const byId = new Map(items(all).map((item) => [item.id, item]));
    expect(byId.get(cases.awaiting)).toMatchObject({ state: 'decided', bodyKind: 'executive-committee', dueKind: 'announcement' });
    expect(byId.get(cases.open)).toMatchObject({ state: 'open', bodyKind: null, dueKind: 'limitation' });
    expect(byId.get(cases.warned)).toMatchObject({ state: 'in-effect', bodyKind: 'executive-committee' });
    const dueDates = items(all).map((item) => item.dueOn as string);
    expect(dueDates).toEqual([...dueDates].sort());

    const decidedOnly = await api.get(`work-lists/discipline-cases?organizationId=${tree.commune.id}&state=decided`).expect(200);
    expect(items(decidedOnly.body).map((item) => item.id)).toEqual([cases.awaiting]);
    const dueSoon = await api.get(`work-lists/discipline-cases?organizationId=${tree.commune.id}&dueBefore=${addDays(today, 60)}`).expect(200);
    expect(items(dueSoon.body).map((item) => item.id)).not.toContain(cases.open);
    const paged = await api.get(`work-lists/discipline-cases?organizationId=${tree.commune.id}&page=2&pageSize=2`).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(items(paged.body)).toHaveLength(1);
  });

  it.each([
    ['an unknown state', 'discipline-cases?state=closed'],
    ['an unknown body kind', 'inspections?bodyKind=court'],
    ['an organization id that is not a UUID', 'inspections?organizationId=abc'],
    ['an impossible due date', 'inspections?dueBefore=2026-13-01'],
    ['a page size over 200', 'discipline-cases?pageSize=201'],
    ['an unknown parameter', 'inspections?sort=due'],
  ])('answers 400 to a work list with %s', async (_case, path) => {
    const response = await api.get(`work-lists/${path}`).expect(400);
    expect(response.body).toMatchObject({ code: 'validation-failed' });
  });

  it('alerts on appeal windows closing, announcements due and overdue inspections within the days asked', async () => {
    const alerts = await read(`alerts?within=30&organizationId=${tree.commune.id}&pageSize=200`);
    expect(alerts).toMatchObject({ today, until: addDays(today, 30) });
    const byStream = (streamId: string) => items(alerts).filter((item) => item.streamId === streamId);
    expect(byStream(`discipline-case-${cases.warned}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'appeal-window', overdue: false, streamType: 'discipline-case', ruleVersion: expect.any(String) }),
      ]),
    );
    expect(byStream(`discipline-case-${cases.awaiting}`)).toEqual([expect.objectContaining({ kind: 'announcement', overdue: false })]);
    expect(byStream(`inspection-${inspection.id}`)).toEqual([
      expect.objectContaining({ kind: 'inspection-conclusion', dueOn: addDays(daysAgo(100), 90), overdue: true, ruleVersion: null, confirmed: false }),
    ]);
    expect(byStream(`discipline-case-${cases.open}`)).toEqual([]);
    for (const item of items(alerts)) expect((item.dueOn as string) <= addDays(today, 30)).toBe(true);

    const none = await api.get(`alerts?within=0&organizationId=${tree.commune.id}`).expect(200);
    expect(items(none.body).map((item) => item.kind)).not.toContain('announcement');
    await api.get('alerts?within=400').expect(400);
    await api.get('alerts?within=soon').expect(400);
  });

  it('lets every role read a member record and only officers and inspectors the work lists', async () => {
    const viewer = new ApiClient(await authorizedAgent(app, 'viewer-read-models', 'viewer-password-1'));
    await viewer.get(`members/${warned.id}/record`).expect(200);
    await viewer.get('work-lists/inspections').expect(403);
    await viewer.get('alerts').expect(403);
  });
});
