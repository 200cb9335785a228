import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import type { Grant } from '../../src/shared/access/principal.js';
import { addDays } from '../../src/rulebook/index.js';
import { ApiClient, type View } from '../support/api-client.js';
import { recordedDenials } from '../support/access-records.js';
import { testDatabases, testPool } from '../support/databases.js';
import { confidentialCaseUnderAppeal, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'confidential-test-password';
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(today, -days);

type Item = Record<string, unknown>;

describe.each(testDatabases())('confidential discipline cases on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;
  let member: View;
  let confidential: View;
  let appeal: View;
  let ordinary: View;
  const clients = new Map<string, ApiClient>();
  const usernames = new Map<string, string>();
  const as = (name: string) => clients.get(name)!;

  const readers = ['province administrator', 'province discipline officer', 'province auditor'];
  const others = [
    'commune administrator',
    'commune discipline officer',
    'commune auditor',
    'province viewer',
    'province inspector',
    'viewer of the whole tree',
  ];

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    tree = await foundDisciplineTree(admin);
    member = await tree.admitFull('Hoàng Minh Tuấn');
    // Planned as a cadre before the confidential sanction takes effect: the sanction takes the member off the list.
    const list = await admin.create('planning-lists', {
      organizationId: tree.commune.id,
      target: 'executive-committee',
      term: { fromYear: 2025, toYear: 2030 },
      approvedOn: daysAgo(60),
      decision: '3-QĐ/ĐU',
    });
    await admin.command(`planning-lists/${list.id}/additions`, { memberId: member.id, addedOn: daysAgo(50), decision: '4-QĐ/ĐU' });
    ({ confidential, appeal } = await confidentialCaseUnderAppeal(admin, tree, member, today));
    const colleague = await tree.admitFull('Phan Thị Mai');
    ordinary = await admin.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId: colleague.id } });

    const suffix = confidential.id.slice(0, 8);
    const users: [string, Grant][] = [
      ['province administrator', { role: 'administrator', organizationId: tree.province.id }],
      ['province discipline officer', { role: 'discipline-officer', organizationId: tree.province.id }],
      ['province auditor', { role: 'auditor', organizationId: tree.province.id }],
      ['commune administrator', { role: 'administrator', organizationId: tree.commune.id }],
      ['commune discipline officer', { role: 'discipline-officer', organizationId: tree.commune.id }],
      ['commune auditor', { role: 'auditor', organizationId: tree.commune.id }],
      ['province viewer', { role: 'viewer', organizationId: tree.province.id }],
      ['province inspector', { role: 'inspector', organizationId: tree.province.id }],
      ['viewer of the whole tree', { role: 'viewer', organizationId: null }],
    ];
    for (const [name, grant] of users) {
      const username = `${name.replaceAll(' ', '-')}-${suffix}`;
      await app.get(Accounts).setUp(username, PASSWORD, [grant]);
      usernames.set(name, username);
      clients.set(name, new ApiClient(await authorizedAgent(app, username, PASSWORD)));
    }
    await waitUntilProjected(pool, await committedHead(pool));
  }, 120_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const routes = () => [`discipline-cases/${confidential.id}`, `discipline-cases/${confidential.id}/deadlines`, `appeals/${appeal.id}`];

  it("a confidential case is visible only to administrators, discipline officers and auditors granted over its considering body's organization or above", async () => {
    for (const name of readers) {
      for (const path of routes()) expect([name, path, (await as(name).get(path)).status]).toEqual([name, path, 200]);
    }
    for (const name of others) {
      for (const path of routes()) {
        const response = await as(name).get(path);
        expect([name, path, response.status, response.body.code]).toEqual([name, path, 404, 'not-found']);
      }
      expect([name, (await as(name).get(`discipline-cases/${ordinary.id}`)).status]).toEqual([name, 200]);
    }
  });

  it('keeps it in the history, member record, work lists, alerts and audit trail of its readers, and out of everyone else’s', async () => {
    const mentions = (body: Item) => [confidential.id, appeal.id].some((id) => JSON.stringify(body).includes(id));
    const history = `organizations/${tree.commune.id}/history?pageSize=200`;
    const record = `members/${member.id}/record`;
    const officer = as('province discipline officer');
    for (const path of [history, 'work-lists/discipline-cases?pageSize=200', 'alerts?pageSize=200']) {
      expect([path, mentions((await officer.get(path).expect(200)).body)]).toEqual([path, true]);
    }
    expect((await officer.get(record).expect(200)).body.sanctions.inEffect).toHaveLength(1);
    expect(mentions((await as('province auditor').get(`audit/events?organizationId=${tree.commune.id}&pageSize=200`).expect(200)).body)).toBe(true);
    expect(mentions((await as('province auditor').get(`${record}?asOf=${today}`).expect(200)).body)).toBe(true);

    for (const name of others) {
      const client = as(name);
      for (const path of [
        history,
        `${history}&asOf=${today}`,
        record,
        `${record}?asOf=${today}`,
        'work-lists/discipline-cases?pageSize=200',
        'alerts?pageSize=200',
        `audit/events?organizationId=${tree.commune.id}&pageSize=200`,
      ]) {
        const response = await client.get(path);
        expect([name, path, [200, 403].includes(response.status), mentions(response.body)]).toEqual([name, path, true, false]);
      }
    }
    const commune = await as('commune discipline officer').get(history).expect(200);
    expect(JSON.stringify(commune.body)).toContain(ordinary.id);
  });

  it("counts it in statistics and in the member's cadre-planning eligibility, naming no case", async () => {
    const period = `from=${daysAgo(30)}&to=${today}&organizationId=${tree.commune.id}`;
    const counted = (await as('province viewer').get(`reports/discipline-statistics?${period}`).expect(200)).body;
    expect(counted.sanctions.members.total).toBe(1);
    expect(JSON.stringify(counted)).not.toContain(confidential.id);
    const record = await as('commune discipline officer').get(`members/${member.id}/record`).expect(200);
    expect(record.body).toMatchObject({ sanctions: { inEffect: [] }, cadrePlanning: { eligible: false, reason: 'planning-bar' } });
    // Off the planning list, as its readers see it too, without the case or its decision number.
    const removal = { act: 'removed', on: daysAgo(5), reason: 'discipline' };
    expect(record.body.cadrePlanning.lists).toMatchObject([
      { status: 'removed', acts: [{ act: 'added' }, { ...removal, decision: null, disciplineDecisionId: null }] },
    ]);
    const readers = await as('province discipline officer').get(`members/${member.id}/record`).expect(200);
    expect(readers.body.cadrePlanning.lists[0].acts[1]).toMatchObject({ ...removal, decision: '15-QĐ/UBKTTU', disciplineDecisionId: confidential.id });
  });

  it('answers commands on it as if it did not exist, and refuses its opening to a grant below the considering body', async () => {
    const written = async () =>
      (await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [`discipline-case-${confidential.id}`])).rows[0].n as number;
    const before = await written();
    const officer = as('commune discipline officer');
    await officer.post(`discipline-cases/${confidential.id}/state-action-proposals`, { stateBody: 'UBND xã', proposedOn: today }).expect(404);
    const filed = await officer
      .post('appeals', {
        caseId: confidential.id,
        appellant: { kind: 'member', memberId: member.id },
        filedOn: today,
        reviewingBody: tree.body(tree.province, 'standing-committee'),
      })
      .expect(422);
    expect(filed.body).toMatchObject({ code: 'unknown-reference', details: { field: 'caseId' } });
    expect(await written()).toBe(before);

    const opening = { openedOn: today, subject: { kind: 'member', memberId: member.id }, confidentialTo: tree.body(tree.province, 'inspection-commission') };
    const refused = await officer.post('discipline-cases', opening).expect(403);
    expect(refused.body.code).toBe('out-of-scope');
    const opened = await as('province discipline officer').create('discipline-cases', opening);
    expect(opened.state['file']).toMatchObject({ confidentialTo: tree.body(tree.province, 'inspection-commission') });
    const stranger = await as('province discipline officer')
      .post('discipline-cases', { ...opening, confidentialTo: { organizationId: '0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60', bodyKind: 'inspection-commission' } })
      .expect(422);
    expect(stranger.body).toMatchObject({ code: 'unknown-reference', details: { field: 'confidentialTo.organizationId' } });
  });

  it('records the 404 it answers a grant of another organization as a refused access in the audit trail, by route pattern, never its id', async () => {
    const stranger = usernames.get('commune administrator')!;
    await as('commune administrator').get(`discipline-cases/${confidential.id}`).expect(404);
    await as('commune discipline officer').post(`discipline-cases/${confidential.id}/announce`, { announcedOn: today }).expect(404);
    await recordedDenials(app, pool, { actor: stranger, status: 404, route: '/api/v1/discipline-cases/:id' }, 1);
    await recordedDenials(app, pool, { actor: usernames.get('commune discipline officer')!, status: 404 }, 1);

    const trail = await admin.get(`audit/events?actor=${stranger}&eventType=AccessDenied&order=desc&pageSize=200`).expect(200);
    expect(trail.body.items.map((item: { data: Item }) => item.data)).toContainEqual(
      expect.objectContaining({ actor: stranger, method: 'GET', route: '/api/v1/discipline-cases/:id', status: 404, code: 'not-found' }),
    );
    const officer = await admin.get(`audit/events?actor=${usernames.get('commune discipline officer')}&eventType=AccessDenied&pageSize=200`).expect(200);
    expect(officer.body.items.map((item: { data: Item }) => item.data)).toContainEqual(
      expect.objectContaining({ method: 'POST', route: '/api/v1/discipline-cases/:id/announce', status: 404, code: 'not-found' }),
    );
    expect(JSON.stringify([trail.body, officer.body])).not.toContain(confidential.id);
  });
});
