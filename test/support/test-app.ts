import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { newSigningKeyPem } from '../../src/audit/signing-key.js';
import { newMasterKeyText } from '../../src/event-store/personal-data/master-key.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { configureApp } from '../../src/platform/http/configure-app.js';
import { Clock } from '../../src/shared/clock.js';

export const ADMIN_PASSWORD = 'test-admin-password';
export const JWT_SECRET = 'test-jwt-secret-of-at-least-32-characters';

/**
 * The client address of this test file's logins (forwarded through the loopback proxy every test app
 * trusts). The test files of a run share one database, where the limits are counted, and one loopback
 * address: each file logs in as a client of its own.
 */
export const CLIENT_ADDRESS = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * What every test app is given unless a test sets it: limits that the requests of all the files sharing a
 * database do not reach together. A test of a limit sets it, and sends its requests as a client of its own.
 */
const TEST_DEFAULTS = {
  TRUST_PROXY: 'loopback',
  RATE_LIMIT_PER_MINUTE: '1000000',
  UNAUTHENTICATED_REQUESTS_PER_MINUTE: '1000000',
  LOGIN_ATTEMPTS_PER_MINUTE: '10000',
};

let keys: Record<string, string> | undefined;

/** The keys that every instance on one DATABASE_URL is given (see `keys generate`): one set per test file. */
export function sharedKeys(): Record<string, string> {
  if (!keys) {
    const folder = mkdtempSync(join(tmpdir(), 'disciplina-keys-'));
    const file = (name: string, content: string) => {
      writeFileSync(join(folder, name), content, { mode: 0o600 });
      return join(folder, name);
    };
    keys = {
      JWT_SECRET,
      AUDIT_SIGNING_KEY_FILE: file('audit-signing-key.pem', newSigningKeyPem()),
      PERSONAL_DATA_KEY_FILE: file('personal-data-key', newMasterKeyText()),
    };
  }
  return keys;
}

/** The whole service over HTTP, as `npm start` builds it, on the given database (and clock, when a test fixes the time). */
export async function createTestApp(databaseUrl: string, env: Record<string, string> = {}, clock?: Clock): Promise<NestExpressApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'disciplina-test-')),
    ADMIN_PASSWORD,
    ...(databaseUrl ? sharedKeys() : { JWT_SECRET }),
    ...TEST_DEFAULTS,
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  const moduleRef = await (clock ? builder.overrideProvider(Clock).useValue(clock) : builder).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, config);
  await app.init();
  return app;
}

export async function loginAs(app: NestExpressApplication, username: string, password: string): Promise<string> {
  const response = await request(app.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', CLIENT_ADDRESS).send({ username, password });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { accessToken: string }).accessToken;
}

export type HttpAgent = ReturnType<typeof request.agent>;

/** A client that sends a bearer token with every request: the administrator's unless told otherwise. */
export async function authorizedAgent(app: NestExpressApplication, username = 'admin', password = ADMIN_PASSWORD): Promise<HttpAgent> {
  const token = await loginAs(app, username, password);
  return request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
}
