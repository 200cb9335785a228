import { storeBenchmark } from './store.bench.js';

const benchmarks: Record<string, () => Promise<void>> = { store: storeBenchmark };

const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
for (const name of selected.length > 0 ? selected : Object.keys(benchmarks)) {
  await benchmarks[name]!();
}
