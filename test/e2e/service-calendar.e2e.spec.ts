import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiClient } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { Database } from '../../src/database/database.js';
import { waitUntilCaughtUp } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

/** 01:30 on 11 March in Vietnam, still 10 March in UTC. */
const INSTANT = new Date('2026-03-10T18:30:00Z');

type Item = Record<string, unknown>;

describe.each(testDatabases())('one calendar day for commands, alerts and records (TIME_ZONE Asia/Ho_Chi_Minh) on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;

  beforeAll(async () => {
    app = await createTestApp(database.url, { TIME_ZONE: 'Asia/Ho_Chi_Minh' }, { now: () => INSTANT });
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const projected = () => waitUntilCaughtUp(app.get(Database).pool);

  it('at 2026-03-10T18:30Z counts 2026-03-11 both where a command refuses a future date and where an alert falls overdue', async () => {
    const member = await tree.admitFull('Lê Văn Tâm');
    const inspector = await tree.admitFull('Vũ Minh Đức');
    const proposed = await api.create('inspections', {
      body: tree.body(tree.commune, 'inspection-commission'),
      subject: { kind: 'member', memberId: member.id },
      kind: 'suspected-violation',
      grounds: 'Đơn phản ánh',
      proposedOn: '2025-12-01',
    });
    // The service's target: concluded within 90 days of the decision, so by 2026-03-10.
    const inspection = await api.command(`inspections/${proposed.id}/decide`, {
      decisionNumber: '03-QĐ/UBKT',
      decidedOn: '2025-12-10',
      scope: 'Quản lý đất',
      period: { from: '2024-01-01', to: '2025-12-31' },
      teamMemberIds: [inspector.id],
    });

    const subject = { kind: 'member', memberId: member.id };
    const tomorrow = await api.post('discipline-cases', { openedOn: '2026-03-12', subject }).expect(422);
    expect(tomorrow.body).toMatchObject({
      code: 'invalid-input',
      detail: 'openedOn 2026-03-12 is after today 2026-03-11',
      details: { field: 'openedOn', rule: 'not-in-future' },
    });
    await api.create('discipline-cases', { openedOn: '2026-03-11', subject });

    await projected();
    const alerts = (await api.get(`alerts?within=0&organizationId=${tree.commune.id}`).expect(200)).body as Item;
    expect(alerts).toMatchObject({ today: '2026-03-11', until: '2026-03-11' });
    expect((alerts.items as Item[]).find((item) => item.streamId === `inspection-${inspection.id}`)).toMatchObject({
      kind: 'inspection-conclusion',
      dueOn: '2026-03-10',
      overdue: true,
    });
  }, 60_000);

  it('evaluates a member record on that same day', async () => {
    const member = await tree.admitFull('Đỗ Thị Hoa');
    await projected();
    const record = (await api.get(`members/${member.id}/record`).expect(200)).body as Item;
    expect(record).toMatchObject({ memberId: member.id, on: '2026-03-11' });
  }, 60_000);
});
