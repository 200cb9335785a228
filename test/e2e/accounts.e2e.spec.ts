import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { ApiClient, foundTree, type Tree, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, loginAs } from '../support/test-app.js';

const FIRST_PASSWORD = 'tam-thoi-cap-xa-2026';
const OWN_PASSWORD = 'mua thu ha noi vang';
const SCOPED_PASSWORD = 'quan-tri-xa-a-2026';

function inspectionOf(commission: string, subject: object) {
  return {
    body: { organizationId: commission, bodyKind: 'inspection-commission' },
    subject,
    kind: 'suspected-violation',
    grounds: 'Đơn tố cáo',
    proposedOn: '2025-09-01',
  };
}

describe.each(testDatabases())('accounts on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let tree: Tree;
  let sibling: View;
  let suffix: string;

  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function login(username: string, password: string): Promise<{ accessToken: string; mustChangePassword: boolean }> {
    const response = await http().post('/api/v1/auth/login').send({ username, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; mustChangePassword: boolean };
  }

  async function accountEvents(accountId: string): Promise<{ type: string; data: Record<string, unknown>; actor: string }[]> {
    const { rows } = await pool.query<{ type: string; data: Record<string, unknown>; actor: string }>(
      `SELECT event_type AS type, data, metadata->>'actor' AS actor FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [`account-${accountId}`],
    );
    return rows;
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    tree = await foundTree(admin);
    sibling = await admin.create('organizations', {
      level: 'grassroots',
      parentId: tree.province.id,
      name: 'Đảng bộ xã Bá Hiến',
      code: 'BH',
      foundedOn: '2025-07-01',
    });
    await admin.command(`organizations/${sibling.id}/bodies`, { bodyKind: 'inspection-commission', membersCount: 5, establishedOn: '2025-07-01' });
    suffix = tree.province.id.slice(0, 8);
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('lets an administrator create a commune officer who changes the password, acts on that commune only, and is shut out at once when disabled', async () => {
    const username = `can-bo-${suffix}`;
    const created = await http()
      .post('/api/v1/accounts')
      .set(bearer(await loginAs(app, 'admin', ADMIN_PASSWORD)))
      .send({ username, password: FIRST_PASSWORD, grants: [{ role: 'discipline-officer', organizationId: tree.commune.id }] });
    expect(created.status).toBe(201);
    const accountId = (created.body as View).id;

    // The password the administrator set must change before anything else.
    const first = await login(username, FIRST_PASSWORD);
    expect(first.mustChangePassword).toBe(true);
    const blocked = await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(first.accessToken));
    expect([blocked.status, blocked.body.code]).toEqual([403, 'password-change-required']);
    const changed = await http()
      .post('/api/v1/auth/password')
      .set(bearer(first.accessToken))
      .send({ currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD });
    expect(changed.status).toBe(204);
    expect((await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(first.accessToken))).status).toBe(401);
    expect((await http().post('/api/v1/auth/login').send({ username, password: FIRST_PASSWORD })).status).toBe(401);
    const own = await login(username, OWN_PASSWORD);
    expect(own.mustChangePassword).toBe(false);
    const officer = new ApiClient(request.agent(app.getHttpServer()).set(bearer(own.accessToken)));

    // Its own commune: recorded. The sibling commune, by its own body or another's: refused, nothing written.
    const member = await tree.admit('Lê Văn Tám');
    expect((await officer.post('inspections', inspectionOf(tree.commune.id, { kind: 'member', memberId: member.id }))).status).toBe(201);
    const neighbour = await officer.post('inspections', inspectionOf(tree.commune.id, { kind: 'organization', organizationId: sibling.id }));
    expect([neighbour.status, neighbour.body.code]).toEqual([422, 'subject-outside-body-organization']);
    const byNeighbour = await officer.post('inspections', inspectionOf(sibling.id, { kind: 'organization', organizationId: sibling.id }));
    expect([byNeighbour.status, byNeighbour.body.code]).toEqual([403, 'out-of-scope']);
    const written = await pool.query(`SELECT 1 FROM events WHERE event_type = 'InspectionProposed' AND data->'subject'->>'organizationId' = $1`, [sibling.id]);
    expect(written.rowCount).toBe(0);

    const disabled = await admin.command(`accounts/${accountId}/disable`, {});
    expect(disabled.state.status).toBe('disabled');
    const deadline = Date.now() + 5000;
    let status = 200;
    while (status !== 401 && Date.now() < deadline) status = (await officer.get(`organizations/${tree.commune.id}`)).status;
    expect(status).toBe(401);
    expect((await http().post('/api/v1/auth/login').send({ username, password: OWN_PASSWORD })).status).toBe(403);

    // Every change is an event on the account's stream, by whom; no password nor hash in any of them.
    const events = await accountEvents(accountId);
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ['AccountCreated', 'admin'],
      ['PasswordChanged', username],
      ['AccountDisabled', 'admin'],
    ]);
    expect(events[0]!.data).toMatchObject({
      passwordSetBy: 'administrator',
      mustChangePassword: true,
      authorizedBy: [{ role: 'administrator', organizationId: null }],
    });
    const trail = (await admin.get(`audit/events?streamId=account-${accountId}`).expect(200)).body as { items: { type: string; actor: string }[] };
    expect(trail.items.map((entry) => [entry.type, entry.actor])).toEqual(events.map((event) => [event.type, event.actor]));
    const text = JSON.stringify([events, trail]);
    for (const secret of [FIRST_PASSWORD, OWN_PASSWORD, 'scrypt$']) expect(text).not.toContain(secret);
  });

  it('keeps an administrator of one commune inside it: no account, grant or role beyond it (403, nothing written)', async () => {
    const scopedName = `quan-tri-${suffix}`;
    await admin.create('accounts', {
      username: scopedName,
      password: SCOPED_PASSWORD,
      grants: [{ role: 'administrator', organizationId: tree.commune.id }],
      mustChangePassword: false,
    });
    const scoped = new ApiClient(await authorizedAgent(app, scopedName, SCOPED_PASSWORD));
    const attempt = (username: string, grant: object) => scoped.post('accounts', { username, password: FIRST_PASSWORD, grants: [grant] });

    const outside = [
      [`ngoai-${suffix}`, { role: 'viewer', organizationId: sibling.id }],
      [`tinh-${suffix}`, { role: 'viewer', organizationId: tree.province.id }],
      [`toan-quoc-${suffix}`, { role: 'administrator', organizationId: null }],
    ] as const;
    for (const [username, grant] of outside) {
      const refused = await attempt(username, grant);
      expect([username, refused.status, refused.body.code]).toEqual([username, 403, 'out-of-scope']);
    }
    const kept = await scoped.post('accounts', {
      username: `tu-chon-${suffix}`,
      password: FIRST_PASSWORD,
      grants: [{ role: 'viewer', organizationId: tree.commune.id }],
      mustChangePassword: false,
    });
    expect([kept.status, kept.body.code]).toEqual([403, 'forbidden']);

    const inside = await attempt(`trong-${suffix}`, { role: 'inspector', organizationId: tree.commune.id });
    expect(inside.status).toBe(201);
    const id = (inside.body as View).id;
    const widened = await scoped.post(`accounts/${id}/grants`, { role: 'inspector', organizationId: tree.province.id });
    expect([widened.status, widened.body.code]).toEqual([403, 'out-of-scope']);
    const wholeTree = await scoped.post(`accounts/${id}/grants`, { role: 'administrator', organizationId: null });
    expect([wholeTree.status, wholeTree.body.code]).toEqual([403, 'out-of-scope']);

    const names = outside.map(([username]) => username);
    const written = await pool.query(`SELECT 1 FROM events WHERE event_type = 'AccountCreated' AND data->>'username' = ANY ($1)`, [
      [...names, `tu-chon-${suffix}`],
    ]);
    expect(written.rowCount).toBe(0);
    expect((await accountEvents(id)).map((event) => event.type)).toEqual(['AccountCreated']);

    // It lists the accounts granted inside its commune, and no other (not the whole-tree admin).
    const listed = (await scoped.get('accounts').expect(200)).body as { username: string; grants: { organizationId: string | null }[] }[];
    expect(listed.map((account) => account.username)).toEqual(expect.arrayContaining([scopedName, `trong-${suffix}`]));
    for (const account of listed)
      expect([account.username, account.grants.some((grant) => grant.organizationId === tree.commune.id)]).toEqual([account.username, true]);
  });

  it('ends every session of an account at logout, and drops a removed grant from its next request', async () => {
    const username = `thanh-tra-${suffix}`;
    await admin.create('accounts', {
      username,
      password: OWN_PASSWORD,
      grants: [
        { role: 'discipline-officer', organizationId: tree.commune.id },
        { role: 'viewer', organizationId: tree.province.id },
      ],
      mustChangePassword: false,
    });
    const { accessToken } = await login(username, OWN_PASSWORD);
    const member = await tree.admit('Trần Thị Hoa');
    const account = (await admin.get('accounts').expect(200)).body.find((candidate: { username: string }) => candidate.username === username) as { id: string };
    await http()
      .delete(`/api/v1/accounts/${account.id}/grants`)
      .set(bearer(await loginAs(app, 'admin', ADMIN_PASSWORD)))
      .send({ role: 'discipline-officer', organizationId: tree.commune.id })
      .expect(200);
    const afterRemoval = await http()
      .post('/api/v1/inspections')
      .set(bearer(accessToken))
      .send(inspectionOf(tree.commune.id, { kind: 'member', memberId: member.id }));
    expect([afterRemoval.status, afterRemoval.body.code]).toEqual([403, 'forbidden']);
    expect((await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(accessToken))).status).toBe(200);

    expect((await http().post('/api/v1/auth/logout').set(bearer(accessToken))).status).toBe(204);
    expect((await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(accessToken))).status).toBe(401);
  });
});
