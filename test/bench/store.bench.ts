import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { openPool } from '../../src/database/connections.js';
import { Database } from '../../src/database/database.js';
import { benchDatabase } from './bench-database.js';
import { formatted, resultLine, type BenchResult } from './results.js';
import type { EventMetadata, EventStore } from '../../src/event-store/event-store.js';
import { PostgresEventStore, preparesPerConnection } from '../../src/event-store/postgres/postgres-event-store.js';
import { RandomIdGenerator, SystemClock } from '../../src/shared/clock.js';

/** Appends through the event store beside raw `pg` INSERTs of the same row shape, in the same run and database. */
const SINGLE_APPENDS = Number(process.env.BENCH_APPENDS ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 50);
const BATCH_SIZE = 100;
const metadata: EventMetadata = { actor: 'bench', correlationId: randomUUID(), ruleVersion: 'bench' };
const data = {
  organizationId: randomUUID(),
  decisionNumber: '12-QĐ/UBKT',
  scope: 'Thực hiện quy chế làm việc',
  period: { from: '2019-01-01', to: '2019-06-30' },
};

interface Row {
  streamId: string;
  version: number;
}

function rawInsert(table: string, rows: readonly Row[]): [string, unknown[]] {
  const now = new Date();
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const base = values.length;
    values.push(row.streamId, row.version, randomUUID(), JSON.stringify(data), JSON.stringify(metadata), now, now, 'f'.repeat(64), 'e'.repeat(64));
    const p = (i: number) => `$${base + i}`;
    return `(${p(1)}, 'bench', ${p(2)}, ${p(3)}, 'InspectionDecided', 1, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)})`;
  });
  return [
    `INSERT INTO ${table} (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash) VALUES ${tuples.join(', ')}`,
    values,
  ];
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** `writers` streams written in parallel, each `perWriter` times one after the other. */
async function parallel(writers: number, perWriter: number, step: (writer: number, index: number) => Promise<void>): Promise<number> {
  return timed(async () => {
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < perWriter; i += 1) await step(writer, i);
      }),
    );
  });
}

/** Events per second through the store, through raw INSERTs, and through raw INSERTs prepared once per connection (PostgreSQL only). */
async function singleAppends(store: EventStore, pool: pg.Pool, writers: number, prepared: boolean): Promise<[number, number, number | null]> {
  const perWriter = Math.floor(SINGLE_APPENDS / writers);
  const streams = Array.from({ length: writers }, () => `bench-${randomUUID()}`);
  const storeSeconds = await parallel(writers, perWriter, async (writer, i) => {
    await store.append({
      streamId: streams[writer]!,
      streamType: 'bench',
      events: [{ type: 'InspectionDecided', data }],
      expectedVersion: i === 0 ? 'no-stream' : i,
      metadata,
    });
  });
  const raw = async (name?: string) => {
    const rawStreams = streams.map(() => `raw-${randomUUID()}`);
    return parallel(writers, perWriter, async (writer, i) => {
      const [text, values] = rawInsert('bench_raw_events', [{ streamId: rawStreams[writer]!, version: i + 1 }]);
      await pool.query(name ? { name, text, values } : { text, values });
    });
  };
  const rawSeconds = await raw();
  const preparedSeconds = prepared ? await raw('bench-raw-insert') : null;
  const events = perWriter * writers;
  return [events / storeSeconds, events / rawSeconds, preparedSeconds && events / preparedSeconds];
}

async function batchAppends(store: EventStore, pool: pg.Pool): Promise<[number, number]> {
  const streamId = `bench-${randomUUID()}`;
  const events = Array.from({ length: BATCH_SIZE }, () => ({ type: 'InspectionDecided', data }));
  const storeSeconds = await parallel(1, BATCHES, async (_, i) => {
    await store.append({ streamId, streamType: 'bench', events, expectedVersion: i === 0 ? 'no-stream' : i * BATCH_SIZE, metadata });
  });
  const rawStream = `raw-${randomUUID()}`;
  const rawSeconds = await parallel(1, BATCHES, async (_, i) => {
    const rows = Array.from({ length: BATCH_SIZE }, (_, j) => ({ streamId: rawStream, version: i * BATCH_SIZE + j + 1 }));
    const [sql, values] = rawInsert('bench_raw_events', rows);
    await pool.query(sql, values);
  });
  return [(BATCHES * BATCH_SIZE) / storeSeconds, (BATCHES * BATCH_SIZE) / rawSeconds];
}

export async function storeBenchmark(): Promise<BenchResult[]> {
  const scratch = await benchDatabase();
  const database = await Database.open({ databaseUrl: scratch.env.DATABASE_URL, dataDir: scratch.env.DATA_DIR! });
  const pool = openPool(database.url, { max: 10 });
  const store = new PostgresEventStore(pool, new SystemClock(), new RandomIdGenerator());
  try {
    // The same columns, defaults, indexes and constraints as `events`, without its triggers.
    await pool.query('CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)');
    console.log(`store benchmark on ${scratch.description}`);
    console.log(`node ${process.version}; ${SINGLE_APPENDS} single-event appends per writer count, ${BATCHES} batches of ${BATCH_SIZE}\n`);
    const prepared = await preparesPerConnection(pool);
    await singleAppends(store, pool, 1, prepared); // warm-up: connections, plans, JIT
    const measured: [string, string, [number, number, number | null]][] = [
      ['single-event appends, 1 writer', 'append-1w-ratio', await singleAppends(store, pool, 1, prepared)],
      ['single-event appends, 8 writers', 'append-8w-ratio', await singleAppends(store, pool, 8, prepared)],
      [`${BATCH_SIZE}-event batches, 1 writer`, 'batch-ratio', [...(await batchAppends(store, pool)), null]],
    ];
    console.log(
      'scenario'.padEnd(36) + 'store ev/s'.padStart(12) + 'raw INSERT ev/s'.padStart(18) + 'store/raw'.padStart(11) + 'raw prepared ev/s'.padStart(19),
    );
    for (const [name, , [storeRate, rawRate, preparedRate]] of measured) {
      console.log(
        name.padEnd(36) +
          formatted(storeRate).padStart(12) +
          formatted(rawRate).padStart(18) +
          (storeRate / rawRate).toFixed(2).padStart(11) +
          (preparedRate ? formatted(preparedRate) : '').padStart(19),
      );
    }
    // The ratios are against the INSERT a client would send as it is; those against the prepared one say how far the store is from the table's own limit.
    const results = measured.flatMap(([, name, [storeRate, rawRate, preparedRate]]) => [
      { name, value: storeRate / rawRate, unit: 'ratio' },
      ...(preparedRate ? [{ name: `${name}-vs-prepared`, value: storeRate / preparedRate, unit: 'ratio' }] : []),
    ]);
    for (const result of results) console.log(resultLine(result));
    return results;
  } finally {
    await pool.end();
    await database.close();
    await scratch.drop();
  }
}
