import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { GlobalCheckpoint, RecordedEvent } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { loadCheckpoint } from '../../src/projections/checkpoints.js';
import { parkedCount, type ParkedEvent, type ProcessManager } from '../../src/projections/process-manager.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { SystemClock } from '../../src/shared/clock.js';
import { RuleViolationError } from '../../src/shared/domain/errors.js';
import { ExpectedVersionConflictError } from '../../src/shared/stream-errors.js';
import { openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { projectionTestDatabase } from '../support/projection-database.js';
import { committedHead } from '../support/projections.js';

describe.each(testDatabases())('process manager runner on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let readModels: ReadModels;
  const clock = new SystemClock();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    isolated = await projectionTestDatabase(database);
    ({ pool, store } = openStore(isolated.url));
    readModels = await ReadModels.open(isolated.url, 4);
  }, 60_000);
  afterAll(async () => {
    await readModels?.close();
    await pool?.end();
    await isolated?.drop();
  });

  /** A process manager of its own event type, which hands each event's `n` to `handle`; three such events committed. */
  async function probe(handle: (n: number) => Promise<void>): Promise<ProcessManager> {
    const suffix = randomUUID().slice(0, 8);
    const type = `Caused_${suffix}`;
    for (let n = 0; n < 3; n++) {
      await store.append({
        streamId: `cause-${suffix}-${n}`,
        streamType: 'probe',
        events: [{ type, data: { n } }],
        expectedVersion: 'no-stream',
        metadata: { actor: 'process-test', correlationId: suffix },
      });
    }
    return { name: `pm-${suffix}`, version: 1, handles: [type], handle: (event: RecordedEvent) => handle(event.data['n'] as number) };
  }

  /** Whether the checkpoint is at or after `head`, in commit order (transaction id, then position). */
  async function past(name: string, head: GlobalCheckpoint): Promise<boolean> {
    const checkpoint = await loadCheckpoint(readModels.dataSource.manager, name);
    if (!checkpoint) return false;
    const [at, wanted] = [BigInt(checkpoint.transactionId), BigInt(head.transactionId)];
    return at > wanted || (at === wanted && checkpoint.globalPosition >= head.globalPosition);
  }

  it('parks an event whose follow-up the domain refuses, records and says so, and goes on with the next', async () => {
    const handled: number[] = [];
    const manager = await probe(async (n) => {
      handled.push(n);
      if (n === 1) throw new RuleViolationError('no-rule-version', { on: '1900-01-01' });
    });
    const head = await committedHead(pool);
    const told: ParkedEvent[] = [];
    const error = jest.spyOn(Logger.prototype, 'error');
    let said: unknown[][];
    const runner = new ProjectionRunner(
      manager,
      { dataSource: readModels.dataSource, store, clock, url: isolated.url, onParked: (_, parked) => told.push(parked) },
      { pollIntervalMs: 20, retryMs: 50 },
    );
    runner.start();
    try {
      // Waited for by position: a transaction still open elsewhere on the cluster holds back what is safe to read.
      await eventually(
        async () => past(manager.name, head),
        (done) => done,
      );
    } finally {
      await runner.stop();
      said = [...error.mock.calls];
      error.mockRestore();
    }
    expect(handled).toEqual([0, 1, 2]);
    const { rows } = await pool.query('SELECT stream_id, code, message FROM parked_events WHERE consumer = $1', [manager.name]);
    expect(rows).toEqual([{ stream_id: expect.stringMatching(/-1$/), code: 'no-rule-version', message: 'No rule version is in force on 1900-01-01' }]);
    expect(told.map((parked) => parked.code)).toEqual(['no-rule-version']);
    expect(said).toEqual([[expect.stringMatching(/^Parked Caused_\w+ [0-9a-f-]+ of cause-\w+-1: its follow-up was refused \(no-rule-version\)/)]]);
    expect(await parkedCount(readModels.dataSource, manager.name)).toBe(1);
  });

  it('retries a follow-up that fails otherwise (a concurrent writer) with backoff from the checkpoint, until it is done', async () => {
    const attempts = [0, 0, 0];
    const manager = await probe(async (n) => {
      attempts[n]!++;
      if (n === 1 && attempts[1]! <= 3) throw new ExpectedVersionConflictError('member-probe', 4, 5);
    });
    const head = await committedHead(pool);
    const error = jest.spyOn(Logger.prototype, 'error');
    const runner = new ProjectionRunner(manager, { dataSource: readModels.dataSource, store, clock, url: isolated.url }, { pollIntervalMs: 20, retryMs: 50 });
    runner.start();
    let failures: unknown[][];
    try {
      await eventually(
        async () => ({ status: runner.status, done: await past(manager.name, head) }),
        ({ status, done }) => status === 'live' && done,
      );
    } finally {
      await runner.stop();
      failures = [...error.mock.calls];
      error.mockRestore();
    }
    // The checkpoint moved past the first event before the second failed: only the failing one was repeated,
    // and the run of failures was said once.
    expect(attempts).toEqual([1, 4, 1]);
    expect(failures).toEqual([[expect.stringMatching(/^Failed, retrying: Stream member-probe is at version 5; expected 4/)]]);
    expect(await parkedCount(readModels.dataSource, manager.name)).toBe(0);
  });
});
