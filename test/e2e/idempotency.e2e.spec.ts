import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import { testDatabases, testPool } from '../support/databases.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

function organization(name: string) {
  return { level: 'district', name, code: 'BX', foundedOn: '2015-01-01' };
}

describe.each(testDatabases())('Idempotency-Key on commands on $name', (database) => {
  let app: NestExpressApplication;
  let http: HttpAgent;
  let pool: pg.Pool;

  beforeAll(async () => {
    app = await createTestApp(database.url);
    http = await authorizedAgent(app);
    pool = testPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const post = (key: string, body: object) => http.post('/api/v1/organizations').set('Idempotency-Key', key).send(body);

  async function foundedNamed(name: string): Promise<number> {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'OrganizationFounded' AND data->>'name' = $1`, [name]);
    return rows[0].n;
  }

  it('answers a repeated request with the first answer, and records the command once', async () => {
    const key = randomUUID();
    const name = `Đảng bộ ${key}`;
    const first = await post(key, organization(name)).expect(201);
    const again = await post(key, organization(name)).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await foundedNamed(name)).toBe(1);
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const key = randomUUID();
    await post(key, organization(`A ${key}`)).expect(201);
    const reused = await post(key, organization(`B ${key}`)).expect(422);
    expect(reused.body.code).toBe('idempotency-key-reused');
    expect(await foundedNamed(`B ${key}`)).toBe(0);
  });

  it('lets parallel identical requests record the command once: the others get 409 in flight or the replay', async () => {
    const key = randomUUID();
    const name = `Song song ${key}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(key, organization(name))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const conflict of answers.filter((a) => a.status === 409)) expect(conflict.body.code).toBe('idempotency-request-in-flight');
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(await foundedNamed(name)).toBe(1);
  });

  it('keeps a refusal too: the same invalid request gets the same 400', async () => {
    const key = randomUUID();
    const invalid = { ...organization('x'), foundedOn: 'not a date' };
    const first = await post(key, invalid).expect(400);
    const again = await post(key, invalid).expect(400);
    expect(again.body).toEqual(first.body);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const response = await post('has spaces in it', organization('y')).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'format' })]);
  });

  it('forgets a key after IDEMPOTENCY_TTL_HOURS: the same request then runs again', async () => {
    const key = randomUUID();
    const name = `Hết hạn ${key}`;
    await post(key, organization(name)).expect(201);
    await pool.query(`UPDATE idempotency_keys SET started_at = started_at - interval '25 hours' WHERE idempotency_key = $1`, [key]);
    const again = await post(key, organization(name)).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await foundedNamed(name)).toBe(2);
  });

  it('repeats an answer only while the caller still holds the grants it was given under', async () => {
    const district = await post(randomUUID(), organization(`Huyện ${randomUUID()}`)).expect(201);
    const username = `replay-${randomUUID().slice(0, 8)}`;
    const narrower = { role: 'discipline-officer' as const, organizationId: district.body.id as string };
    const account = await app.get(Accounts).setUp(username, 'replay-test-password', [{ role: 'discipline-officer', organizationId: null }, narrower]);
    const officer = await authorizedAgent(app, username, 'replay-test-password');
    const key = randomUUID();
    const name = `Cấp lại ${key}`;
    const send = () => officer.post('/api/v1/organizations').set('Idempotency-Key', key).send(organization(name));
    await send().expect(201);
    await app.get(Accounts).removeGrant(account.id, narrower);
    const replay = await send().expect(403);
    expect(replay.body.code).toBe('forbidden');
    expect(await foundedNamed(name)).toBe(1);
  });

  it('keeps nothing of a request that carries a password, not even a hash of its body', async () => {
    const key = randomUUID();
    const username = `khoa-${key.slice(0, 8)}`;
    const body = { username, password: 'tam-thoi-cap-xa-2026', grants: [{ role: 'viewer', organizationId: null }] };
    await http.post('/api/v1/accounts').set('Idempotency-Key', key).send(body).expect(201);
    const kept = await pool.query('SELECT 1 FROM idempotency_keys WHERE idempotency_key = $1', [key]);
    expect(kept.rowCount).toBe(0);
    const again = await http.post('/api/v1/accounts').set('Idempotency-Key', key).send(body).expect(409);
    expect(again.body.code).toBe('username-taken');
  });
});
