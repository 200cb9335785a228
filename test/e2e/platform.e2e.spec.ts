import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { testDatabases } from '../support/databases.js';
import { createTestApp } from '../support/test-app.js';

describe.each(testDatabases())('platform endpoints on $name', (database) => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp(database.url, { BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is live and ready when the database answers', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toBe('Disciplina');
    await request(app.getHttpServer()).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('exposes Prometheus metrics, including HTTP request durations', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers an unknown API route with a problem document', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'not-found', instance: '/api/v1/no-such-thing' });
  });

  it('answers a body over the limit with 413, not 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/no-such-thing')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(4096) }))
      .expect(413);
    expect(response.body).toMatchObject({ code: 'payload-too-large' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/no-such-thing')
      .set('Content-Type', 'application/json')
      .send('{"unterminated": ')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400 });
  });

  it("keeps a caller's safe request id and echoes it", async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/no-such-thing').set('X-Request-Id', 'trace-123');
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.body.requestId).toBe('trace-123');
  });
});
