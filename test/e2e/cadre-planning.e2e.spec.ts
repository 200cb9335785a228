import type { NestExpressApplication } from '@nestjs/platform-express';
import { Database } from '../../src/database/database.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundDisciplineTree, warningBallot, type DisciplineTree } from '../support/discipline-tree.js';
import { waitUntilCaughtUp } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const LIST_KEY = 'executive-committee:2025-2030';

interface PlanningView {
  status: string;
  acts: { act: string; on: string; reason: string | null; disciplineDecisionId: string | null; appealId: string | null }[];
}

describe.each(testDatabases())('cadre planning (QĐ 80-QĐ/TW, QĐ 117-QĐ/TW) on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: DisciplineTree;
  let list: View;
  let member: View;

  const caughtUp = () => waitUntilCaughtUp(app.get(Database).pool);
  const recordOf = async (query = '') => (await api.get(`members/${member.id}/record${query}`).expect(200)).body.cadrePlanning;
  const entryOf = async () => ((await api.view(`planning-lists/${list.id}`)).state['entries'] as Record<string, unknown>)[member.id];

  /** A warning by the commune's committee, in effect from 12 May 2026 (a bar of 30 months under QĐ 80). */
  async function warned(): Promise<View> {
    const body = tree.body(tree.commune, 'executive-committee');
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Vi phạm quy định về đất đai', committedOn: '2025-11-20', level: 'warning' });
    await api.command(`discipline-cases/${opened.id}/ballots`, warningBallot(body));
    await api.command(`discipline-cases/${opened.id}/sanction`, { form: 'warning', decidingBody: body, decisionNumber: '05-QĐ/ĐU', signedOn: '2026-05-08' });
    return api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: '2026-05-12' });
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
    member = await tree.admitFull('Phạm Văn Quyết');
    list = await api.create('planning-lists', {
      organizationId: tree.commune.id,
      target: 'executive-committee',
      term: { fromYear: 2025, toYear: 2030 },
      approvedOn: '2025-03-01',
      decision: '15-QĐ/ĐU',
    });
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  it('planning removal and restoration on annulment: the sanction takes the member off, the annulment puts them back', async () => {
    const added = await api.command(`planning-lists/${list.id}/additions`, { memberId: member.id, addedOn: '2025-04-01', decision: '20-QĐ/ĐU' });
    expect(added).toMatchObject({ state: { status: 'approved', entries: { [member.id]: { status: 'in-planning' } } } });

    const sanction = await warned();
    await caughtUp();
    expect(await entryOf()).toEqual({ memberId: member.id, status: 'removed', lastActOn: '2026-05-12', removedBy: sanction.id });
    const removed = await recordOf();
    expect(removed).toMatchObject({ eligible: false, barredUntil: '2028-11-12', reason: 'planning-bar' });
    expect(removed.lists).toMatchObject([
      { planningListId: list.id, target: 'executive-committee', term: { fromYear: 2025, toYear: 2030 }, status: 'removed' },
    ]);
    expect((removed.lists as PlanningView[])[0]!.acts).toMatchObject([
      { act: 'added', on: '2025-04-01' },
      { act: 'removed', on: '2026-05-12', reason: 'discipline', disciplineDecisionId: sanction.id },
    ]);

    const appeal = await api.create('appeals', {
      caseId: sanction.id,
      appellant: { kind: 'member', memberId: member.id },
      filedOn: '2026-06-01',
      reviewingBody: tree.body(tree.province, 'inspection-commission'),
    });
    await api.command(`appeals/${appeal.id}/annul`, { decidedOn: '2026-07-10', decisionNumber: '12-QĐ/UBKT', reason: 'Không đủ căn cứ kết luận vi phạm' });
    await caughtUp();
    expect(await entryOf()).toMatchObject({ status: 'in-planning', lastActOn: '2026-07-10', removedBy: null });
    const restored = await recordOf();
    expect(restored).toMatchObject({ eligible: true, barredUntil: null, lists: [{ status: 'in-planning' }] });
    expect((restored.lists as PlanningView[])[0]!.acts.at(-1)).toEqual({
      act: 'restored',
      on: '2026-07-10',
      decision: null,
      reason: null,
      disciplineDecisionId: sanction.id,
      appealId: appeal.id,
    });

    // The record as it stood on a day between: off the list, and barred.
    const between = await recordOf('?asOf=2026-06-01');
    expect(between).toMatchObject({ eligible: false, lists: [{ status: 'removed' }] });
    expect(await recordOf('?asOf=2025-05-01')).toMatchObject({ eligible: true, lists: [{ status: 'in-planning' }] });
  });

  it("lists the organization's planning lists, each as its own stream answers it; 404 for an organization it does not know", async () => {
    const listed = await api.get(`organizations/${tree.commune.id}/planning-lists`).expect(200);
    expect(listed.body.items).toEqual([await api.view(`planning-lists/${list.id}`)]);
    expect((await api.get(`organizations/${tree.province.id}/planning-lists`).expect(200)).body.items).toEqual([]);
    await api.get('organizations/00000000-0000-4000-8000-000000000000/planning-lists').expect(404);
  });

  it('counts additions, removals and restorations in the period of their own dates, by list', async () => {
    await caughtUp();
    const report = async (from: string, to: string) =>
      (await api.get(`reports/discipline-statistics?from=${from}&to=${to}&organizationId=${tree.commune.id}`).expect(200)).body.cadrePlanning;
    expect(await report('2025-01-01', '2025-12-31')).toEqual({
      added: { total: 1, byList: { [LIST_KEY]: 1 } },
      removed: { total: 0, byList: {} },
      restored: { total: 0, byList: {} },
    });
    expect(await report('2026-01-01', '2026-12-31')).toEqual({
      added: { total: 0, byList: {} },
      removed: { total: 1, byList: { [LIST_KEY]: 1 } },
      restored: { total: 1, byList: { [LIST_KEY]: 1 } },
    });
    const csv = await api.get(`reports/discipline-statistics?from=2026-01-01&to=2026-12-31&organizationId=${tree.commune.id}&format=csv`).expect(200);
    expect(csv.text).toContain(
      `cadrePlanning,removed.byList.${LIST_KEY},1,Quy hoạch cán bộ — đưa ra khỏi quy hoạch — theo danh sách — Ban Chấp hành nhiệm kỳ 2025-2030`,
    );
  });

  it('QĐ 80-QĐ/TW: refuses to add a member while a sanction’s planning bar runs, naming the day it ends', async () => {
    const barred = await tree.admitFull('Lưu Văn Kiên');
    const previous = member;
    member = barred;
    const sanction = await warned();
    member = previous;
    const refused = await api.post(`planning-lists/${list.id}/additions`, { memberId: barred.id, addedOn: '2026-06-01', decision: '30-QĐ/ĐU' }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'planning-bar',
      details: { memberId: barred.id, reason: 'planning-bar', barredUntil: '2028-11-12', on: '2026-06-01' },
    });
    // The day before it took effect, the record let the member be planned.
    await api.command(`planning-lists/${list.id}/additions`, { memberId: barred.id, addedOn: '2026-05-11', decision: '31-QĐ/ĐU' });
    expect(sanction.state['status']).toBe('in-effect');
  });

  it('refuses what the list does not allow, naming the rule, and writes nothing', async () => {
    const stranger = await tree.admitFull('Tạ Văn Lâm');
    const version = (await api.view(`planning-lists/${list.id}`)).version;
    const notOn = await api.post(`planning-lists/${list.id}/removals`, {
      memberId: stranger.id,
      removedOn: '2026-08-01',
      reason: 'standards-not-met',
      decision: '40-QĐ/ĐU',
    });
    expect(notOn.status).toBe(422);
    expect(notOn.body).toMatchObject({ code: 'not-in-planning', details: { memberId: stranger.id } });
    const early = await api.post(`planning-lists/${list.id}/additions`, { memberId: stranger.id, addedOn: '2025-02-01', decision: '41-QĐ/ĐU' }).expect(422);
    expect(early.body).toMatchObject({ code: 'invalid-input', details: { field: 'addedOn', rule: 'not-before-approval' } });
    const bySanction = await api.post(`planning-lists/${list.id}/removals`, {
      memberId: stranger.id,
      removedOn: '2026-08-01',
      reason: 'discipline',
      decision: 'x',
    });
    expect(bySanction.status).toBe(400);
    expect((await api.view(`planning-lists/${list.id}`)).version).toBe(version);
  });
});
