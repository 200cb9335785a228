import 'reflect-metadata';
import { Registry } from 'prom-client';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { NatsTarget } from '../../src/publisher/nats-target.js';
import { Publisher } from '../../src/publisher/publisher.js';
import { PublisherMetrics } from '../../src/publisher/publisher-metrics.js';
import { RandomIdGenerator, SystemClock } from '../../src/shared/clock.js';
import { testPool } from './databases.js';

/** Publishes every public event to NATS up to the head in its own process, for the crash test to kill: <db url> <nats url> <stream> <subject prefix>. */
const [url, natsUrl, stream, subjectPrefix] = process.argv.slice(2);
if (!url || !natsUrl || !stream || !subjectPrefix) throw new Error('usage: publisher-child <db url> <nats url> <stream> <subject prefix>');
const pool = testPool(url, 2);
const readModels = await ReadModels.open(url, 2);
const clock = new SystemClock();
const store = new PostgresEventStore(pool, clock, new RandomIdGenerator());
const metrics = new PublisherMetrics(new Registry());
const publisher = new Publisher([new NatsTarget(natsUrl, { stream, subjectPrefix })], { dataSource: readModels.dataSource, store, clock, url }, metrics, {
  batchSize: 25,
});
await publisher.runUntilCaughtUp();
await publisher.stop();
await readModels.close();
await pool.end();
process.stdout.write(`caught up: ${(await metrics.published.get()).values[0]?.value ?? 0} published\n`);
