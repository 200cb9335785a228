import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import type { Clock } from '../../src/shared/clock.js';
import { testDatabases, testPool } from '../support/databases.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

describe.each(testDatabases())('abuse limits and security headers on $name', (database) => {
  let app: NestExpressApplication;
  let http: HttpAgent;
  let pool: pg.Pool;

  beforeAll(async () => {
    // The limits count in fixed one-minute windows: time stands still here, so that no window turns mid-test.
    const startedAt = Date.now();
    const stopped: Clock = { now: () => new Date(startedAt) };
    app = await createTestApp(
      database.url,
      { RATE_LIMIT_PER_MINUTE: '20', LOGIN_ATTEMPTS_PER_MINUTE: '5', CORS_ORIGINS: 'https://admin.example.org' },
      stopped,
    );
    http = await authorizedAgent(app);
    pool = testPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('answers a burst above the per-account quota with 429 and Retry-After, and writes nothing beyond the quota', async () => {
    const name = `Đảng bộ giới hạn ${Date.now()}`;
    const answers = [];
    for (let i = 0; i < 25; i += 1) {
      answers.push(await http.post('/api/v1/organizations').send({ level: 'province', name, code: `GH${i}`, foundedOn: '2000-01-01' }));
    }
    const accepted = answers.filter((a) => a.status === 201).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(accepted).toBeLessThanOrEqual(20);
    expect(accepted + limited.length).toBe(25);
    expect(limited[0]?.body.code).toBe('rate-limited');
    expect(Number(limited[0]?.headers['retry-after'])).toBeGreaterThan(0);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'OrganizationFounded' AND data->>'name' = $1`, [name]);
    expect(rows[0].n).toBe(accepted);
  });

  it('slows password guessing: login attempts per address beyond the limit get 429, even with the right password', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (
          await request(app.getHttpServer())
            .post('/api/v1/auth/login')
            .send({ username: 'admin', password: `guess-${i}` })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(429);
  });

  it('sends security headers', async () => {
    const response = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('allows browsers only from the configured origins', async () => {
    const allowed = await request(app.getHttpServer())
      .options('/api/v1/rulebook')
      .set('Origin', 'https://admin.example.org')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.org');
    const other = await request(app.getHttpServer())
      .options('/api/v1/rulebook')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
