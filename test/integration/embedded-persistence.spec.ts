import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/database/database.js';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { RandomIdGenerator, SystemClock } from '../../src/shared/clock.js';
import { ISOLATED_SETUP_MS } from '../support/databases.js';

describe('embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disciplina-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Two starts of a database of its own, the first with every migration: slow on a busy machine.
  it(
    'keeps an event appended before a restart, with its chain intact',
    async () => {
      const first = await Database.open({ databaseUrl: undefined, dataDir });
      expect(first.kind).toBe('embedded');
      const before = new PostgresEventStore(first.pool, new SystemClock(), new RandomIdGenerator());
      await before.append({
        streamId: 'restart-1',
        streamType: 'restart',
        events: [{ type: 'SomethingHappened', data: { kept: true } }],
        expectedVersion: 'no-stream',
        metadata: { actor: 'test', correlationId: 'restart' },
      });
      await first.close();

      const second = await Database.open({ databaseUrl: undefined, dataDir });
      try {
        const after = new PostgresEventStore(second.pool, new SystemClock(), new RandomIdGenerator());
        const events = await after.readStream('restart-1');
        expect(events.map((e) => e.data)).toEqual([{ kept: true }]);
        expect(await after.verifyStream('restart-1')).toMatchObject({ valid: true, length: 1 });
      } finally {
        await second.close();
      }
    },
    2 * ISOLATED_SETUP_MS,
  );
});
