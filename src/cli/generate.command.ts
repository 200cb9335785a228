import { parseArgs } from 'node:util';
import { generate } from '../demo/generate.js';
import type { CliContext } from './cli-context.js';
import { ProgressBar } from './progress-bar.js';
import { catchUpProcessManagers } from './projection-commands.js';
import { UsageError } from './usage-error.js';

export const GENERATE_USAGE = `  generate --events <n> [--concurrency <k>]
                     grow the store by at least n events through the service's commands: provinces of 12 districts,
                     each worked as the demo district (2016-2019), k districts at a time (default 8); then the process
                     managers record their follow-ups`;

export interface GenerateArguments {
  readonly events: number;
  readonly concurrency: number;
}

function positiveInteger(option: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value?.replaceAll('_', ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new UsageError(`--${option} must be a positive whole number, got ${value ?? 'nothing'}`);
  return parsed;
}

export function generateArguments(args: readonly string[]): GenerateArguments {
  let values: { events?: string; concurrency?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { events: { type: 'string' }, concurrency: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { events: positiveInteger('events', values.events), concurrency: positiveInteger('concurrency', values.concurrency, 8) };
}

export async function generateCommand(context: CliContext, args: readonly string[]): Promise<void> {
  const { events, concurrency } = generateArguments(args);
  const bar = new ProgressBar('generate');
  const summary = await generate(context.app, { events, concurrency, onProgress: (appended) => bar.update({ replayed: appended, total: events }) });
  bar.update({ replayed: summary.events, total: events }, true);
  process.stderr.write(`generate: ${summary.events} events in ${summary.districts} districts of ${summary.provinces} provinces\n`);
  await catchUpProcessManagers(context);
}
