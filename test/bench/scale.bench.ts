import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QueryBus } from '@nestjs/cqrs';
import { openCliContext, type CliContext } from '../../src/cli/cli-context.js';
import { ProgressBar } from '../../src/cli/progress-bar.js';
import { catchUpProcessManagers } from '../../src/cli/projection-commands.js';
import { Database } from '../../src/database/database.js';
import { generate, GENERATOR_ACTOR } from '../../src/demo/generate.js';
import { seededRandom } from '../../src/demo/demo-names.js';
import { asAdministrator } from '../../src/demo/seed-demo.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { GetStatisticsReport } from '../../src/projections/discipline-statistics/get-statistics-report.query.js';
import { MemberRecordQuery } from '../../src/projections/member-record/member-record.query.js';
import { OrganizationHistoryQuery } from '../../src/projections/organization-history/organization-history.query.js';
import { benchDatabase, type BenchDatabase } from './bench-database.js';
import { latency, type Latency, type Pace } from './samples.js';
import { RATES, serviceBenchmark } from './service.bench.js';
import type { BenchResult, SizeRun } from './results.js';

/** Inputs drawn for each query: the same on every run. */
const SAMPLES = 60;
const GENERATOR_CONCURRENCY = 8;

async function withContext<T>(database: BenchDatabase, work: (context: CliContext) => Promise<T>): Promise<T> {
  const context = await openCliContext(loadConfig(database.env));
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Grows the store to `size` events through the commands; answers the events appended per second. */
async function grow(database: BenchDatabase, size: number): Promise<BenchResult[]> {
  return withContext(database, async (context) => {
    const store = context.get(EventStore);
    const missing = size - ((await store.head())?.globalPosition ?? 0);
    if (missing <= 0) return [];
    const bar = new ProgressBar(`generate ${size.toLocaleString('en')}`);
    const started = performance.now();
    const summary = await generate(context.app, {
      events: missing,
      concurrency: GENERATOR_CONCURRENCY,
      onProgress: (appended) => bar.update({ replayed: appended, total: missing }),
    });
    bar.update({ replayed: summary.events, total: missing }, true);
    const seconds = (performance.now() - started) / 1000;
    await catchUpProcessManagers(context);
    return [{ name: 'generate-ev-s', value: summary.events / seconds, unit: 'ev/s' }];
  });
}

interface RebuildMeasure {
  readonly events: number;
  readonly projections: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Every projection rebuilt from the store in a process of its own (its peak memory is the rebuild's). */
function rebuildInChild(database: BenchDatabase): Promise<RebuildMeasure> {
  const child = spawn(process.execPath, ['--enable-source-maps', fileURLToPath(new URL('./rebuild-child.js', import.meta.url))], {
    env: database.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the rebuild process exited with ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').at(-1)!) as RebuildMeasure);
    });
  });
}

function pick<T>(items: readonly T[], random: () => number): T[] {
  if (items.length === 0) throw new Error('the generated store has none of the records the queries need');
  return Array.from({ length: SAMPLES }, () => items[Math.floor(random() * items.length)]!);
}

/** A day of the generated years' work (2016 to 2019), drawn from the seeded generator. */
function dayIn(random: () => number): string {
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 4 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function idsOf(context: CliContext, sql: string): Promise<string[]> {
  const { rows } = await context.get(Database).pool.query<{ id: string }>(sql);
  return rows.map((row) => row.id);
}

function latencyResults(name: string, measured: Latency): BenchResult[] {
  return [
    { name: `${name}-p50-ms`, value: measured.p50, unit: 'ms', samples: measured.samples },
    { name: `${name}-p99-ms`, value: measured.p99, unit: 'ms', samples: measured.samples },
  ];
}

/**
 * The auditors' three reads, live and as of a day (from the bitemporal rows, or the store replayed where they cannot tell),
 * called in process as the controllers call them, as an administrator over the whole tree.
 */
async function queries(context: CliContext, pace: Pace): Promise<BenchResult[]> {
  const random = seededRandom(16);
  const districts = pick(
    await idsOf(context, `SELECT data->>'organizationId' AS id FROM events WHERE event_type = 'OrganizationFounded' AND data->>'level' = 'district'`),
    random,
  );
  const members = pick(await idsOf(context, `SELECT data->>'memberId' AS id FROM events WHERE event_type = 'MemberAdmitted'`), random);
  const days = Array.from({ length: SAMPLES }, () => dayIn(random));
  const history = context.get(OrganizationHistoryQuery);
  const records = context.get(MemberRecordQuery);
  const queryBus = context.get(QueryBus);
  const year = (i: number) => ({ from: `${days[i]!.slice(0, 4)}-01-01`, to: `${days[i]!.slice(0, 4)}-12-31` });
  const indexed = <T>(items: readonly T[]) => items.map((item, i) => ({ item, i }));
  const budget = { budgetMs: pace.queryBudgetMs };
  return asAdministrator(GENERATOR_ACTOR, async () => {
    const historyLive = await latency(districts, (id) => history.history(id, { subtree: true }), budget);
    const historyAsOf = await latency(indexed(districts), ({ item, i }) => history.history(item, { subtree: true, asOf: days[i] }), budget);
    return [
      ...latencyResults('history-live', historyLive),
      ...latencyResults('history-asof', historyAsOf),
      { name: 'history-asof-live-ratio', value: historyAsOf.p99 / historyLive.p99, unit: 'x' },
      ...latencyResults('record-live', await latency(members, (id) => records.record(id, {}), budget)),
      ...latencyResults('record-asof', await latency(indexed(members), ({ item, i }) => records.record(item, { asOf: days[i] }), budget)),
      ...latencyResults(
        'statistics-live',
        await latency(indexed(districts), ({ item, i }) => queryBus.execute(new GetStatisticsReport(year(i), item)), budget),
      ),
      ...latencyResults(
        'statistics-asof',
        await latency(indexed(districts), ({ item, i }) => queryBus.execute(new GetStatisticsReport(year(i), item, { asOf: days[i] })), budget),
      ),
    ];
  });
}

async function verify(context: CliContext): Promise<BenchResult[]> {
  const started = performance.now();
  const verification = await context.get(EventStore).verifyAll();
  if (!verification.valid) throw new Error('the generated store does not verify');
  return [{ name: 'verify-ev-s', value: verification.events / ((performance.now() - started) / 1000), unit: 'ev/s' }];
}

/** The service under commands at a fixed rate, on PostgreSQL only: the lag is read from a second connection. */
async function underLoad(database: BenchDatabase, pace: Pace): Promise<BenchResult[]> {
  if (!database.env.DATABASE_URL) {
    console.log(`service benchmark (commands at ${RATES.join(' and ')}/s, projection lag): PostgreSQL only, set BENCH_DATABASE_URL`);
    return [];
  }
  const targets = await withContext(database, async (context) => {
    const { rows } = await context.get(Database).pool.query<{ districtId: string; grassrootsId: string }>(
      `SELECT district.data->>'organizationId' AS "districtId", grassroots.data->>'organizationId' AS "grassrootsId"
       FROM events grassroots JOIN events district ON district.event_type = 'OrganizationFounded' AND district.data->>'organizationId' = grassroots.data->>'parentId'
       WHERE grassroots.event_type = 'OrganizationFounded' AND grassroots.data->>'level' = 'grassroots' AND district.data->>'level' = 'district'
       LIMIT 1000`,
    );
    return rows;
  });
  return serviceBenchmark(database, targets, pace.loadSeconds);
}

/**
 * For each size in turn (ascending): grows one store to it through the commands, rebuilds every projection,
 * times the queries and verifies every chain; at the largest, puts the service under commands at a fixed rate.
 */
export async function scaleBenchmark(sizes: readonly number[], pace: Pace, report: (run: SizeRun) => void): Promise<string> {
  const database = await benchDatabase();
  try {
    for (const [index, size] of sizes.entries()) {
      const generated = await grow(database, size);
      const rebuilt = await rebuildInChild(database);
      const measured = await withContext(database, async (context) => [...(await queries(context, pace)), ...(await verify(context))]);
      if (index === sizes.length - 1) measured.push(...(await underLoad(database, pace)));
      report({
        events: rebuilt.events,
        results: [
          ...generated,
          { name: 'rebuild-ev-s', value: rebuilt.events / rebuilt.seconds, unit: 'ev/s' },
          { name: 'rebuild-rss-mb', value: rebuilt.peakRssMb, unit: 'MB' },
          ...measured,
        ],
      });
    }
    return database.description;
  } finally {
    await database.drop();
  }
}
