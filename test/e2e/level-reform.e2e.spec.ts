import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { foundCommune, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const REFORM_ON = '2025-07-01';
const HANDOVER = '1234-QĐ/TU';

interface PendingWork {
  disciplineCases: { items: { id: string }[] };
  deadlines: { items: { kind: string; streamId: string }[] };
}

describe.each(testDatabases())('an appeal after the 2025 reform abolished the district level, on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let pool: pg.Pool;
  let province: View;
  let district: View;
  let earlier: { caseId: string; member: View };
  let later: { caseId: string; member: View };
  let pendingAppeal: View;

  const body = (organization: View, bodyKind: string) => ({ organizationId: organization.id, bodyKind });

  /** A warning by the district's inspection commission, announced on `announcedOn`. */
  async function warned(member: View, announcedOn: string): Promise<{ caseId: string; member: View }> {
    const commission = body(district, 'inspection-commission');
    const opened = await api.create('discipline-cases', { openedOn: '2025-04-01', subject: { kind: 'member', memberId: member.id } });
    const steps: [string, object][] = [
      [
        'violations',
        {
          description: 'Vi phạm quy định quản lý đất đai',
          committedOn: '2025-03-01',
          level: 'warning',
          graveOffences: [],
          concernsTaskAssignedByHigherLevel: false,
        },
      ],
      [
        'ballots',
        {
          stage: 'decision',
          body: commission,
          heldOn: '2025-04-20',
          fullMembers: 5,
          excluded: [],
          present: 5,
          votes: { warning: 4 },
          againstDiscipline: 1,
          abstentions: 0,
        },
      ],
      ['sanction', { form: 'warning', decidingBody: commission, decisionNumber: '21-QĐ/UBKTHU', signedOn: '2025-04-25', especiallySerious: false }],
      ['announce', { announcedOn, voteResultAnnouncedOn: null }],
    ];
    for (const [route, stepBody] of steps) await api.command(`discipline-cases/${opened.id}/${route}`, stepBody);
    return { caseId: opened.id, member };
  }

  const appeal = (of: { caseId: string; member: View }, filedOn: string, reviewingBody: object) =>
    api.post('appeals', { caseId: of.caseId, appellant: { kind: 'member', memberId: of.member.id }, filedOn, reviewingBody });

  beforeAll(async () => {
    app = await createTestApp(database.url);
    api = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    province = (await foundDisciplineTree(api)).province;
    district = await api.create('organizations', {
      level: 'district',
      parentId: province.id,
      name: 'Đảng bộ huyện Yên Lạc',
      code: 'YL',
      foundedOn: '1997-01-01',
    });
    for (const bodyKind of ['executive-committee', 'standing-committee', 'inspection-commission']) {
      await api.command(`organizations/${district.id}/bodies`, { bodyKind, membersCount: 5, establishedOn: '2020-08-01' });
    }
    const { commune, admitFull } = await foundCommune(api, district, 'Đảng bộ xã Đồng Cương', 'DC');
    earlier = await warned(await admitFull('Nguyễn Văn Khánh'), '2025-05-10');
    later = await warned(await admitFull('Phùng Thị Mai'), '2025-06-25');
    pendingAppeal = await api.create('appeals', {
      caseId: earlier.caseId,
      appellant: { kind: 'member', memberId: earlier.member.id },
      filedOn: '2025-05-20',
      reviewingBody: body(district, 'standing-committee'),
    });
    // The province's plan: the district organization ends, its standing committee's appeals and cases go to the province's.
    await api.command(`organizations/${district.id}/body-successions`, {
      bodyKind: 'standing-committee',
      successor: body(province, 'standing-committee'),
      functions: ['appeals', 'discipline'],
      succeededOn: REFORM_ON,
      decision: HANDOVER,
    });
    await api.command(`organizations/${commune.id}/move`, { parentId: province.id, movedOn: REFORM_ON });
    await api.command(`organizations/${district.id}/dissolve`, { reason: 'Kết thúc hoạt động đảng bộ cấp huyện', dissolvedOn: REFORM_ON });
  }, 180_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('refuses the abolished district committee, naming the body that took its appeals over and the decision', async () => {
    const refused = await appeal(later, '2025-07-10', body(district, 'standing-committee')).expect(422);
    expect(refused.body).toMatchObject({
      code: 'appeal-not-admissible',
      details: {
        reason: 'not-the-next-higher-level',
        expected: {
          organizationId: province.id,
          level: 'province',
          bodyKinds: ['standing-committee'],
          handedOverBy: { organizationId: district.id, bodyKind: 'standing-committee', from: REFORM_ON, decision: HANDOVER },
        },
      },
    });
  });

  it("files it with the province's standing committee, handled within the province's three months", async () => {
    const filed = await api.create('appeals', {
      caseId: later.caseId,
      appellant: { kind: 'member', memberId: later.member.id },
      filedOn: '2025-07-10',
      reviewingBody: body(province, 'standing-committee'),
    });
    expect(filed.state).toMatchObject({
      status: 'under-review',
      appeal: { reviewingBody: { organizationId: province.id, level: 'province' }, handlingDueOn: '2025-10-10' },
    });
  });

  it('lists the work the abolished district still holds, for transfer: its cases and the appeal it was reviewing', async () => {
    await waitUntilProjected(pool, await committedHead(pool));
    const pending = (await api.get(`work-lists/organizations/${district.id}`).expect(200)).body as PendingWork;
    expect(pending.disciplineCases.items.map((item) => item.id).sort()).toEqual([earlier.caseId, later.caseId].sort());
    expect(pending.deadlines.items).toContainEqual(expect.objectContaining({ kind: 'appeal-handling', streamId: `appeal-${pendingAppeal.id}` }));
  });
});
