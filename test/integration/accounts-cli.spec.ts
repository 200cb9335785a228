import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiClient, foundTree, type Tree } from '../support/api-client.js';
import { compiledCli } from '../support/cli-process.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, sharedKeys } from '../support/test-app.js';

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) console.warn('accounts CLI: not run without TEST_DATABASE_URL (the embedded database is open to one process, the service here)');
const describeOnPostgres = postgres ? describe : describe.skip;

const built = compiledCli('accounts-cli-test');
// Each command starts the service's application in a process of its own: seconds each on a loaded machine.
const CLI_CASE_MS = 300_000;

describeOnPostgres('npm run cli -- accounts: set-up without the admin UI', () => {
  let isolated: IsolatedDatabase;
  let app: NestExpressApplication;
  let tree: Tree;
  const folder = mkdtempSync(join(tmpdir(), 'disciplina-accounts-cli-'));
  const cli = (...args: string[]) =>
    built.run(['accounts', ...args], { DATABASE_URL: isolated.url, DATA_DIR: folder, LOG_LEVEL: 'silent', ADMIN_PASSWORD, ...sharedKeys() });
  const login = (username: string, password: string) => request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password });

  beforeAll(async () => {
    built.compile();
    isolated = await isolatedDatabase(postgres!);
    app = await createTestApp(isolated.url);
    tree = await foundTree(new ApiClient(await authorizedAgent(app)));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await isolated?.drop();
    built.remove();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    'creates, grants, revokes, disables and resets an account, each as an event by the operator',
    async () => {
      const created = await cli('create', 'can-bo-cli', '--grant', `discipline-officer@${tree.commune.id}`);
      expect([created.code, created.stderr]).toEqual([0, expect.not.stringContaining('refused')]);
      const password = /password \(to change at the first login\): (\S+)/.exec(created.stdout)?.[1];
      expect(password).toBeDefined();
      const first = await login('can-bo-cli', password!);
      expect([first.status, first.body.mustChangePassword]).toEqual([200, true]);

      expect((await cli('grant', 'can-bo-cli', `viewer@${tree.province.id}`)).code).toBe(0);
      expect((await cli('revoke', 'can-bo-cli', `discipline-officer@${tree.commune.id}`)).code).toBe(0);
      expect((await cli('disable', 'can-bo-cli')).code).toBe(0);
      expect((await login('can-bo-cli', password!)).status).toBe(403);
      expect((await cli('enable', 'can-bo-cli')).code).toBe(0);
      expect((await cli('reset-password', 'can-bo-cli', '--password', 'mat-khau-moi-cua-xa')).code).toBe(0);
      const reset = await login('can-bo-cli', 'mat-khau-moi-cua-xa');
      expect([reset.status, reset.body.mustChangePassword]).toEqual([200, true]);

      const admin = new ApiClient(await authorizedAgent(app));
      const listed = (await admin.get('accounts').expect(200)).body as { id: string; username: string; grants: unknown[]; status: string }[];
      const account = listed.find((candidate) => candidate.username === 'can-bo-cli')!;
      expect(account).toMatchObject({ status: 'active', grants: [{ role: 'viewer', organizationId: tree.province.id }], identities: [] });

      expect((await cli('link', 'can-bo-cli', 'nguyen-van-an', '--issuer', 'https://id.ubkt.example.vn')).code).toBe(0);
      const linked = (await admin.get(`accounts/${account.id}`).expect(200)).body as { state: { account: { identities: unknown[] } } };
      expect(linked.state.account.identities).toEqual([{ issuer: 'https://id.ubkt.example.vn', subject: 'nguyen-van-an' }]);
      // Without OIDC_ISSUER, the issuer must be named.
      expect((await cli('link', 'can-bo-cli', 'nguyen-van-an')).code).toBe(2);
    },
    CLI_CASE_MS,
  );

  it(
    'refuses what the API refuses, with its code and exit 1, and misuse with exit 2',
    async () => {
      const unknown = await cli('create', 'khong-co-to-chuc', '--grant', 'viewer@5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f');
      expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringMatching(/^refused: unknown-reference: .*\(grants\[0\]\.organizationId\)$/m)]);
      const weak = await cli('create', 'mat-khau-yeu', '--grant', 'viewer@*', '--password', 'ngan');
      expect([weak.code, weak.stderr]).toEqual([1, expect.stringMatching(/^refused: invalid-input: password must be at least 12 characters/m)]);
      const missing = await cli('disable', 'khong-ton-tai');
      expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/^refused: not-found: no such account$/m)]);
      expect((await cli('grant', 'can-bo-cli', 'emperor@*')).code).toBe(2);
    },
    CLI_CASE_MS,
  );
});
