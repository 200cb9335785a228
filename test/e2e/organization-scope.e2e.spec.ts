import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import type { Grant } from '../../src/shared/access/principal.js';
import { ApiClient, foundTree, type Tree, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'scope-test-password';

/** One organization's records of every kind, made by the administrator. */
async function recordsOf(admin: ApiClient, tree: Tree) {
  const member = await tree.admit('Phạm Văn Sơn');
  const body = { organizationId: tree.commune.id, bodyKind: 'inspection-commission' };
  const inspection = await admin.create('inspections', {
    body,
    subject: { kind: 'member', memberId: member.id },
    kind: 'suspected-violation',
    grounds: 'Đơn tố cáo',
    proposedOn: '2025-09-01',
  });
  const supervision = await admin.create('supervisions', {
    body,
    subject: { kind: 'member', memberId: member.id },
    kind: 'thematic',
    plan: 'Kế hoạch 05-KH/UBKT',
    topic: 'Đất đai',
    startedOn: '2025-08-01',
  });
  const review = await admin.create('self-criticism-reviews', {
    subject: { kind: 'member', memberId: member.id },
    period: { from: '2025-01-01', to: '2025-12-31' },
    scheduledFor: '2026-01-10',
  });
  return { member, inspection, supervision, review };
}

describe.each(testDatabases())('organization scope of every stream route on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let ours: Tree;
  let theirs: Tree;
  let own: Awaited<ReturnType<typeof recordsOf>>;
  let foreign: Awaited<ReturnType<typeof recordsOf>>;
  const clients = new Map<string, ApiClient>();

  async function clientWith(username: string, grants: Grant[]): Promise<ApiClient> {
    await app.get(Accounts).setUp(username, PASSWORD, grants);
    return new ApiClient(await authorizedAgent(app, username, PASSWORD));
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    ours = await foundTree(admin);
    theirs = await foundTree(admin);
    own = await recordsOf(admin, ours);
    foreign = await recordsOf(admin, theirs);
    const suffix = ours.province.id.slice(0, 8);
    clients.set('officer', await clientWith(`officer-${suffix}`, [{ role: 'discipline-officer', organizationId: ours.province.id }]));
    clients.set('inspector', await clientWith(`inspector-${suffix}`, [{ role: 'inspector', organizationId: ours.province.id }]));
    clients.set('viewer', await clientWith(`viewer-${suffix}`, [{ role: 'viewer', organizationId: ours.province.id }]));
    clients.set('auditor', await clientWith(`auditor-${suffix}`, [{ role: 'auditor', organizationId: ours.province.id }]));
    // Officer of the other province, viewer of ours: may read ours, may act on neither here.
    clients.set(
      'mixed',
      await clientWith(`mixed-${suffix}`, [
        { role: 'viewer', organizationId: ours.province.id },
        { role: 'discipline-officer', organizationId: theirs.commune.id },
      ]),
    );
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const reads = (records: typeof own, tree: Tree) => [
    `organizations/${tree.province.id}`,
    `organizations/${tree.commune.id}`,
    `members/${records.member.id}`,
    `inspections/${records.inspection.id}`,
    `supervisions/${records.supervision.id}`,
    `self-criticism-reviews/${records.review.id}`,
  ];

  it.each(['officer', 'inspector', 'viewer', 'auditor'])('lets a %s read nothing of another organization: 404, as if it did not exist', async (role) => {
    for (const path of reads(foreign, theirs)) {
      const response = await clients.get(role)!.get(path);
      expect([role, path, response.status, response.body.code]).toEqual([role, path, 404, 'not-found']);
    }
  });

  it.each(['officer', 'inspector', 'viewer', 'auditor'])('lets a %s read its own organization subtree', async (role) => {
    for (const path of reads(own, ours)) {
      const response = await clients.get(role)!.get(path);
      expect([role, path, response.status]).toEqual([role, path, 200]);
    }
  });

  it("refuses commands on another organization's records with 404 and writes nothing", async () => {
    const foreignIds = [theirs.commune.id, foreign.member.id, foreign.inspection.id, foreign.supervision.id, foreign.review.id];
    const written = async () =>
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM events WHERE split_part(stream_id, '-', -5) || '-' || split_part(stream_id, '-', -4) || '-' || split_part(stream_id, '-', -3) || '-' || split_part(stream_id, '-', -2) || '-' || split_part(stream_id, '-', -1) = ANY($1)`,
          [foreignIds],
        )
      ).rows[0].n as number;
    const before = await written();
    const officer = clients.get('officer')!;
    const attempts: [string, object][] = [
      [`organizations/${theirs.commune.id}/rename`, { name: 'Tên mới', renamedOn: '2026-01-01' }],
      [`members/${foreign.member.id}/death`, { diedOn: '2026-01-01' }],
      [
        `inspections/${foreign.inspection.id}/decide`,
        { decisionNumber: '1-QĐ', decidedOn: '2025-09-05', scope: 'x', period: { from: '2025-01-01', to: '2025-06-30' }, teamMemberIds: [own.member.id] },
      ],
      [`supervisions/${foreign.supervision.id}/findings`, { recordedOn: '2025-08-10', findings: 'x' }],
      [`self-criticism-reviews/${foreign.review.id}/hold`, { heldOn: '2026-01-10', summary: 'x' }],
    ];
    for (const [path, body] of attempts) {
      const response = await officer.post(path, body);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect(await written()).toBe(before);
  });

  it('refuses to create records under another organization with 403 out-of-scope, and allows them under its own', async () => {
    const officer = clients.get('officer')!;
    const refused: [string, object][] = [
      ['organizations', { level: 'cell', parentId: theirs.commune.id, name: 'Chi bộ 1', code: 'CB1', foundedOn: '2026-01-01' }],
      ['members', { organizationId: theirs.commune.id, fullName: 'Ngô Văn Tư', birthDate: '1990-01-01', admittedOn: '2026-01-01' }],
    ];
    for (const [path, body] of refused) {
      const response = await officer.post(path, body);
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'out-of-scope']);
    }
    const created: View = await officer.create('organizations', {
      level: 'cell',
      parentId: ours.commune.id,
      name: 'Chi bộ 2',
      code: 'CB2',
      foundedOn: '2026-01-01',
    });
    expect(created.state.status).toBe('active');
  });

  it('scopes by the grants of the roles a route allows: a viewer here and an officer there cannot command here', async () => {
    const mixed = clients.get('mixed')!;
    expect((await mixed.get(`members/${own.member.id}`)).status).toBe(200);
    expect((await mixed.get(`members/${foreign.member.id}`)).status).toBe(200);
    expect((await mixed.get(`organizations/${theirs.province.id}`)).status).toBe(404);
    const response = await mixed.post(`members/${own.member.id}/death`, { diedOn: '2026-01-01' });
    expect(response.status).toBe(404);
  });
});
