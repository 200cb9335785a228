import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { ExpectedVersionConflictError } from '../../src/shared/stream-errors.js';
import {
  SEARCHABLE_EVENT_TYPES,
  START_OF_ALL,
  type EventStore,
  type EventMetadata,
  type GlobalCheckpoint,
  type RecordedEvent,
} from '../../src/event-store/event-store.js';
import { UpcasterRegistry } from '../../src/event-store/upcasters.js';
import { asSuperuser, isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { waitUntilCommitSafe } from '../support/projections.js';

const metadata: EventMetadata = { actor: 'contract-test', correlationId: randomUUID(), ruleVersion: 'test' };

function newStream(): string {
  return `contract-${randomUUID()}`;
}

function event(n: number) {
  return { type: 'SomethingHappened', data: { n } };
}

async function readAllFrom(store: EventStore, from: GlobalCheckpoint): Promise<{ events: RecordedEvent[]; checkpoint: GlobalCheckpoint }> {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, 1000);
    events.push(...batch.events);
    if (batch.events.length < 1000) return { events, checkpoint: batch.checkpoint };
    checkpoint = batch.checkpoint;
  }
}

/**
 * Reads on from `from` until `seen` holds for the events read: a reader stays below the oldest transaction
 * still open anywhere on the server, which another session may hold for a while after ours commits.
 */
async function readUntil(
  store: EventStore,
  from: GlobalCheckpoint,
  seen: (events: readonly RecordedEvent[]) => boolean,
  timeoutMs = 30_000,
): Promise<{ events: RecordedEvent[]; checkpoint: GlobalCheckpoint }> {
  const deadline = Date.now() + timeoutMs;
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  while (!seen(events) && Date.now() < deadline) {
    const batch = await readAllFrom(store, checkpoint);
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
    if (!seen(events)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { events, checkpoint };
}

describe.each(testDatabases())('event store contract on $name', (database) => {
  let pool: pg.Pool;
  let store: EventStore;
  const onPostgres = database.concurrentSessions ? it : it.skip; // PGlite serializes sessions: nothing concurrent to test

  beforeAll(() => {
    ({ pool, store } = openStore(database.url));
  });
  afterAll(async () => {
    await pool.end();
  });

  describe('append', () => {
    it('appends several events atomically with contiguous versions and one recorded-at', async () => {
      const streamId = newStream();
      const result = await store.append({ streamId, streamType: 'contract', events: [event(1), event(2), event(3)], expectedVersion: 'no-stream', metadata });
      expect(result.nextExpectedVersion).toBe(3);
      const events = await store.readStream(streamId);
      expect(events.map((e) => [e.streamVersion, e.data])).toEqual([
        [1, { n: 1 }],
        [2, { n: 2 }],
        [3, { n: 3 }],
      ]);
      expect(new Set(events.map((e) => e.recordedAt.toISOString())).size).toBe(1);
      expect(events[0]?.metadata).toEqual(metadata);
    });

    it('writes nothing when one event of the batch cannot be stored', async () => {
      const streamId = newStream();
      const poisoned = { type: 'SomethingHappened', data: { text: 'nul \u0000 byte is not valid jsonb' } };
      await expect(store.append({ streamId, streamType: 'contract', events: [event(1), poisoned], expectedVersion: 'any', metadata })).rejects.toThrow();
      expect(await store.streamVersion(streamId)).toBe(0);
    });

    it('keeps occurred-at (valid time) apart from recorded-at (record time)', async () => {
      const streamId = newStream();
      const occurredAt = new Date('2019-03-04T00:00:00.000Z');
      await store.append({ streamId, streamType: 'contract', events: [{ ...event(1), occurredAt }], expectedVersion: 'any', metadata });
      const [stored] = await store.readStream(streamId);
      expect(stored?.occurredAt).toEqual(occurredAt);
      expect(stored!.recordedAt.getTime()).toBeGreaterThan(occurredAt.getTime());
    });
  });

  describe('expected version', () => {
    it.each([
      ['no-stream on an empty stream', 0, 'no-stream' as const, true],
      ['no-stream on an existing stream', 2, 'no-stream' as const, false],
      ['exists on an empty stream', 0, 'exists' as const, false],
      ['exists on an existing stream', 2, 'exists' as const, true],
      ['exact version that matches', 2, 2, true],
      ['exact version that is stale', 2, 1, false],
      ['exact version ahead of the stream', 2, 5, false],
      ['any on an empty stream', 0, 'any' as const, true],
      ['any on an existing stream', 2, 'any' as const, true],
    ])('%s', async (_case, existing, expectedVersion, accepted) => {
      const streamId = newStream();
      if (existing > 0) {
        await store.append({ streamId, streamType: 'contract', events: [event(1), event(2)].slice(0, existing), expectedVersion: 'no-stream', metadata });
      }
      const attempt = store.append({ streamId, streamType: 'contract', events: [event(9)], expectedVersion, metadata });
      if (accepted) {
        await expect(attempt).resolves.toMatchObject({ nextExpectedVersion: existing + 1 });
      } else {
        await expect(attempt).rejects.toMatchObject({ name: 'ExpectedVersionConflictError', currentVersion: existing, expectedVersion });
        expect(await store.streamVersion(streamId)).toBe(existing);
      }
    });
  });

  describe('reading', () => {
    it('reads a stream forward and backward from a version, with a limit', async () => {
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [1, 2, 3, 4, 5].map(event), expectedVersion: 'no-stream', metadata });
      const forward = await store.readStream(streamId, { fromVersion: 2, maxCount: 3 });
      expect(forward.map((e) => e.streamVersion)).toEqual([2, 3, 4]);
      const backward = await store.readStream(streamId, { direction: 'backward', fromVersion: 4, maxCount: 2 });
      expect(backward.map((e) => e.streamVersion)).toEqual([4, 3]);
      const lastTwo = await store.readStream(streamId, { direction: 'backward', maxCount: 2 });
      expect(lastTwo.map((e) => e.streamVersion)).toEqual([5, 4]);
    });

    it('reads all events in commit order from a checkpoint, each once', async () => {
      const before = await readAllFrom(store, START_OF_ALL);
      const streams = [newStream(), newStream()];
      for (const [i, streamId] of streams.entries()) {
        await store.append({ streamId, streamType: 'contract', events: [event(i), event(i + 10)], expectedVersion: 'no-stream', metadata });
      }
      const isMine = (e: RecordedEvent) => streams.includes(e.streamId);
      const after = await readUntil(store, before.checkpoint, (events) => events.filter(isMine).length >= 4);
      const mine = after.events.filter(isMine);
      expect(mine.map((e) => [e.streamId, e.streamVersion])).toEqual([
        [streams[0], 1],
        [streams[0], 2],
        [streams[1], 1],
        [streams[1], 2],
      ]);
      const again = await readAllFrom(store, after.checkpoint);
      expect(again.events.filter(isMine)).toEqual([]);
    });

    it('reads the events at given positions in commit order, skipping a position that holds none', async () => {
      const streams = [newStream(), newStream()];
      const positions: number[] = [];
      for (const [i, streamId] of streams.entries()) {
        const { lastGlobalPosition } = await store.append({
          streamId,
          streamType: 'contract',
          events: [event(i), event(i + 10)],
          expectedVersion: 'no-stream',
          metadata,
        });
        positions.push(lastGlobalPosition - 1, lastGlobalPosition);
      }
      const unused = (await store.head())!.globalPosition + 1_000_000;
      const read = await store.readPositions([positions[3]!, unused, positions[0]!, positions[2]!]);
      expect(read.map((e) => [e.streamId, e.streamVersion, e.data])).toEqual([
        [streams[0], 1, { n: 0 }],
        [streams[1], 1, { n: 1 }],
        [streams[1], 2, { n: 11 }],
      ]);
      expect(await store.readPositions([])).toEqual([]);
    });

    it('pages through all events in transaction order when transaction ids cross a power of ten', async () => {
      // Stored events and new ones must lie on both sides of a power of ten: burn transaction ids if needed.
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [event(1)], expectedVersion: 'no-stream', metadata });
      const { rows } = await pool.query<{ first: string; current: string }>(
        'SELECT min(transaction_id)::text AS first, pg_current_xact_id()::text AS current FROM events',
      );
      const { first, current } = rows[0]!;
      // A fresh embedded database always crosses 1000 here; a long-lived server may be far from its next
      // power of ten, and then the run pages through its stored events without forcing a crossing.
      const toNextPower = 10 ** current.length - Number(current) + 1;
      if (first.length === current.length && toNextPower <= MAX_BURNED_IDS) await burnTransactionIds(pool, toNextPower);
      await store.append({ streamId, streamType: 'contract', events: [event(2)], expectedVersion: 1, metadata });
      await waitUntilCommitSafe(pool);
      const paged: RecordedEvent[] = [];
      let checkpoint = START_OF_ALL;
      for (;;) {
        const batch = await store.readAll(checkpoint, 7);
        paged.push(...batch.events);
        if (batch.events.length < 7) break;
        checkpoint = batch.checkpoint;
      }
      const { rows: stored } = await pool.query<{ position: string }>(
        `SELECT global_position AS position FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, global_position`,
      );
      const committed = stored.map((row) => Number(row.position)).filter((position) => position <= paged.at(-1)!.globalPosition);
      expect(paged.map((e) => e.globalPosition)).toEqual(committed.slice(0, paged.length));
      expect(paged.filter((e) => e.streamId === streamId).map((e) => e.streamVersion)).toEqual([1, 2]);
    }, 120_000);

    it('delivers appended events to a subscriber in order, starting from its checkpoint', async () => {
      const { checkpoint } = await readAllFrom(store, START_OF_ALL);
      const streamId = newStream();
      const seen: number[] = [];
      let resolveAll: () => void;
      const allSeen = new Promise<void>((resolve) => (resolveAll = resolve));
      const subscription = store.subscribeToAll({
        from: checkpoint,
        pollIntervalMs: 50,
        onEvents: async (events) => {
          for (const e of events) if (e.streamId === streamId) seen.push(e.streamVersion);
          if (seen.length === 3) resolveAll();
        },
      });
      try {
        for (const n of [1, 2, 3]) await store.append({ streamId, streamType: 'contract', events: [event(n)], expectedVersion: 'any', metadata });
        await allSeen;
        expect(seen).toEqual([1, 2, 3]);
      } finally {
        await subscription.stop();
      }
    });
  });

  // On a database of its own: these events are not whole, and no projection of the shared databases may meet them.
  describe('searching event data', () => {
    let own: IsolatedDatabase;
    let ownPool: pg.Pool;
    let ownStore: EventStore;

    beforeAll(async () => {
      own = await isolatedDatabase(database);
      ({ pool: ownPool, store: ownStore } = openStore(own.url));
    }, ISOLATED_SETUP_MS);
    afterAll(async () => {
      await ownPool?.end();
      await own?.drop();
    });

    it('finds the streams whose events of a searchable type contain the data asked, through the index of exactly those types', async () => {
      const memberId = randomUUID();
      const [withCase, otherMember, otherType] = [newStream(), newStream(), newStream()];
      const opened = (subjectId: string) => ({
        type: 'DisciplineCaseOpened',
        data: { subject: { kind: 'member', memberId: subjectId }, openedOn: '2026-01-05' },
      });
      await ownStore.append({ streamId: withCase, streamType: 'contract', events: [opened(memberId)], expectedVersion: 'no-stream', metadata });
      await ownStore.append({ streamId: otherMember, streamType: 'contract', events: [opened(randomUUID())], expectedVersion: 'no-stream', metadata });
      await ownStore.append({
        streamId: otherType,
        streamType: 'contract',
        events: [{ type: 'SomethingHappened', data: { subject: { kind: 'member', memberId } } }],
        expectedVersion: 'no-stream',
        metadata,
      });
      expect(await ownStore.streamsWith('DisciplineCaseOpened', { subject: { kind: 'member', memberId } })).toEqual([withCase]);
      const { rows } = await ownPool.query<{ definition: string }>(`SELECT indexdef AS definition FROM pg_indexes WHERE indexname = 'events_searchable_data'`);
      const indexed = [...(rows[0]?.definition ?? '').matchAll(/'(\w+)'::text/g)].map((match) => match[1]).sort();
      expect(indexed).toEqual([...SEARCHABLE_EVENT_TYPES].sort());
    });
  });

  describe('upcasting', () => {
    it('reads an old event shape in the current shape; the stored row keeps its version', async () => {
      const streamId = newStream();
      await store.append({
        streamId,
        streamType: 'contract',
        events: [{ type: 'MemberNamed', data: { name: 'Nguyễn Văn A' } }],
        expectedVersion: 'no-stream',
        metadata,
      });
      const upcasters = new UpcasterRegistry().register('MemberNamed', 1, (data) => ({ fullName: data.name, nameOrder: 'family-first' }));
      const upcasting = openStore(database.url, upcasters);
      try {
        await upcasting.store.append({
          streamId,
          streamType: 'contract',
          events: [{ type: 'MemberNamed', data: { fullName: 'Trần Thị B', nameOrder: 'family-first' } }],
          expectedVersion: 1,
          metadata,
        });
        const events = await upcasting.store.readStream(streamId);
        expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
          [2, { fullName: 'Nguyễn Văn A', nameOrder: 'family-first' }],
          [2, { fullName: 'Trần Thị B', nameOrder: 'family-first' }],
        ]);
        const { rows } = await pool.query('SELECT schema_version, data FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId]);
        expect(rows[0]).toEqual({ schema_version: 1, data: { name: 'Nguyễn Văn A' } });
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, length: 2 });
      } finally {
        await upcasting.pool.end();
      }
    });
  });

  describe('a head this process wrote, then another writer moved', () => {
    it('refuses the version it wrote as stale, and chains on from the other writer’s links', async () => {
      const other = openStore(database.url);
      try {
        const streamId = newStream();
        await store.append({ streamId, streamType: 'contract', events: [event(1)], expectedVersion: 'no-stream', metadata });
        await other.store.append({ streamId, streamType: 'contract', events: [event(2)], expectedVersion: 1, metadata });
        const stale = store.append({ streamId, streamType: 'contract', events: [event(3)], expectedVersion: 1, metadata });
        await expect(stale).rejects.toMatchObject({ name: 'ExpectedVersionConflictError', currentVersion: 2, expectedVersion: 1 });
        await store.append({ streamId, streamType: 'contract', events: [event(3)], expectedVersion: 2, metadata });
        await other.store.append({ streamId, streamType: 'contract', events: [event(4)], expectedVersion: 3, metadata });
        await store.append({ streamId, streamType: 'contract', events: [event(5)], expectedVersion: 'any', metadata });
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, length: 5 });
        expect((await store.readStream(streamId)).map((e) => e.data['n'])).toEqual([1, 2, 3, 4, 5]);
      } finally {
        await other.pool.end();
      }
    });
  });

  describe('immutability and the hash chain', () => {
    it.each(['UPDATE events SET data = data', 'DELETE FROM events', 'TRUNCATE events'])('the table refuses %s', async (sql) => {
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [event(1)], expectedVersion: 'no-stream', metadata });
      const scoped = sql.startsWith('TRUNCATE') ? sql : `${sql} WHERE stream_id = '${streamId}'`;
      await expect(pool.query(scoped)).rejects.toThrow(/events are immutable/);
      expect(await store.streamVersion(streamId)).toBe(1);
    });

    it('verifies an untouched chain', async () => {
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [1, 2, 3].map(event), expectedVersion: 'no-stream', metadata });
      await store.append({ streamId, streamType: 'contract', events: [event(4)], expectedVersion: 3, metadata });
      expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, length: 4 });
    });

    it.each([
      ['data changed', `data = '{"n": 99}'`, 'hash-mismatch'],
      ['recorded-at moved', `recorded_at = recorded_at - interval '1 day'`, 'hash-mismatch'],
      ['hash recomputed by hand', `hash = repeat('0', 64)`, 'hash-mismatch'],
    ])('names the altered event when a row is changed behind the store (%s)', async (_case, assignment, reason) => {
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [1, 2, 3].map(event), expectedVersion: 'no-stream', metadata });
      const [, second] = await store.readStream(streamId);
      await asSuperuser(pool, `UPDATE events SET ${assignment} WHERE event_id = '${second!.eventId}'`);
      expect(await store.verifyStream(streamId)).toEqual({
        valid: false,
        streamId,
        reason,
        brokenAt: { streamVersion: 2, eventId: second!.eventId, globalPosition: second!.globalPosition },
      });
    });

    it('names the gap when an event in the middle is deleted behind the store', async () => {
      const streamId = newStream();
      await store.append({ streamId, streamType: 'contract', events: [1, 2, 3].map(event), expectedVersion: 'no-stream', metadata });
      await asSuperuser(pool, `DELETE FROM events WHERE stream_id = '${streamId}' AND stream_version = 2`);
      expect(await store.verifyStream(streamId)).toMatchObject({ valid: false, reason: 'version-gap', brokenAt: { streamVersion: 2 } });
    });
  });

  describe('concurrency', () => {
    onPostgres(
      '50 concurrent appends with the same expected version, 20 rounds: exactly one wins each round',
      async () => {
        const streamId = newStream();
        for (let round = 0; round < 20; round += 1) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: 50 }, (_, writer) =>
              store.append({
                streamId,
                streamType: 'contract',
                events: [event(round * 100 + writer)],
                expectedVersion: round === 0 ? 'no-stream' : round,
                metadata,
              }),
            ),
          );
          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
          const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(losers).toHaveLength(49);
          for (const loser of losers) expect(loser.reason).toBeInstanceOf(ExpectedVersionConflictError);
        }
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, length: 20 });
      },
      180_000,
    );

    onPostgres(
      'concurrent appends with expected version "any" all land, contiguous and chained',
      async () => {
        const streamId = newStream();
        await Promise.all(
          Array.from({ length: 30 }, (_, n) => store.append({ streamId, streamType: 'contract', events: [event(n)], expectedVersion: 'any', metadata })),
        );
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        expect(new Set(events.map((e) => e.data.n)).size).toBe(30);
        expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, length: 30 });
      },
      30_000,
    );

    onPostgres("a reader does not pass an open transaction's event, and takes it once it commits", async () => {
      const { checkpoint } = await readAllFrom(store, START_OF_ALL);
      const slow = newStream();
      const fast = newStream();
      const a = await pool.connect();
      try {
        await a.query('BEGIN');
        await insertRaw(a, slow);
        await store.append({ streamId: fast, streamType: 'contract', events: [event(2)], expectedVersion: 'no-stream', metadata });
        const whileOpen = await readAllFrom(store, checkpoint);
        expect(whileOpen.events.filter((e) => e.streamId === fast || e.streamId === slow)).toEqual([]);
        await a.query('COMMIT');
        const { events: afterCommit } = await readUntil(store, whileOpen.checkpoint, (events) => events.some((e) => e.streamId === fast));
        expect(afterCommit.filter((e) => e.streamId === fast || e.streamId === slow).map((e) => e.streamId)).toEqual([slow, fast]);
      } finally {
        a.release();
      }
    });

    onPostgres('a reader skips nothing after an open transaction rolls back', async () => {
      const { checkpoint } = await readAllFrom(store, START_OF_ALL);
      const slow = newStream();
      const fast = newStream();
      const a = await pool.connect();
      try {
        await a.query('BEGIN');
        await insertRaw(a, slow);
        await store.append({ streamId: fast, streamType: 'contract', events: [event(2)], expectedVersion: 'no-stream', metadata });
        const whileOpen = await readAllFrom(store, checkpoint);
        expect(whileOpen.events.filter((e) => e.streamId === fast)).toEqual([]);
        await a.query('ROLLBACK');
        const { events: afterRollback } = await readUntil(store, whileOpen.checkpoint, (events) => events.some((e) => e.streamId === fast));
        expect(afterRollback.filter((e) => e.streamId === fast || e.streamId === slow).map((e) => e.streamId)).toEqual([fast]);
      } finally {
        a.release();
      }
    });
  });
});

const MAX_BURNED_IDS = 20_000;

/** Takes `count` transaction ids, each in a transaction of its own, without waiting for the disk. */
async function burnTransactionIds(pool: pg.Pool, count: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(`DO $$ BEGIN FOR i IN 1..${count} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
  } finally {
    await client.query('RESET synchronous_commit');
    client.release();
  }
}

/** A writer whose transaction stays open: its row has a position but is not yet committed. */
async function insertRaw(client: pg.PoolClient, streamId: string): Promise<void> {
  await client.query(
    `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, hash)
     VALUES ($1, 'contract', 1, $2, 'SomethingHappened', 1, '{"n": 1}', '{}', now(), now(), 'not-chained')`,
    [streamId, randomUUID()],
  );
}
