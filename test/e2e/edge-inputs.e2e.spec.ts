import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { MAX_BODY_DEPTH } from '../../src/platform/http/body-depth.js';
import { MAX_PAGE } from '../../src/platform/http/page-query.dto.js';
import { testDatabases, testPool } from '../support/databases.js';
import { ADMIN_PASSWORD, authorizedAgent, CLIENT_ADDRESS, createTestApp, type HttpAgent } from '../support/test-app.js';

/** JSON text of arrays nested `depth` levels deep, written out as a client would send it. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe.each(testDatabases())('edge inputs: bodies nested too deep and numbers out of range on $name', (database) => {
  let app: NestExpressApplication;
  let http: HttpAgent;
  let pool: pg.Pool;

  beforeAll(async () => {
    app = await createTestApp(database.url, { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    http = await authorizedAgent(app);
    pool = testPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const expectTooDeep = (body: unknown) =>
    expect(body).toMatchObject({ status: 400, code: 'body-too-deep', detail: expect.stringContaining(`at most ${MAX_BODY_DEPTH} levels`) });

  it('refuses a command whose body nests 3000 levels deep with 400 body-too-deep, and records nothing', async () => {
    const name = `Đảng bộ lồng sâu ${Date.now()}`;
    const body = `{"level":"province","name":${JSON.stringify(name)},"code":"LS","foundedOn":"2000-01-01","note":${nested(3000)}}`;
    const response = await http.post('/api/v1/organizations').set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expectTooDeep(response.body);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE data->>'name' = $1`, [name]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a deep login body before the login attempts are counted, so the right password still works after', async () => {
    const deep = `{"username":"admin","password":${JSON.stringify(ADMIN_PASSWORD)},"x":${nested(3000)}}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', CLIENT_ADDRESS)
        .set('Content-Type', 'application/json')
        .send(deep)
        .expect(400);
      expectTooDeep(response.body);
      expect(response.body.accessToken).toBeUndefined();
    }
    await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', CLIENT_ADDRESS)
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
  });

  it('lets a body through at the depth limit, to the validation that names its fields', async () => {
    const atLimit = `{"level":"province","name":"Đảng bộ","code":"GH","foundedOn":"2000-01-01","note":${nested(MAX_BODY_DEPTH - 1)}}`;
    const response = await http.post('/api/v1/organizations').set('Content-Type', 'application/json').send(atLimit).expect(400);
    expect(response.body).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ field: 'note', rule: 'whitelistValidation' })] });
  });

  it.each([
    ['alerts', 'page', '99999999999999999999', 'max'],
    ['alerts', 'page', String(MAX_PAGE + 1), 'max'],
    ['alerts', 'page', '1.5', 'isInt'],
    ['alerts', 'pageSize', '99999999999999999999', 'max'],
    ['alerts', 'within', '1e400', 'isInt'],
    ['work-lists/inspections', 'page', '99999999999999999999', 'max'],
    ['work-lists/discipline-cases', 'pageSize', '-1', 'min'],
    ['audit/events', 'pageSize', '99999999999999999999', 'max'],
    ['audit/events', 'after', 'not-a-cursor', 'cursor'],
  ])('answers GET %s with %s=%s 400, naming the field and the rule (%s)', async (path, field, value, rule) => {
    const response = await http.get(`/api/v1/${path}?${field}=${value}`).expect(400);
    expect(response.body).toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([expect.objectContaining({ field, rule, message: expect.stringContaining(field) })]),
    });
  });

  it('still serves the last page allowed, empty past the end', async () => {
    const response = await http.get(`/api/v1/alerts?page=${MAX_PAGE}&pageSize=200`).expect(200);
    expect(response.body).toMatchObject({ page: MAX_PAGE, pageSize: 200, items: [] });
  });
});
