import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditService } from '../../src/audit/audit.service.js';
import type { SignedCheckpoint } from '../../src/audit/checkpoint.js';
import { Database } from '../../src/database/database.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { isolatedDatabase, testClient, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { createTestApp, sharedKeys } from '../support/test-app.js';

const run = promisify(execFile);
const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) console.warn('backup and restore: not run. They run pg_dump and pg_restore against PostgreSQL: set TEST_DATABASE_URL (CI does).');
const describeOnPostgres = postgres ? describe : describe.skip;

const metadata = { actor: 'backup-test', correlationId: 'backup-test' };

/** A fresh database of the same cluster, dropped after the test, restored from a custom-format dump as the README says. */
async function restored(dump: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `disciplina_restored_${Math.random().toString(36).slice(2, 10)}`;
  const admin = await testClient(postgres!.url);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgres!.url);
  url.pathname = `/${name}`;
  await run('pg_restore', ['--exit-on-error', '--dbname', url.toString(), dump]);
  return {
    url: url.toString(),
    async drop() {
      const client = await testClient(postgres!.url);
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.end();
    },
  };
}

describeOnPostgres('backup (database dump, key files, witness) and restore into a fresh database', () => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  const folder = mkdtempSync(join(tmpdir(), 'disciplina-backup-'));
  const witnessDir = join(folder, 'witness');
  let second: SignedCheckpoint;
  let dumped: { streams: number; events: number };

  const backupKeys = () => {
    const keys = sharedKeys();
    const copy = (variable: 'AUDIT_SIGNING_KEY_FILE' | 'PERSONAL_DATA_KEY_FILE') => {
      const file = join(folder, 'keys', variable);
      copyFileSync(keys[variable]!, file);
      return file;
    };
    mkdirSync(join(folder, 'keys'), { recursive: true, mode: 0o700 });
    return { JWT_SECRET: keys.JWT_SECRET!, AUDIT_SIGNING_KEY_FILE: copy('AUDIT_SIGNING_KEY_FILE'), PERSONAL_DATA_KEY_FILE: copy('PERSONAL_DATA_KEY_FILE') };
  };

  beforeAll(async () => {
    database = await isolatedDatabase(postgres!);
    app = await createTestApp(database.url, { AUDIT_WITNESS_DIR: witnessDir, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
    const store = app.get(EventStore);
    const audit = app.get(AuditService);
    const append = (streamId: string, count: number) =>
      store.append({
        streamId,
        streamType: streamId.split('-')[0]!,
        events: Array.from({ length: count }, (_, n) => ({ type: 'SomethingHappened', data: { n } })),
        expectedVersion: 'any',
        metadata,
      });
    // A dump taken while a runner builds a read model's tables meets them half made: the dump waits for the runners.
    const { pool } = app.get(Database);
    const dump = async (file: string) => {
      await waitUntilProjected(pool, await committedHead(pool));
      await run('pg_dump', ['--format=custom', '--file', join(folder, file), database.url]);
    };
    for (const streamId of ['inspection-1', 'member-1', 'member-2']) await append(streamId, 4);
    await audit.createCheckpoint();
    await dump('older.dump');
    await append('inspection-1', 2);
    await append('member-3', 1);
    second = await audit.createCheckpoint();
    await dump('latest.dump');
    // The service records events of its own too (its first account): the restore must hold what the dump held.
    const { rows } = await pool.query<{ streams: number; events: number }>(
      'SELECT count(DISTINCT stream_id)::int AS streams, count(*)::int AS events FROM events',
    );
    dumped = rows[0]!;
  }, ISOLATED_SETUP_MS);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function verifyRestored(dump: string) {
    const target = await restored(dump);
    const keys = backupKeys();
    const copiedWitness = mkdtempSync(join(folder, 'restored-witness-'));
    cpSync(witnessDir, copiedWitness, { recursive: true });
    const service = await createTestApp(target.url, { ...keys, AUDIT_WITNESS_DIR: copiedWitness, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
    try {
      return await service.get(AuditService).verify();
    } finally {
      await service.close();
      await target.drop();
    }
  }

  it('verifies every chain, the latest checkpoint and the witness on the latest dump restored with the backed-up keys', async () => {
    const result = await verifyRestored(join(folder, 'latest.dump'));
    expect(result.valid).toBe(true);
    expect(result.chains).toEqual({ valid: true, ...dumped, firstBroken: null });
    expect(result.latestCheckpoint).toMatchObject({
      checkpointId: second.statement.checkpointId,
      signature: { valid: true },
      missingOrChanged: [],
      commitOrder: { valid: true },
    });
    expect(result.witness).toMatchObject({ checkpoints: 2, unreadableLines: 0, missingFromStore: [], commitOrderChanged: [] });
  }, 120_000);

  it('reports an older dump restored over the witness as a rolled-back tail', async () => {
    const result = await verifyRestored(join(folder, 'older.dump'));
    expect(result.chains.valid).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.witness.missingFromStore).toEqual([{ checkpointId: second.statement.checkpointId, createdAt: second.statement.createdAt }]);
  }, 120_000);
});
