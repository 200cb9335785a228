import 'reflect-metadata';
import { openPool } from '../../src/database/connections.js';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { RandomIdGenerator, SystemClock } from '../../src/shared/clock.js';
import { countingProjection } from './counting-projection.js';

/** Runs a counting projection to the head in its own process, for the crash tests to kill: <url> <name> <event type>. */
const [url, name, eventType] = process.argv.slice(2);
if (!url || !name || !eventType) throw new Error('usage: projection-child <url> <name> <event type>');
const pool = openPool(url, { max: 2 });
const readModels = await ReadModels.open(url, 2);
const clock = new SystemClock();
const store = new PostgresEventStore(pool, clock, new RandomIdGenerator());
const runner = new ProjectionRunner(countingProjection(name, eventType), { dataSource: readModels.dataSource, store, clock, url }, { batchSize: 25 });
await runner.runUntilCaughtUp();
await readModels.close();
await pool.end();
process.stdout.write('caught up\n');
