import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { openPool } from '../../src/database/connections.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { BENCH_ADMIN_PASSWORD, type BenchDatabase } from './bench-database.js';
import type { BenchResult } from './results.js';
import { percentile } from './samples.js';

/**
 * The load, then one this machine sustains: commands sent at each rate, open loop (each at its time,
 * whatever the answers before it). Results at 500/s carry the names; the others say their rate.
 */
export const RATES = [500, 100];
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const LAG_POLL_MS = 5;

interface Target {
  readonly districtId: string;
  readonly grassrootsId: string;
}

/** The service as `npm start` runs it, on the benchmark's database, with its projections. */
async function startService(database: BenchDatabase): Promise<ChildProcess> {
  const main = fileURLToPath(new URL('../../src/main.js', import.meta.url));
  const service = spawn(process.execPath, ['--enable-source-maps', main], {
    env: { ...database.env, PORT: String(PORT), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await untilReady(service);
    return service;
  } catch (error) {
    await stopService(service);
    throw error;
  }
}

async function untilReady(service: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode} before it was ready`);
    const ready = await fetch(`http://127.0.0.1:${PORT}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the service was not ready within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stopService(service: ChildProcess): Promise<void> {
  if (service.exitCode !== null || service.signalCode !== null) return;
  const exited = once(service, 'exit');
  service.kill('SIGTERM');
  await exited;
}

async function login(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Polls the newest committed event and the checkpoints of the projections: an event's lag is the time from
 * the poll that first saw it committed to the poll that saw every projection past it (so within one poll
 * interval, 5 ms, of the truth).
 */
function lagSampler(url: string) {
  const pool = openPool(url, { max: 1 });
  const seen: { position: number; at: number }[] = [];
  const lags: number[] = [];
  let running = true;
  let lastHead: number | undefined;
  const poll = async () => {
    const { rows } = await pool.query<{ head: string | null; applied: string | null }>(
      `SELECT (SELECT max(global_position) FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())) AS head,
              (SELECT min(global_position) FROM projection_checkpoints WHERE name = ANY($1)) AS applied`,
      [PROJECTIONS.map((projection) => projection.name)],
    );
    const now = performance.now();
    const head = Number(rows[0]?.head ?? 0);
    if (lastHead !== undefined && head > lastHead) seen.push({ position: head, at: now });
    lastHead = Math.max(head, lastHead ?? 0);
    const applied = Number(rows[0]?.applied ?? 0);
    while (seen.length > 0 && seen[0]!.position <= applied) lags.push(now - seen.shift()!.at);
  };
  const done = (async () => {
    let deadline = Number.POSITIVE_INFINITY;
    while (running || (seen.length > 0 && performance.now() < deadline)) {
      await poll();
      if (!running && deadline === Number.POSITIVE_INFINITY) deadline = performance.now() + 60_000;
      await new Promise((resolve) => setTimeout(resolve, LAG_POLL_MS));
    }
  })();
  return {
    /** The lags measured; an event still not applied a minute after the commands stopped is reported as missing. */
    async stop(): Promise<{ lags: number[]; unapplied: number }> {
      running = false;
      await done;
      await pool.end();
      return { lags, unapplied: seen.length };
    },
  };
}

/**
 * Sends supervisions at `rate` for `seconds`: each command's latency runs from the moment it was due (so a slow
 * answer delays no measurement), and the projections' lag behind the commands is sampled meanwhile.
 */
async function atRate(database: BenchDatabase, token: string, targets: readonly Target[], rate: number, seconds: number): Promise<BenchResult[]> {
  const sampler = lagSampler(database.env.DATABASE_URL ?? '');
  const started = performance.now();
  const total = rate * seconds;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const failed = (why: string): void => void failures.set(why, (failures.get(why) ?? 0) + 1);
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = targets[i % targets.length]!;
    sends.push(
      fetch(`http://127.0.0.1:${PORT}/api/v1/supervisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          body: { organizationId: target.districtId, bodyKind: 'inspection-commission' },
          subject: { kind: 'organization', organizationId: target.grassrootsId },
          kind: 'thematic',
          plan: 'Chương trình giám sát năm 2019',
          topic: 'Công tác thu, nộp đảng phí',
          startedOn: '2019-10-01',
        }),
      }).then(
        async (response) => {
          const body = await response.text();
          if (response.status === 201) latencies.push(performance.now() - due);
          else failed(`${response.status} ${body.slice(0, 160)}`);
        },
        (error: Error) => failed(error.message),
      ),
    );
  }
  await Promise.all(sends);
  const answeredWithin = (performance.now() - started) / 1000;
  const { lags, unapplied } = await sampler.stop();
  lags.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  for (const [why, count] of failures) console.log(`  at ${rate}/s, ${count} of ${total} commands failed: ${why}`);
  if (unapplied > 0) throw new Error(`the projections had not applied ${unapplied} of the polled heads a minute after the commands stopped`);
  const name = (result: string) => (rate === RATES[0] ? result : `${result}-at-${rate}`);
  return [
    { name: name('command-answered-per-s'), value: latencies.length / answeredWithin, unit: 'commands/s' },
    { name: name('command-errors'), value: total - latencies.length, unit: 'commands' },
    ...(latencies.length > 0
      ? [
          { name: name('command-p50-ms'), value: percentile(latencies, 50), unit: 'ms', samples: latencies.length },
          { name: name('command-p99-ms'), value: percentile(latencies, 99), unit: 'ms', samples: latencies.length },
        ]
      : []),
    { name: name('lag-p50-ms'), value: percentile(lags, 50), unit: 'ms', samples: lags.length },
    { name: name('lag-p99-ms'), value: percentile(lags, 99), unit: 'ms', samples: lags.length },
  ];
}

/** Starts the service on the benchmark's store, then puts it under each rate in turn, the projections caught up between. */
export async function serviceBenchmark(database: BenchDatabase, targets: readonly Target[], seconds: number): Promise<BenchResult[]> {
  const service = await startService(database);
  try {
    const token = await login();
    const results: BenchResult[] = [];
    for (const rate of RATES) results.push(...(await atRate(database, token, targets, rate, seconds)));
    return results;
  } finally {
    await stopService(service);
  }
}
