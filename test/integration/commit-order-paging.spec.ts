import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import type { GlobalCheckpoint } from '../../src/event-store/event-store.js';
import { compareCheckpoints, decodeCursor, encodeCursor } from '../../src/event-store/checkpoint-cursor.js';
import { ApiClient } from '../support/api-client.js';
import { ISOLATED_SETUP_MS, isolatedDatabase, testDatabases, testPool, type IsolatedDatabase } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { committedHead, waitUntilCommitSafe } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'feed-order-test-password';
const WRITERS = 8;
const ROLLBACK_SHARE = 0.2;

interface FeedEvent {
  readonly eventId: string;
  readonly streamId: string;
}

describe.each(testDatabases())('paging in commit order, the feed and the audit trail, on $name', (database) => {
  // PGlite is one session: an open transaction holds it until it ends, so no two writers' transactions
  // overlap and none can commit late behind another. There the same race runs at a tenth of the scale
  // (it is slow when serialized) and checks completeness and order; the late-commit case needs PostgreSQL.
  const perWriter = database.concurrentSessions ? 1250 : 125;
  const perTransaction = database.concurrentSessions ? 10 : 5;
  const onPostgres = database.concurrentSessions ? it : it.skip;
  const insert = `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash)
    VALUES ($1, 'organization', 1, $2, 'OrganizationFounded', 1, $3, '{"actor":"paging-test","correlationId":"paging-test"}', now(), now(), NULL, 'test')`;
  const founding = (organizationId: string, code: string) =>
    JSON.stringify({ organizationId, level: 'province', parentId: null, name: 'Probe', code, foundedOn: '2020-01-01' });
  let isolated: IsolatedDatabase;
  let app: NestExpressApplication;
  let pool: pg.Pool;
  let consumer: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    app = await createTestApp(isolated.url);
    pool = testPool(isolated.url, WRITERS + 2);
    const username = `consumer-${randomUUID().slice(0, 8)}`;
    await app.get(Accounts).setUp(username, PASSWORD, [{ role: 'integration', organizationId: null }]);
    consumer = new ApiClient(await authorizedAgent(app, username, PASSWORD));
    admin = new ApiClient(await authorizedAgent(app));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await isolated?.drop();
  });

  it(`gives a consumer paging the feed every committed event once, in commit order: ${WRITERS} writers, ${WRITERS * perWriter} events, random delays and rollbacks`, async () => {
    const run = randomUUID().slice(0, 8);
    const prefix = `feed-probe-${run}-`;
    const start = await committedHead(pool);
    let rolledBack = 0;
    const writer = async (w: number) => {
      const client = await pool.connect();
      try {
        let committed = 0;
        while (committed < perWriter) {
          await client.query('BEGIN');
          for (let i = 0; i < perTransaction; i++) {
            const organizationId = randomUUID();
            await client.query(insert, [`${prefix}${organizationId}`, randomUUID(), founding(organizationId, `${run}-${w}`)]);
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          if (Math.random() < ROLLBACK_SHARE) {
            await client.query('ROLLBACK');
            rolledBack += 1;
          } else {
            await client.query('COMMIT');
            committed += perTransaction;
          }
        }
      } finally {
        client.release();
      }
    };

    const seen: FeedEvent[] = [];
    // Set once the writers are done: the head the consumer must reach.
    const writers: { head?: GlobalCheckpoint } = {};
    let pages = 0;
    const consume = async () => {
      let cursor = encodeCursor(start);
      for (;;) {
        const response = await consumer.get(`feed?after=${cursor}&limit=500`);
        if (response.status !== 200) throw new Error(`feed answered ${response.status}: ${JSON.stringify(response.body)}`);
        const page = response.body as { events: FeedEvent[]; next: string };
        pages += 1;
        seen.push(...page.events);
        cursor = page.next;
        if (writers.head && compareCheckpoints(decodeCursor(cursor)!, writers.head) >= 0) return;
        // Pacing while the writers have nothing new committed, not a wait for a state.
        if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const consuming = consume();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writers.head = await committedHead(pool);
    await consuming;

    const { rows } = await pool.query<{ event_id: string }>(
      `SELECT event_id FROM events WHERE stream_id LIKE $1 ORDER BY events.transaction_id, events.global_position`,
      [`${prefix}%`],
    );
    const committed = rows.map((row) => row.event_id);
    const consumed = seen.filter((event) => event.streamId.startsWith(prefix)).map((event) => event.eventId);
    expect(committed).toHaveLength(WRITERS * perWriter);
    expect(rolledBack).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(consumed).size).toBe(consumed.length);
    expect(consumed).toEqual(committed);
  }, 600_000);

  onPostgres('pages the audit trail past an event whose transaction commits late without skipping it', async () => {
    const start = encodeCursor(await committedHead(pool));
    const [late, early] = [randomUUID(), randomUUID()];
    const ids = async (after: string) => {
      const items: string[] = [];
      let cursor = after;
      for (;;) {
        const page = (await admin.get(`audit/events?after=${cursor}&pageSize=200`).expect(200)).body as { items: { streamId: string }[]; next: string };
        items.push(...page.items.map((item) => item.streamId));
        if (page.items.length < 200) return { items, next: page.next };
        cursor = page.next;
      }
    };
    const slow = await pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(insert, [`late-${late}`, randomUUID(), founding(late, 'late')]);
      await pool.query(insert, [`early-${early}`, randomUUID(), founding(early, 'early')]);
      // Paging by OFFSET over position showed the early commit here, and later put the late one before it, on a page already read.
      const before = await ids(start);
      expect(before.items.filter((id) => id.endsWith(late) || id.endsWith(early))).toEqual([]);
      await slow.query('COMMIT');
      // Commit-safe readers see both once every transaction older than the early one has ended (the service's own included).
      const { rows } = await pool.query<{ xid: string }>(`SELECT transaction_id::text AS xid FROM events WHERE stream_id = $1`, [`early-${early}`]);
      await waitUntilCommitSafe(pool, rows[0]!.xid);
      const after = await ids(before.next);
      expect(after.items.filter((id) => id.endsWith(late) || id.endsWith(early))).toEqual([`late-${late}`, `early-${early}`]);
    } finally {
      slow.release();
    }
  });

  onPostgres('shows the caller an event committed before it asked, waiting for an older transaction still running to end', async () => {
    const recent = `recent-${randomUUID()}`;
    const older = await pool.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await pool.query(insert, [recent, randomUUID(), founding(randomUUID(), 'recent')]);
      const { rows } = await pool.query<{ now: Date }>('SELECT clock_timestamp() AS now');
      const page = admin.get(`audit/events?streamId=${recent}`).expect(200);
      const answered = page.then((response) => (response.body as { items: { streamId: string }[] }).items.map((item) => item.streamId));
      // The request is waiting once its look at the horizon shows among the server's statements.
      await eventually(
        async () =>
          (
            await pool.query<{ waiting: number }>(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity
               WHERE pid <> pg_backend_pid() AND query LIKE '%pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS safe' AND query_start > $1`,
              [rows[0]!.now],
            )
          ).rows[0]!.waiting,
        (waiting) => waiting > 0,
      );
      await older.query('COMMIT');
      expect(await answered).toEqual([recent]);
    } finally {
      older.release();
    }
  });
});
