/** How long a run spends on each measure: `quick` in CI's time, the full run at leisure. */
export interface Pace {
  /** Time after which a query stops being sampled (once it has 5 samples). */
  readonly queryBudgetMs: number;
  /** How long the service is held at each rate of commands. */
  readonly loadSeconds: number;
}

/** The nearest-rank percentile of durations already sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/**
 * Times `run` on each input in turn, after `warmUp` untimed runs, until every input is done or `budgetMs`
 * has passed (at least `minimum` samples): a replay that takes seconds gets fewer samples, and says so.
 */
export async function latency<T>(
  inputs: readonly T[],
  run: (input: T) => Promise<unknown>,
  { warmUp = 1, budgetMs, minimum = 5 }: { warmUp?: number; budgetMs: number; minimum?: number },
): Promise<Latency> {
  for (const input of inputs.slice(0, warmUp)) await run(input);
  const durations: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    if (durations.length >= minimum && performance.now() - started > budgetMs) break;
    const start = performance.now();
    await run(input);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), samples: durations.length };
}
