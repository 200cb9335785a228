import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { EventStore } from '../../src/event-store/event-store.js';
import { asSuperuser, isolatedDatabase, testDatabases, testPool, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { authorizedAgent, createTestApp, type HttpAgent } from '../support/test-app.js';

const metadata = { actor: 'audit-test', correlationId: 'audit-test' };

describe.each(testDatabases())('audit verification over HTTP on $name', (target) => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let http: HttpAgent;
  let superuser: pg.Pool;
  let store: EventStore;
  let own: { streams: number; events: number };

  beforeAll(async () => {
    database = await isolatedDatabase(target);
    app = await createTestApp(database.url);
    http = await authorizedAgent(app);
    store = app.get(EventStore);
    superuser = testPool(database.url, 2);
    // The service records events of its own too (its first account): the counts expected start from them.
    const { rows } = await superuser.query<{ streams: number; events: number }>(
      'SELECT count(DISTINCT stream_id)::int AS streams, count(*)::int AS events FROM events',
    );
    own = rows[0]!;
    for (const streamId of ['inspection-1', 'inspection-2', 'member-1']) {
      await store.append({
        streamId,
        streamType: streamId.split('-')[0]!,
        events: [1, 2, 3].map((n) => ({ type: 'SomethingHappened', data: { n } })),
        expectedVersion: 'no-stream',
        metadata,
      });
    }
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await superuser.end();
    await app.close();
    await database.drop();
  });

  const verify = async () => (await http.get('/api/v1/audit/verify').expect(200)).body;

  it('finds every chain intact on untouched data, with no checkpoint yet', async () => {
    expect(await verify()).toEqual({
      valid: true,
      chains: { valid: true, streams: own.streams + 3, events: own.events + 9, firstBroken: null },
      latestCheckpoint: null,
      witness: { checkpoints: 0, unreadableLines: 0, missingFromStore: [], commitOrderChanged: [], latest: null },
    });
  });

  it('signs a checkpoint over every stream head, and later appends keep it valid', async () => {
    const created = await http.post('/api/v1/audit/checkpoints').expect(201);
    expect(created.body.statement).toMatchObject({ streams: own.streams + 3, events: own.events + 9 });
    const key = (await http.get('/api/v1/audit/public-key').expect(200)).body;
    expect(created.body.statement.keyId).toBe(key.keyId);
    await store.append({ streamId: 'member-1', streamType: 'member', events: [{ type: 'SomethingHappened', data: { n: 4 } }], expectedVersion: 3, metadata });
    const result = await verify();
    expect(result.valid).toBe(true);
    expect(result.latestCheckpoint).toMatchObject({ signature: { valid: true }, missingOrChanged: [] });
    const latest = await http.get('/api/v1/audit/checkpoints/latest').expect(200);
    expect(latest.body).toEqual(created.body);
  });

  it('names exactly the event a superuser altered', async () => {
    const [, second] = await store.readStream('inspection-2');
    await asSuperuser(superuser, `UPDATE events SET data = '{"n": 20}' WHERE event_id = '${second!.eventId}'`);
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.chains.firstBroken).toEqual({
      valid: false,
      streamId: 'inspection-2',
      reason: 'hash-mismatch',
      brokenAt: { streamVersion: 2, eventId: second!.eventId, globalPosition: second!.globalPosition },
    });
    await asSuperuser(superuser, `UPDATE events SET data = '{"n": 2}' WHERE event_id = '${second!.eventId}'`);
    expect((await verify()).valid).toBe(true);
  });

  it('detects the last event of a stream removed: the chain still holds, the signed checkpoint does not', async () => {
    const [last] = await store.readStream('inspection-1', { direction: 'backward', maxCount: 1 });
    await asSuperuser(superuser, `DELETE FROM events WHERE event_id = '${last!.eventId}'`);
    const result = await verify();
    expect(result.chains.valid).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.latestCheckpoint.missingOrChanged).toEqual([{ streamId: 'inspection-1', streamVersion: 3, hash: last!.hash, found: null }]);
  });

  it('detects a checkpoint edited in the database to match a truncated store', async () => {
    await asSuperuser(
      superuser,
      `UPDATE audit_checkpoints SET heads = (
         SELECT jsonb_agg(CASE WHEN h->>'streamId' = 'inspection-1'
           THEN jsonb_set(h, '{streamVersion}', '2') ELSE h END) FROM jsonb_array_elements(heads) h)`,
    );
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.latestCheckpoint.signature).toEqual({ valid: false, reason: 'heads-digest-mismatch' });
  });
});
