import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { AuditService } from '../../src/audit/audit.service.js';
import { AuditWitness } from '../../src/audit/audit-witness.js';
import type { SignedCheckpoint } from '../../src/audit/checkpoint.js';
import { EventStore, type RecordedEvent } from '../../src/event-store/event-store.js';
import { compiledCli } from '../support/cli-process.js';
import { asSuperuser, isolatedDatabase, testDatabases, testPool, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { waitUntilCommitSafe } from '../support/projections.js';
import { ADMIN_PASSWORD, createTestApp, sharedKeys } from '../support/test-app.js';

const metadata = { actor: 'anchor-test', correlationId: 'anchor-test' };

const built = compiledCli('audit-anchors-test');
beforeAll(() => built.compile(), 60_000);
afterAll(() => built.remove());

describe.each(testDatabases())('checkpoints anchored outside the database on $name', (target) => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let audit: AuditService;
  let store: EventStore;
  let superuser: pg.Pool;
  const witnessDir = mkdtempSync(join(tmpdir(), 'disciplina-witness-'));
  let first: SignedCheckpoint;
  let second: SignedCheckpoint;

  const append = (streamId: string, count: number) =>
    store.append({
      streamId,
      streamType: streamId.split('-')[0]!,
      events: Array.from({ length: count }, (_, n) => ({ type: 'SomethingHappened', data: { n } })),
      expectedVersion: 'any',
      metadata,
    });
  const firstEvent = async (streamId: string): Promise<RecordedEvent> => (await store.readStream(streamId, { maxCount: 1 }))[0]!;
  // The service records events of its own too (its first account): the counts expected start from what the store holds.
  const stored = async () =>
    (await superuser.query<{ events: number; streams: number }>('SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams FROM events'))
      .rows[0]!;
  const checkpointOfAll = async () => {
    await waitUntilCommitSafe(superuser);
    return audit.createCheckpoint();
  };
  let eventsBeforeFirst: number;

  beforeAll(async () => {
    database = await isolatedDatabase(target);
    app = await createTestApp(database.url, { AUDIT_WITNESS_DIR: witnessDir, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
    audit = app.get(AuditService);
    store = app.get(EventStore);
    superuser = testPool(database.url, 2);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await superuser?.end();
    await app?.close();
    await database?.drop();
    rmSync(witnessDir, { recursive: true, force: true });
  });

  it('signs on the schedule only when the store changed, and appends each checkpoint to the witness', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'disciplina-scheduled-'));
    const scheduled = await createTestApp(database.url, { AUDIT_WITNESS_DIR: folder, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1' });
    try {
      const witness = scheduled.get(AuditWitness);
      const covers = (events: number) => (contents: Awaited<ReturnType<AuditWitness['read']>>) =>
        contents.checkpoints.some(({ statement }) => statement.events === events && statement.commitOrder?.events === events);
      await append('member-scheduled', 2);
      const before = await stored();
      const once = await eventually(() => witness.read(), covers(before.events));
      expect(once.checkpoints.at(-1)!.statement).toMatchObject({ ...before, commitOrder: { events: before.events } });
      await append('member-scheduled', 1);
      const twice = await eventually(() => witness.read(), covers(before.events + 1));
      expect(twice.checkpoints.at(-1)!.statement).toMatchObject({
        streams: before.streams,
        events: before.events + 1,
        commitOrder: { events: before.events + 1 },
      });
      // Only when the store changed: no two checkpoints cover the same events.
      const covered = twice.checkpoints.map(({ statement }) => `${statement.headsDigest}/${statement.commitOrder?.digest}`);
      expect(covered).toEqual([...new Set(covered)]);
      expect(twice.unreadableLines).toBe(0);
    } finally {
      await scheduled.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('finds clean data valid: every chain, the latest checkpoint, the commit order and the witness hold', async () => {
    const atStart = (await stored()).events;
    for (const streamId of ['inspection-1', 'inspection-2', 'member-1']) await append(streamId, 3);
    eventsBeforeFirst = atStart + 9;
    first = await checkpointOfAll();
    await append('inspection-1', 2);
    await append('member-2', 1);
    second = await checkpointOfAll();
    await append('member-1', 1);

    const lines = readFileSync(app.get(AuditWitness).file, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as SignedCheckpoint).statement.checkpointId)).toEqual([
      first.statement.checkpointId,
      second.statement.checkpointId,
    ]);
    expect(JSON.parse(lines[1]!)).toEqual({ statement: second.statement, signature: second.signature });

    const result = await audit.verify();
    expect(result.valid).toBe(true);
    expect(result.latestCheckpoint).toMatchObject({ checkpointId: second.statement.checkpointId, missingOrChanged: [], commitOrder: { valid: true } });
    expect(result.witness).toEqual({ checkpoints: 2, unreadableLines: 0, missingFromStore: [], commitOrderChanged: [], latest: result.latestCheckpoint });
    expect(second.statement.commitOrder).toMatchObject({ events: eventsBeforeFirst + 3 });
  });

  it('detects a changed transaction id (the commit order projections replay), though every chain still holds', async () => {
    const moved = await firstEvent('inspection-2');
    const other = await firstEvent('member-2');
    await asSuperuser(superuser, `UPDATE events SET transaction_id = '${other.transactionId}'::xid8 WHERE event_id = '${moved.eventId}'`);
    const result = await audit.verify();
    expect(result.chains.valid).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.latestCheckpoint!.commitOrder).toMatchObject({ valid: false, signed: second.statement.commitOrder });
    expect(result.witness.commitOrderChanged.map((c) => c.checkpointId)).toEqual([first.statement.checkpointId, second.statement.checkpointId]);

    await asSuperuser(superuser, `UPDATE events SET transaction_id = '${moved.transactionId}'::xid8 WHERE event_id = '${moved.eventId}'`);
    expect((await audit.verify()).valid).toBe(true);
  });

  it('reports a rolled-back tail: the newest checkpoint and the events after the one before deleted by a superuser', async () => {
    const through = first.statement.commitOrder!.through!;
    await asSuperuser(
      superuser,
      `DELETE FROM audit_checkpoints WHERE checkpoint_id = '${second.statement.checkpointId}';
       DELETE FROM events WHERE (transaction_id, global_position) > ('${through.transactionId}'::xid8, ${through.globalPosition})`,
    );
    const result = await audit.verify();
    // What the store says of itself: every chain and its latest checkpoint hold.
    expect(result.chains).toMatchObject({ valid: true, events: eventsBeforeFirst });
    expect(result.latestCheckpoint).toMatchObject({
      checkpointId: first.statement.checkpointId,
      signature: { valid: true },
      missingOrChanged: [],
      commitOrder: { valid: true },
    });
    // What the witness says.
    expect(result.valid).toBe(false);
    expect(result.witness.missingFromStore).toEqual([{ checkpointId: second.statement.checkpointId, createdAt: second.statement.createdAt }]);
    expect(result.witness.latest).toMatchObject({
      checkpointId: second.statement.checkpointId,
      commitOrder: { valid: false, found: { events: eventsBeforeFirst } },
    });

    const cli = await built.run(['verify-audit'], {
      DATABASE_URL: database.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'disciplina-cli-')),
      AUDIT_WITNESS_DIR: witnessDir,
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD,
      ...sharedKeys(),
    });
    expect(cli).toMatchObject({ code: 1, stdout: expect.stringContaining(`ROLLED BACK: checkpoint ${second.statement.checkpointId}`) });
    expect(cli.stdout).toContain('audit: BROKEN');
  });
});
