import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import type { DisciplineStatistics } from '../../src/projections/discipline-statistics/discipline-statistics.query.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { foundCommune, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'past-period-test-password';
const REFORM_ON = '2025-07-01';
const YEAR_2021 = 'from=2021-01-01&to=2021-12-31';
const AFTER_REFORM = 'from=2025-07-01&to=2025-12-31';

describe.each(testDatabases())('a past period counted on the tree of that period on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let officer: ApiClient;
  let pool: pg.Pool;
  let province: View;
  let district: View;
  let commune: View;
  let lateDistrict: View;

  /** Supervisions by the commune's inspection commission: one of a member, one of the commune's cell. */
  const supervised = (report: DisciplineStatistics) => [
    report.supervisions.byInspectionCommissions.members.total,
    report.supervisions.byInspectionCommissions.organizations.total,
  ];

  async function report(client: ApiClient, query: string): Promise<DisciplineStatistics> {
    return (await client.get(`reports/discipline-statistics?${query}`).expect(200)).body as DisciplineStatistics;
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    const tree = await foundDisciplineTree(admin);
    province = tree.province;
    district = await admin.create('organizations', {
      level: 'district',
      parentId: province.id,
      name: 'Đảng bộ huyện Tam Dương',
      code: 'TD',
      foundedOn: '1997-01-01',
    });
    const founded = await foundCommune(admin, district, 'Đảng bộ xã Hợp Thịnh', 'HT');
    commune = founded.commune;
    const cell = await admin.create('organizations', { level: 'cell', parentId: commune.id, name: 'Chi bộ thôn Đông', code: 'HT-D', foundedOn: '2016-01-01' });
    const member = await founded.admitFull('Trần Văn Hải');
    const supervise = (subject: object, startedOn: string) =>
      admin.create('supervisions', {
        body: { organizationId: commune.id, bodyKind: 'inspection-commission' },
        subject,
        kind: 'thematic',
        plan: 'Kế hoạch 03-KH/UBKT',
        topic: 'Quản lý đất đai',
        startedOn,
      });
    for (const startedOn of ['2021-05-10', '2025-09-01']) {
      await supervise({ kind: 'member', memberId: member.id }, startedOn);
      await supervise({ kind: 'organization', organizationId: cell.id }, startedOn);
    }
    // The 2025 reform: districts are abolished and their communes come directly under the province.
    await admin.command(`organizations/${commune.id}/move`, { parentId: province.id, movedOn: REFORM_ON });
    // Recorded out of order: a cell joins a commune on 1 March, then the commune's earlier move, of 1 February.
    lateDistrict = await admin.create('organizations', {
      level: 'district',
      parentId: province.id,
      name: 'Đảng bộ huyện Lập Thạch',
      code: 'LT',
      foundedOn: '1997-01-01',
    });
    const lateCommune = await admin.create('organizations', {
      level: 'grassroots',
      parentId: lateDistrict.id,
      name: 'Đảng bộ xã Xuân Lôi',
      code: 'XL',
      foundedOn: '2015-01-01',
    });
    const lateCell = await admin.create('organizations', {
      level: 'cell',
      parentId: lateDistrict.id,
      name: 'Chi bộ cơ quan',
      code: 'LT-CQ',
      foundedOn: '2016-01-01',
    });
    await admin.command(`organizations/${lateCell.id}/move`, { parentId: lateCommune.id, movedOn: '2026-03-01' });
    await admin.command(`organizations/${lateCommune.id}/move`, { parentId: province.id, movedOn: '2026-02-01' });
    for (const startedOn of ['2026-02-15', '2026-03-15']) {
      await admin.create('supervisions', {
        body: { organizationId: province.id, bodyKind: 'inspection-commission' },
        subject: { kind: 'organization', organizationId: lateCell.id },
        kind: 'thematic',
        plan: 'Kế hoạch 01-KH/UBKTTU',
        topic: 'Công tác cán bộ',
        startedOn,
      });
    }
    const username = `district-officer-${district.id.slice(0, 8)}`;
    await app.get(Accounts).setUp(username, PASSWORD, [{ role: 'discipline-officer', organizationId: district.id }]);
    officer = new ApiClient(await authorizedAgent(app, username, PASSWORD));
    await waitUntilProjected(pool, await committedHead(pool));
  }, 180_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it("a report of a period before the reform still counts the acts of the district's former commune and of its cell", async () => {
    expect(supervised(await report(admin, `${YEAR_2021}&organizationId=${district.id}`))).toEqual([1, 1]);
    expect(supervised(await report(admin, `${YEAR_2021}&organizationId=${province.id}`))).toEqual([1, 1]);
    expect(supervised(await report(admin, `${YEAR_2021}&organizationId=${commune.id}`))).toEqual([1, 1]);
  });

  it('after the reform, the acts count under the province and no longer under the district', async () => {
    expect(supervised(await report(admin, `${AFTER_REFORM}&organizationId=${district.id}`))).toEqual([0, 0]);
    expect(supervised(await report(admin, `${AFTER_REFORM}&organizationId=${province.id}`))).toEqual([1, 1]);
    expect(supervised(await report(admin, `from=2021-01-01&to=2025-12-31&organizationId=${district.id}`))).toEqual([1, 1]);
  });

  it('a move recorded after a later move below it leaves the lower organization where it was until it moved itself', async () => {
    const at = async (from: string, to: string) =>
      (await report(admin, `from=${from}&to=${to}&organizationId=${lateDistrict.id}`)).supervisions.byInspectionCommissions.organizations.total;
    expect(await at('2026-02-01', '2026-02-28')).toBe(1);
    expect(await at('2026-03-01', '2026-03-31')).toBe(0);
  });

  it('replayed as of a day before the reform, the report of the past period is the same as today', async () => {
    const live = await report(admin, `${YEAR_2021}&organizationId=${district.id}`);
    expect(await report(admin, `${YEAR_2021}&organizationId=${district.id}&asOf=2025-06-30`)).toEqual(live);
  });

  it("an officer granted the district counts its past period in full, behind the database walls, and nothing of the commune's later acts", async () => {
    expect(supervised(await report(officer, `${YEAR_2021}&organizationId=${district.id}`))).toEqual([1, 1]);
    expect(supervised(await report(officer, YEAR_2021))).toEqual([1, 1]);
    expect(supervised(await report(officer, AFTER_REFORM))).toEqual([0, 0]);
    expect(supervised(await report(officer, `${YEAR_2021}&organizationId=${district.id}&asOf=2025-12-31`))).toEqual([1, 1]);
  });
});
