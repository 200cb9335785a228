import { join } from 'node:path';
import { machine, resultLine, writeReport, type BenchResult, type SizeRun } from './results.js';
import type { Pace } from './samples.js';
import { scaleBenchmark } from './scale.bench.js';
import { storeBenchmark } from './store.bench.js';

/**
 * `npm run bench`: appends against raw inserts, then the store grown to 100,000 and 1,000,000 events, each
 * size rebuilt, queried and verified; the report goes to docs/bench. `quick`: the same at 100,000 events
 * only, reported in dist/bench. `store` or `scale` alone. BENCH_SIZES (comma-separated) sets the sizes.
 */
const FULL: Pace = { queryBudgetMs: 30_000, loadSeconds: 20 };
const QUICK: Pace = { queryBudgetMs: 10_000, loadSeconds: 10 };

const MODES: Readonly<Record<string, { readonly store: boolean; readonly sizes: readonly number[]; readonly pace: Pace; readonly folder: string | null }>> = {
  all: { store: true, sizes: [100_000, 1_000_000], pace: FULL, folder: 'docs/bench' },
  quick: { store: true, sizes: [100_000], pace: QUICK, folder: 'dist/bench' },
  store: { store: true, sizes: [], pace: QUICK, folder: null },
  scale: { store: false, sizes: [100_000, 1_000_000], pace: FULL, folder: 'dist/bench' },
};

const [name = 'all', ...rest] = process.argv.slice(2);
const mode = MODES[name];
if (!mode || rest.length > 0) {
  console.error(`Usage: npm run bench [-- ${Object.keys(MODES).join(' | ')}]`);
  process.exit(2);
}
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : mode.sizes;
if (sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
  console.error(`BENCH_SIZES must be positive whole numbers, got ${process.env.BENCH_SIZES}`);
  process.exit(2);
}

const store: BenchResult[] = mode.store ? await storeBenchmark() : [];
const runs: SizeRun[] = [];
let database = '';
if (sizes.length > 0) {
  database = await scaleBenchmark(
    [...sizes].sort((a, b) => a - b),
    mode.pace,
    (run) => {
      runs.push(run);
      console.log(`\nat ${run.events.toLocaleString('en')} events:`);
      for (const result of run.results)
        console.log(
          `  ${result.name.padEnd(26)} ${result.value.toFixed(2).padStart(12)} ${result.unit}${result.samples ? ` (${result.samples} samples)` : ''}`,
        );
    },
  );
  // The RESULT lines of the scale benchmark are those of its largest store.
  for (const result of runs.at(-1)!.results) console.log(resultLine(result));
}
if (mode.folder) {
  const folder = join(process.cwd(), mode.folder);
  await writeReport(folder, { measuredAt: new Date().toISOString(), machine: machine(), database, store, sizes: runs });
  console.log(`\nreport: ${join(mode.folder, 'results.json')}, results.md, query-latency.svg`);
}
