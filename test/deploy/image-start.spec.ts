import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { testClient } from '../support/databases.js';
import { imageEnvironment, ROOT, startCommand } from './image.js';

/** The image runs as a user of its own; here, nobody. */
const NOBODY = 65534;
const AS_NOBODY = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'];

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, program)));
}

function reasonNotToRun(): string | undefined {
  if (!process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set, and the image runs on PostgreSQL (CI sets it)';
  if (process.getuid?.() !== 0) return 'the tests do not run as root, so they cannot start the service as another user';
  if (!onPath('setpriv')) return 'there is no setpriv (util-linux) to start the service as an unprivileged user';
  return undefined;
}

const reason = reasonNotToRun();
if (reason) console.warn(`image start: not run, ${reason}.`);
const describeWhenPossible = reason ? describe.skip : describe;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  readonly child: ChildProcess;
  /** Standard output and error, as they came. */
  output(): string;
  stdout(): string;
  exited: Promise<number | null>;
}

/** A command as the image's user, in the image's working directory (its /app holds package.json, node_modules and dist like the worktree). */
function startAsNobody(command: readonly string[], env: Record<string, string>): Started {
  const [program, ...args] = command;
  const child = spawn(AS_NOBODY[0]!, [...AS_NOBODY.slice(1), program === 'node' ? process.execPath : program!, ...args], { cwd: ROOT, env });
  let output = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, stdout: () => stdout, exited };
}

async function runAsNobody(command: readonly string[], env: Record<string, string>): Promise<{ code: number | null; output: string; stdout: string }> {
  const started = startAsNobody(command, env);
  const code = await started.exited;
  return { code, output: started.output(), stdout: started.stdout() };
}

/** Asks until `attempt` answers, the service exits, or a minute has passed. */
async function poll<T>(service: Started, what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`the service exited (${service.child.exitCode ?? service.child.signalCode}) before ${what}:\n${service.output()}`);
    }
    try {
      const answer = await attempt();
      if (answer !== undefined) return answer;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ${what} within a minute (last: ${last}):\n${service.output()}`);
}

describeWhenPossible('the image', () => {
  let folder: string;
  let dataDir: string;
  const name = `disciplina_image_${randomUUID().replaceAll('-', '')}`;
  let databaseUrl: string;
  /** A login in disciplina_app, as compose's and Kubernetes' service runs (roles are cluster-wide: named uniquely). */
  let appUrl: string;
  let keys: Record<string, string>;
  const adminPassword = 'an-admin-password-for-the-image';
  let adminPasswordFile: string;
  let service: Started | undefined;
  const env = (more: Record<string, string>) => ({ PATH: process.env.PATH!, ...imageEnvironment(), DATA_DIR: dataDir, ...more });

  async function onServer(sql: string): Promise<void> {
    const client = await testClient(process.env.TEST_DATABASE_URL!);
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'pipe' });
    folder = mkdtempSync(join(tmpdir(), 'disciplina-image-'));
    dataDir = join(folder, 'data');
    chownSync(folder, NOBODY, NOBODY);
    mkdirSync(dataDir, { mode: 0o700 });
    chownSync(dataDir, NOBODY, NOBODY);
    await onServer(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();

    const generated = await runAsNobody(['node', 'dist/src/cli/main.js', 'keys', 'generate', '--out', join(folder, 'keys')], env({}));
    if (generated.code !== 0) throw new Error(`keys generate failed:\n${generated.output}`);
    keys = Object.fromEntries(
      generated.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string]),
    );
    const migrated = await runAsNobody(['node', 'dist/src/cli/main.js', 'migrate'], env({ DATABASE_URL: databaseUrl }));
    if (migrated.code !== 0) throw new Error(`migrate failed:\n${migrated.output}`);
    adminPasswordFile = join(folder, 'admin-password');
    writeFileSync(adminPasswordFile, `${adminPassword}\n`, { mode: 0o600 });
    chownSync(adminPasswordFile, NOBODY, NOBODY);
    // As the deployments' job does: only the owner may create the read models' tables, so it builds them first.
    const built = await runAsNobody(
      ['node', 'dist/src/cli/main.js', 'rebuild', '--needed'],
      env({ DATABASE_URL: databaseUrl, ...keys, ADMIN_PASSWORD_FILE: adminPasswordFile }),
    );
    if (built.code !== 0) throw new Error(`rebuild failed:\n${built.output}`);
    await onServer(`CREATE ROLE ${name} LOGIN PASSWORD '${name}' IN ROLE disciplina_app`);
    url.username = name;
    url.password = name;
    appUrl = url.toString();
  }, 180_000);

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await onServer(`DROP ROLE IF EXISTS ${name}`);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('starts from its CMD as an unprivileged user, on PostgreSQL as the application role after migrate and rebuild --needed, with the shared key files, makes no key of its own and follows every projection', async () => {
    expect(Object.keys(keys).sort()).toEqual(['AUDIT_SIGNING_KEY_FILE', 'JWT_SECRET_FILE', 'PERSONAL_DATA_KEY_FILE']);
    const port = await freePort();
    service = startAsNobody(startCommand(), env({ PORT: String(port), DATABASE_URL: appUrl, ...keys, ADMIN_PASSWORD_FILE: adminPasswordFile }));

    const base = `http://127.0.0.1:${port}`;
    const ready = await poll(service, 'ready', async () => {
      const response = await fetch(`${base}/health/ready`);
      return response.status === 200 ? await response.json() : undefined;
    });
    expect(ready).toEqual({ status: 'ok', database: 'postgres' });
    expect(readFileSync(`/proc/${service.child.pid}/status`, 'utf8')).toMatch(new RegExp(`^Uid:\\s+${NOBODY}\\s`, 'm'));
    expect(readdirSync(dataDir)).toEqual([]);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const statuses = await poll(service, 'following every projection', async () => {
      const response = await fetch(`${base}/api/v1/projections`, { headers: { authorization: `Bearer ${accessToken}` } });
      const listed = (await response.json()) as { name: string; status: string; error?: string }[];
      if (!listed.every(({ status }) => status === 'live')) throw new Error(`not all live: ${JSON.stringify(listed)}`);
      return listed;
    });
    expect(statuses.length).toBeGreaterThan(0);

    service.child.kill('SIGTERM');
    await service.exited;
  }, 90_000);

  it('refuses to start on DATABASE_URL without the shared keys, naming them', async () => {
    const refused = await runAsNobody(startCommand(), env({ PORT: String(await freePort()), DATABASE_URL: databaseUrl }));

    expect(refused.code).toBe(1);
    expect(refused.output).toContain('JWT_SECRET_FILE (or JWT_SECRET), AUDIT_SIGNING_KEY_FILE, PERSONAL_DATA_KEY_FILE must be set with DATABASE_URL');
  }, 30_000);
});
