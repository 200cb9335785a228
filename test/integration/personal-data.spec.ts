import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import type { Grant } from '../../src/shared/access/principal.js';
import { Accounts } from '../../src/accounts/accounts.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { newDataKey } from '../../src/event-store/personal-data/sealed-value.js';
import { ForeignMasterKeyError, SubjectKeys } from '../../src/event-store/personal-data/subject-keys.js';
import { memberRecordProjection } from '../../src/projections/member-record/member-record.projection.js';
import { organizationHistoryProjection } from '../../src/projections/organization-history/organization-history.projection.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { Clock } from '../../src/shared/clock.js';
import { ApiClient, foundTree, type Tree, type View } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, testPool, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'personal-data-test-password';
const NAME = 'Lê Thị Hồng Nhung';
const today = new Date().toISOString().slice(0, 10);
const BIRTH_DATE = '1979-11-23';
const ERASURE = { ground: 'consent-withdrawn', reference: 'Đơn đề nghị xóa dữ liệu ngày 02/06/2026' };

type Member = { fullName: string | null; birthDate: string | null; personalDataErased: boolean };
const memberOf = (view: View) => view.state['member'] as Member;

describe.each(testDatabases())('personal data under Decree 13/2023/NĐ-CP on $name', (target) => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let tree: Tree;
  let member: View;
  const clients = new Map<string, ApiClient>();

  const admit = (fullName: string, birthDate = BIRTH_DATE) =>
    admin.post('members', { organizationId: tree.commune.id, fullName, birthDate, admittedOn: '2024-08-01' }).set('Idempotency-Key', randomUUID()).expect(201);
  const eventCount = async (memberId: string) =>
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [`member-${memberId}`])).rows[0]!.n;
  const hasKey = async (memberId: string) => (await pool.query('SELECT 1 FROM personal_data_keys WHERE subject_id = $1', [memberId])).rowCount === 1;
  const storedAdmission = async (memberId: string) =>
    (
      await pool.query<{ data: Record<string, unknown> }>(`SELECT data FROM events WHERE stream_id = $1 AND event_type = 'MemberAdmitted'`, [
        `member-${memberId}`,
      ])
    ).rows[0]!.data;
  /** Every table of the schema whose rows, as text, contain `text`. */
  async function tablesHolding(text: string): Promise<string[]> {
    const { rows } = await pool.query<{ table: string }>(`SELECT tablename AS table FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`);
    const holding: string[] = [];
    for (const { table } of rows) {
      const found = await pool.query(`SELECT 1 FROM "${table}" AS r WHERE r::text LIKE '%' || $1 || '%' LIMIT 1`, [text]);
      if (found.rowCount) holding.push(table);
    }
    return holding;
  }
  /** Every API read that concerns the member, as text, but the member view. */
  async function apiReads(memberId: string): Promise<string> {
    const paths = [
      `members/${memberId}/record`,
      `members/${memberId}/record?asOf=${today}`,
      `organizations/${tree.commune.id}/history`,
      `organizations/${tree.commune.id}/history?asOf=${today}`,
      `audit/events?streamId=member-${memberId}`,
      `audit/events?organizationId=${tree.commune.id}&pageSize=200`,
    ];
    const bodies = [];
    for (const path of paths) {
      const response = await admin.get(path);
      expect([path, response.status]).toEqual([path, 200]);
      bodies.push(JSON.stringify(response.body));
    }
    return bodies.join('\n');
  }

  async function clientWith(username: string, grants: Grant[]): Promise<ApiClient> {
    await app.get(Accounts).setUp(username, PASSWORD, grants);
    return new ApiClient(await authorizedAgent(app, username, PASSWORD));
  }

  beforeAll(async () => {
    database = await isolatedDatabase(target);
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    tree = await foundTree(admin);
    const elsewhere = await foundTree(admin);
    member = (await admit(NAME)).body as View;
    const province = tree.province.id;
    for (const role of ['discipline-officer', 'inspector', 'auditor', 'viewer'] as const)
      clients.set(role, await clientWith(role, [{ role, organizationId: province }]));
    // An officer elsewhere and a viewer here: no grant of an officer's role reaches the member.
    clients.set(
      'officer-elsewhere',
      await clientWith('officer-elsewhere', [
        { role: 'viewer', organizationId: province },
        { role: 'discipline-officer', organizationId: elsewhere.commune.id },
      ]),
    );
    await waitUntilProjected(pool, await committedHead(pool));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await pool.end();
    await app.close();
    await database.drop();
  });

  it('stores name and birth date only as ciphertext sealed with the member’s key: no table holds them in clear', async () => {
    const stored = await storedAdmission(member.id);
    for (const field of ['fullName', 'birthDate']) {
      expect(stored[field]).toEqual({ enc: 'aes-256-gcm', keyId: expect.any(String), iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) });
    }
    expect(JSON.stringify(stored)).not.toContain(NAME);
    expect(await tablesHolding(NAME)).toEqual([]);
    expect(await tablesHolding(BIRTH_DATE)).toEqual([]);
    expect(await hasKey(member.id)).toBe(true);
  });

  it('keeps personal fields out of command answers, which the idempotency store keeps', () => {
    expect(member).toMatchObject({ personalDataWithheld: true, state: { member: { fullName: null, birthDate: null, personalDataErased: false } } });
  });

  it.each(['administrator', 'discipline-officer'])('shows name and birth date to the %s role when its grants reach the member', async (role) => {
    const client = role === 'administrator' ? admin : clients.get(role)!;
    const view = await client.view(`members/${member.id}`);
    expect(memberOf(view)).toMatchObject({ fullName: NAME, birthDate: BIRTH_DATE, personalDataErased: false });
    expect(view).not.toHaveProperty('personalDataWithheld');
  });

  it.each(['viewer', 'inspector', 'auditor', 'officer-elsewhere'])('withholds name and birth date from the %s (data minimisation, art. 3)', async (who) => {
    const view = await clients.get(who)!.view(`members/${member.id}`);
    expect(view).toMatchObject({
      personalDataWithheld: true,
      state: { status: 'probationary', member: { memberId: member.id, fullName: null, birthDate: null } },
    });
    expect(JSON.stringify(view)).not.toContain(NAME);
  });

  it.each(['discipline-officer', 'inspector', 'auditor', 'viewer'])('refuses erasure to the %s role with 403 and writes nothing', async (role) => {
    const before = await eventCount(member.id);
    const response = await clients.get(role)!.post(`members/${member.id}/personal-data/erasure`, ERASURE).expect(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await eventCount(member.id)).toBe(before);
    expect(await hasKey(member.id)).toBe(true);
  });

  it.each<[string, string, object, number, string]>([
    ['no ground and no reference', 'own', {}, 400, 'ground'],
    ['a ground the decree does not list', 'own', { ...ERASURE, ground: 'no-longer-liked' }, 400, 'ground'],
    ['a blank reference', 'own', { ...ERASURE, reference: '   ' }, 400, 'reference'],
    ['a field it does not know', 'own', { ...ERASURE, fullName: NAME }, 400, 'fullName'],
    ['an id that is not a UUID', 'not-a-uuid', ERASURE, 400, 'id'],
    ['a member that does not exist', randomUUID(), ERASURE, 404, ''],
  ])('answers %s with a problem, and writes nothing', async (_case, id, body, status, field) => {
    const before = await eventCount(member.id);
    const response = await admin.post(`members/${id === 'own' ? member.id : id}/personal-data/erasure`, body).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field)
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule: expect.any(String), message: expect.any(String) })]));
    expect(await eventCount(member.id)).toBe(before);
    expect(await hasKey(member.id)).toBe(true);
  });

  it('refuses erasure against a stale If-Match with 409, and writes nothing', async () => {
    const response = await admin.post(`members/${member.id}/personal-data/erasure`, ERASURE, 5).expect(409);
    expect(response.body).toMatchObject({ code: 'concurrency-conflict', currentVersion: 1 });
    expect(await hasKey(member.id)).toBe(true);
  });

  describe('erasure (crypto-shredding, art. 16)', () => {
    let before: Record<string, unknown>;
    let erased: View;

    beforeAll(async () => {
      expect(await apiReads(member.id)).not.toContain(NAME);
      before = await storedAdmission(member.id);
      erased = await admin.command(`members/${member.id}/personal-data/erasure`, ERASURE, member.version);
    });

    it('records who erased, when and on which ground, with no personal data, and destroys the key', async () => {
      expect(memberOf(erased)).toMatchObject({ fullName: null, birthDate: null, personalDataErased: true });
      expect(erased.allowedCommands).not.toContain('erasePersonalData');
      expect(await hasKey(member.id)).toBe(false);
      const trail = (await admin.get(`audit/events?streamId=member-${member.id}`).expect(200)).body as { items: Record<string, unknown>[] };
      expect(trail.items.at(-1)).toMatchObject({
        type: 'PersonalDataErased',
        actor: 'admin',
        recordedAt: expect.any(String),
        data: { memberId: member.id, ...ERASURE },
      });
    });

    it('leaves the stored event untouched: the same ciphertext, now unreadable', async () => {
      expect(await storedAdmission(member.id)).toEqual(before);
    });

    it('shows the fields as erased to every role, and the name in no API read (member, record, history, audit trail)', async () => {
      expect(JSON.stringify(await admin.view(`members/${member.id}`))).not.toContain(NAME);
      for (const client of [admin, clients.get('discipline-officer')!, clients.get('viewer')!]) {
        expect(memberOf(await client.view(`members/${member.id}`))).toMatchObject({ fullName: null, birthDate: null, personalDataErased: true });
      }
      expect(await apiReads(member.id)).not.toContain(NAME);
      expect(await tablesHolding(NAME)).toEqual([]);
    });

    it('still verifies every hash chain (verify-audit)', async () => {
      const result = (await admin.get('audit/verify').expect(200)).body as { valid: boolean; chains: { valid: boolean; firstBroken: unknown } };
      expect(result).toMatchObject({ valid: true, chains: { valid: true, firstBroken: null } });
    });

    it('is done once: a second erasure answers 409', async () => {
      const response = await admin.post(`members/${member.id}/personal-data/erasure`, ERASURE).expect(409);
      expect(response.body).toMatchObject({ code: 'invalid-transition', details: { command: 'erasePersonalData' } });
    });

    it('keeps the member acting after it: later commands run and answer without personal data', async () => {
      const full = await admin.command(`members/${member.id}/make-full`, { madeFullOn: '2025-08-01' });
      expect(full).toMatchObject({ state: { status: 'full', member: { fullName: null, birthDate: null, personalDataErased: true } } });
      expect(await hasKey(member.id)).toBe(false);
    });

    it('rebuilds the read models from the events, still without any personal data', async () => {
      const deps = { dataSource: app.get(ReadModels).dataSource, store: app.get(EventStore), clock: app.get(Clock), url: database.url };
      await rebuildProjection(memberRecordProjection, deps);
      await rebuildProjection(organizationHistoryProjection, deps);
      expect(await tablesHolding(NAME)).toEqual([]);
      expect(await apiReads(member.id)).not.toContain(NAME);
    });
  });

  it('reads a member recorded in clear before fields were sealed as recorded, and its erasure hides the fields from every read', async () => {
    const memberId = randomUUID();
    await app.get(EventStore).append({
      streamId: `member-${memberId}`,
      streamType: 'member',
      expectedVersion: 'no-stream',
      metadata: { actor: 'before-sealing', correlationId: 'before-sealing' },
      events: [
        {
          type: 'MemberAdmitted',
          data: { memberId, organizationId: tree.commune.id, fullName: 'Đỗ Văn Cũ', birthDate: '1960-01-01', admittedOn: '2000-01-01' },
        },
      ],
    });
    expect(memberOf(await admin.view(`members/${memberId}`))).toMatchObject({ fullName: 'Đỗ Văn Cũ', birthDate: '1960-01-01' });
    await admin.command(`members/${memberId}/personal-data/erasure`, ERASURE);
    expect(memberOf(await admin.view(`members/${memberId}`))).toMatchObject({ fullName: null, birthDate: null, personalDataErased: true });
  });

  it('refuses to read keys sealed with another master key, naming both keys', async () => {
    const other = new SubjectKeys(pool, newDataKey());
    await expect(other.find([(await admit('Hoàng Văn Khác')).body.id as string])).rejects.toThrow(ForeignMasterKeyError);
  });
});
