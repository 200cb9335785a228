import type { NestExpressApplication } from '@nestjs/platform-express';
import { Database } from '../../src/database/database.js';
import { DemoAlreadyLoadedError, seedDemo, type DemoSummary } from '../../src/demo/seed-demo.js';
import { disciplineStatisticsProjection } from '../../src/projections/discipline-statistics/discipline-statistics.projection.js';
import type { DisciplineStatistics } from '../../src/projections/discipline-statistics/discipline-statistics.query.js';
import type { StatutoryReport } from '../../src/projections/discipline-statistics/statutory-report.js';
import { addDays } from '../../src/rulebook/index.js';
import { ApiClient } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const REPORT = '/api/v1/reports/discipline-statistics';
const YEAR = 'from=2019-01-01&to=2019-12-03';

describe.each(testDatabases())('discipline statistics of the seed demo on $name', (database) => {
  let isolated: IsolatedDatabase;
  let app: NestExpressApplication;
  let http: HttpAgent;
  let demo: DemoSummary;

  async function report(query: string): Promise<DisciplineStatistics> {
    return (await http.get(`${REPORT}?${query}`).expect(200)).body as DisciplineStatistics;
  }

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    app = await createTestApp(isolated.url);
    http = await authorizedAgent(app);
    demo = await seedDemo(app);
    const { pool } = app.get(Database);
    await waitUntilProjected(pool, await committedHead(pool), [disciplineStatisticsProjection.name]);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await isolated?.drop();
  });

  it("reproduces the seed article's figures for 2019 (to 3 December) in the district", async () => {
    const district = await report(`${YEAR}&organizationId=${demo.districtId}`);
    expect(district.period).toEqual({ from: '2019-01-01', to: '2019-12-03' });
    expect(district.organization).toEqual({ id: demo.districtId, name: 'Đảng bộ huyện Bình Xuyên', level: 'district' });
    expect(district.inspections.byCommittees.organizations.total).toBe(34);
    expect(district.supervisions.byCommittees.organizations.total).toBe(19);
    expect(district.inspections.byInspectionCommissions.members.onSignsOfViolation).toBe(12);
    expect(district.inspections.byInspectionCommissions.organizations.total).toBe(4);
    expect(district.supervisions.byInspectionCommissions.members.thematic).toBe(48);
    expect(district.supervisions.byInspectionCommissions.organizations.thematic).toBe(14);
    expect(district.sanctions.members.total).toBe(37);
    expect(district.sanctions.members.byDecidingBody).toEqual({
      'district-inspection-commission': { total: 9, reprimand: 2, warning: 4, dismissal: 0, expulsion: 3 },
      'grassroots-committee': { total: 28, reprimand: 28, warning: 0, dismissal: 0, expulsion: 0 },
    });
    expect(district.sanctions.organizations.total).toBe(0);
  });

  it("reproduces the seed article's cadre planning review of 2019: 4 and 4 for the committee, 26/28 removed and 10/11 added for department heads", async () => {
    const district = await report(`${YEAR}&organizationId=${demo.districtId}`);
    expect(district.cadrePlanning).toEqual({
      added: {
        total: 25,
        byList: { 'department-heads:2015-2020': 10, 'department-heads:2020-2025': 11, 'executive-committee:2015-2020': 2, 'executive-committee:2020-2025': 2 },
      },
      removed: {
        total: 58,
        byList: { 'department-heads:2015-2020': 26, 'department-heads:2020-2025': 28, 'executive-committee:2015-2020': 2, 'executive-committee:2020-2025': 2 },
      },
      restored: { total: 0, byList: {} },
    });
  });

  it('counts since 2016: 13 expelled, 5 removed from the roll, 6 released', async () => {
    const since2016 = await report(`from=2016-01-01&to=2019-12-03&organizationId=${demo.districtId}`);
    expect(since2016.removals).toEqual({ expelled: 13, removedFromRoll: 5, released: 6 });
    expect(since2016.sanctions.members.byForm.expulsion).toBe(13);
  });

  it('answers as known at a time (record time), replayed from the events', async () => {
    const since2016 = `from=2016-01-01&to=2019-12-03&organizationId=${demo.districtId}`;
    const live = await report(since2016);
    // Everything was recorded by now; nothing was known before the service existed.
    expect(await report(`${since2016}&knownAt=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual(live);
    const before = await report(`from=2016-01-01&to=2019-12-03&knownAt=2000-01-01T00:00:00Z`);
    expect(before.removals).toEqual({ expelled: 0, removedFromRoll: 0, released: 0 });
    expect(before.organization).toBeNull();
  });

  it('answers as of a day (valid time), replayed from the events: each act counts from its legal date', async () => {
    const district = `organizationId=${demo.districtId}`;
    expect(await report(`${YEAR}&${district}&asOf=2019-12-03`)).toEqual(await report(`${YEAR}&${district}`));
    const { period: _year, ...asOfJune } = await report(`${YEAR}&${district}&asOf=2019-06-30`);
    const { period: _half, ...firstHalf } = await report(`from=2019-01-01&to=2019-06-30&${district}`);
    expect(asOfJune).toEqual(firstHalf);
    expect(asOfJune.inspections.byCommittees.organizations.total).toBeLessThan(34);
  });

  it('counts a subtree: the whole tree and the province are the district; the grassroots subtrees add up to it', async () => {
    const { period: _period, organization: _organization, ...district } = await report(`${YEAR}&organizationId=${demo.districtId}`);
    const { organization, ...whole } = await report(YEAR);
    expect(organization).toBeNull();
    expect({ ...whole, period: undefined }).toEqual({ ...district, period: undefined });
    const { organization: province, ...inProvince } = await report(`${YEAR}&organizationId=${demo.provinceId}`);
    expect(province?.level).toBe('province');
    expect({ ...inProvince, period: undefined }).toEqual({ ...district, period: undefined });
    const parts = await Promise.all(demo.grassrootsIds.map((id) => report(`${YEAR}&organizationId=${id}`)));
    const sum = (figure: (r: DisciplineStatistics) => number) => parts.reduce((total, part) => total + figure(part), 0);
    expect(sum((r) => r.inspections.byCommittees.organizations.total)).toBe(34);
    expect(sum((r) => r.sanctions.members.total)).toBe(37);
    expect(sum((r) => r.supervisions.byInspectionCommissions.members.thematic)).toBe(48);
    expect(parts.every((part) => part.sanctions.members.total < 37)).toBe(true);
  });

  it('counts by legal date: two halves of the year add up to it, and 2020 is empty', async () => {
    const at = (from: string, to: string) => report(`from=${from}&to=${to}&organizationId=${demo.districtId}`);
    const [first, second, year, later] = await Promise.all([
      at('2019-01-01', '2019-06-30'),
      at('2019-07-01', '2019-12-03'),
      at('2019-01-01', '2019-12-03'),
      at('2020-01-01', '2020-12-31'),
    ]);
    expect(first.sanctions.members.total).toBeGreaterThan(0);
    expect(second.sanctions.members.total).toBeGreaterThan(0);
    expect(first.sanctions.members.total + second.sanctions.members.total).toBe(year.sanctions.members.total);
    expect(first.inspections.byCommittees.organizations.total + second.inspections.byCommittees.organizations.total).toBe(34);
    expect(later.sanctions.members.total + later.inspections.byCommittees.organizations.total + later.removals.expelled).toBe(0);
  });

  it('answers CSV with format=csv: a header, then figure, breakdown, value and the Vietnamese label', async () => {
    const response = await http.get(`${REPORT}?${YEAR}&organizationId=${demo.districtId}&format=csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('figure,breakdown,value,label_vi');
    expect(lines).toContain(
      'sanctions,members.byDecidingBody.grassroots-committee.reprimand,28,Thi hành kỷ luật — đảng viên — theo cơ quan quyết định — cấp ủy cơ sở — khiển trách',
    );
    expect(lines).toContain('inspections,byCommittees.organizations.total,34,Kiểm tra — cấp ủy — tổ chức đảng — tổng số');
    expect(lines).toContain(
      'cadrePlanning,removed.byList.department-heads:2020-2025,28,"Quy hoạch cán bộ — đưa ra khỏi quy hoạch — theo danh sách — lãnh đạo cấp phòng, ban nhiệm kỳ 2020-2025"',
    );
    expect(lines.slice(1).every((line) => /^[a-zA-Z]+,[A-Za-z0-9.:-]+,\d+,/.test(line))).toBe(true);
  });

  it.each([
    ['no from', 'to=2019-12-03', 'from'],
    ['an impossible date', 'from=2019-02-30&to=2019-12-03', 'from'],
    ['from after to', 'from=2019-12-04&to=2019-12-03', 'from'],
    ['an organization id that is not a UUID', `${YEAR}&organizationId=binh-xuyen`, 'organizationId'],
    ['an unknown format', `${YEAR}&format=xlsx`, 'format'],
    ['an unknown parameter', `${YEAR}&subtree=true`, 'subtree'],
  ])('answers 400 naming the field to %s', async (_case, query, field) => {
    const response = await http.get(`${REPORT}?${query}`).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'validation-failed' });
    expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });

  it('answers 404 for an organization it does not know', async () => {
    await http.get(`${REPORT}?${YEAR}&organizationId=0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60`).expect(404);
  });

  it('answers 401 without a token, and documents the route with an example', async () => {
    const anonymous = (await import('supertest')).default(app.getHttpServer());
    await anonymous.get(`${REPORT}?${YEAR}`).expect(401);
    const doc = await http.get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/v1/reports/discipline-statistics'].get.description).toContain('when decided');
  });

  it('lays the figures out as the report form has them, under /statutory, JSON only', async () => {
    const statutory = (await http.get(`${REPORT}/statutory?${YEAR}&organizationId=${demo.districtId}`).expect(200)).body as StatutoryReport;
    expect(statutory.period).toEqual({ from: '2019-01-01', to: '2019-12-03' });
    const rows = (section: string) => Object.fromEntries(statutory.sections.find((s) => s.number === section)!.rows.map((r) => [r.number, r.values]));
    expect(rows('I')['1']).toEqual([34, 0]);
    expect(rows('I')['3.1']).toEqual([0, 12]);
    expect(rows('II')['2']).toEqual([37, 30, 4, 0, 3, 0]);
    expect(rows('II')['2.1']).toEqual([9, 2, 4, 0, 3, 0]);
    expect(rows('II')['2.2']).toEqual([28, 28, 0, 0, 0, 0]);
    const refused = await http.get(`${REPORT}/statutory?${YEAR}&format=csv`).expect(400);
    expect(refused.body).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ field: 'format' })] });
  });

  it('Charter art. 39 and QĐ 117-QĐ/TW: an annulment counts in the period it was decided, and the annulled sanction still counts in its own', async () => {
    const { pool } = app.get(Database);
    const [warned] = (
      await pool.query<{ stream_id: string; member_id: string; occurred_on: string }>(
        `SELECT stream_id, member_id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM discipline_statistics_facts
         WHERE act = 'sanction' AND act_kind = 'warning' AND body_kind = 'inspection-commission' ORDER BY occurred_on DESC LIMIT 1`,
      )
    ).rows;
    const api = new ApiClient(http);
    const appeal = await api.create('appeals', {
      caseId: warned!.stream_id.replace(/^discipline-case-/, ''),
      appellant: { kind: 'member', memberId: warned!.member_id },
      filedOn: addDays(warned!.occurred_on, 10),
      reviewingBody: { organizationId: demo.districtId, bodyKind: 'standing-committee' },
    });
    await api.command(
      `appeals/${appeal.id}/annul`,
      { decidedOn: '2020-01-10', decisionNumber: '01-QĐ/HU', reason: 'Không đủ căn cứ kết luận vi phạm' },
      appeal.version,
    );
    await waitUntilProjected(pool, await committedHead(pool), [disciplineStatisticsProjection.name]);

    const district = `organizationId=${demo.districtId}`;
    const year2019 = await report(`${YEAR}&${district}`);
    expect(year2019.sanctions.members.total).toBe(37);
    expect(year2019.sanctions.members.byForm.warning).toBe(4);
    expect(year2019.appeals.members.total).toBe(0);
    const year2020 = await report(`from=2020-01-01&to=2020-12-31&${district}`);
    expect(year2020.sanctions.members.total).toBe(0);
    expect(year2020.appeals.members).toEqual({ total: 1, upheld: 0, changed: 0, annulled: 1 });
    expect(year2020.restorations.members.total).toBeGreaterThan(0);
    expect(year2020.restorations.members.byItem['party-membership']).toBe(0);
    const statutory2020 = (await http.get(`${REPORT}/statutory?from=2020-01-01&to=2020-12-31&${district}`).expect(200)).body as StatutoryReport;
    expect(statutory2020.sections.find((s) => s.number === 'III')!.rows).toContainEqual({ number: '2', label: 'Đảng viên', values: [1, 0, 0, 1] });
    const csv = await http.get(`${REPORT}?from=2020-01-01&to=2020-12-31&${district}&format=csv`).expect(200);
    expect(csv.text).toContain('appeals,members.annulled,1,Giải quyết khiếu nại kỷ luật — đảng viên — xóa bỏ hình thức kỷ luật');
  });

  it('refuses to load the demo a second time', async () => {
    await expect(seedDemo(app)).rejects.toBeInstanceOf(DemoAlreadyLoadedError);
  });
});
