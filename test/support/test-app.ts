import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { configureApp } from '../../src/platform/http/configure-app.js';
import { Clock } from '../../src/shared/clock.js';

export const ADMIN_PASSWORD = 'test-admin-password';
export const JWT_SECRET = 'test-jwt-secret-of-at-least-32-characters';

/** The whole service over HTTP, as `npm start` builds it, on the given database (and on `clock`'s time when given). */
export async function createTestApp(databaseUrl: string, env: Record<string, string> = {}, clock?: Clock): Promise<NestExpressApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'disciplina-test-')),
    ADMIN_PASSWORD,
    JWT_SECRET,
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, config);
  await app.init();
  return app;
}

export async function loginAs(app: NestExpressApplication, username: string, password: string): Promise<string> {
  const response = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { accessToken: string }).accessToken;
}

export type HttpAgent = ReturnType<typeof request.agent>;

/** A client that sends a bearer token with every request: the administrator's unless told otherwise. */
export async function authorizedAgent(app: NestExpressApplication, username = 'admin', password = ADMIN_PASSWORD): Promise<HttpAgent> {
  const token = await loginAs(app, username, password);
  return request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
}
