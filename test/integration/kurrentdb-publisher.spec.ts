import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { Logger } from '@nestjs/common';
import type pg from 'pg';
import { Registry } from 'prom-client';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { KurrentDbTarget } from '../../src/publisher/kurrentdb-target.js';
import { Publisher } from '../../src/publisher/publisher.js';
import { PublisherMetrics } from '../../src/publisher/publisher-metrics.js';
import { SystemClock } from '../../src/shared/clock.js';
import { isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { appendBurst } from '../support/nats.js';

const kurrentdbUrl = process.env.KURRENTDB_URL;
const SKIPPED = 'skipped: no KurrentDB server (KURRENTDB_URL unset)';
if (!kurrentdbUrl) console.warn(`KurrentDB publisher tests ${SKIPPED}`);

async function readIds(client: KurrentDBClient, streamId: string): Promise<{ ids: string[]; versions: number[] }> {
  const ids: string[] = [];
  const versions: number[] = [];
  for await (const resolved of client.readStream(streamId)) {
    ids.push(resolved.event!.id);
    versions.push((resolved.event!.metadata as { streamVersion: number }).streamVersion);
  }
  return { ids, versions };
}

(kurrentdbUrl ? describe.each(testDatabases()) : describe.skip.each(testDatabases()))(
  `KurrentDB publisher on $name${kurrentdbUrl ? '' : ` (${SKIPPED})`}`,
  (database) => {
    let isolated: IsolatedDatabase;
    let pool: pg.Pool;
    let store: PostgresEventStore;
    let readModels: ReadModels;
    let client: KurrentDBClient;

    beforeAll(async () => {
      Logger.overrideLogger(false);
      isolated = await isolatedDatabase(database);
      ({ pool, store } = openStore(isolated.url));
      readModels = await ReadModels.open(isolated.url, 2);
      client = KurrentDBClient.connectionString(kurrentdbUrl!);
    }, ISOLATED_SETUP_MS);
    afterAll(async () => {
      await client?.dispose();
      await readModels?.close();
      await pool?.end();
      await isolated?.drop();
    });

    it('appends each public event to the stream of the same id, and a re-publish from the start appends nothing', async () => {
      const suffix = randomUUID().slice(0, 8);
      const expected = await appendBurst(store, suffix, 3, 30);
      const metrics = new PublisherMetrics(new Registry());
      const deps = { dataSource: readModels.dataSource, store, clock: new SystemClock(), url: isolated.url };
      const publisher = new Publisher([new KurrentDbTarget(kurrentdbUrl!)], deps, metrics);
      await publisher.runUntilCaughtUp();
      await pool.query(`UPDATE projection_checkpoints SET transaction_id = '0'::xid8, global_position = 0 WHERE name = 'public-events-kurrentdb'`);
      await publisher.runUntilCaughtUp();
      await publisher.stop();

      for (const [streamId, ids] of expected) {
        const stored = await readIds(client, streamId);
        expect(stored.ids).toEqual(ids);
        expect(stored.versions).toEqual([...stored.versions].sort((a, b) => a - b));
      }
      const total = [...expected.values()].reduce((sum, ids) => sum + ids.length, 0);
      expect((await metrics.published.get()).values.find((value) => value.labels.target === 'kurrentdb')?.value).toBe(total);
    }, 60_000);
  },
);
