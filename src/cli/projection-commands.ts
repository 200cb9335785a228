import type { ProcessManager } from '../projections/process-manager.js';
import type { Projection } from '../projections/projection.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ProjectionSupervisor } from '../projections/projection-supervisor.js';
import { checkpointLag } from '../projections/projection-status.js';
import { rebuildProjection } from '../projections/rebuild.js';
import { PROJECTIONS, findProjection } from '../projections/registry.js';
import type { CliContext } from './cli-context.js';
import { ProgressBar } from './progress-bar.js';
import { UsageError } from './usage-error.js';

export const PROJECTION_USAGE = `  rebuild [name | --needed]
                     replay all events into fresh tables and swap them in (all projections without a name; with
                     --needed those never built or of another version), as the schema owner: MIGRATION_DATABASE_URL
                     (else DATABASE_URL). The deployments' job runs it after migrate; the service never rebuilds
                     unless its own login owns the schema (the embedded database)
  catch-up [name]    apply the events committed so far, then exit (all: the process managers' follow-ups first)
  projections        list projections and process managers with their checkpoint and lag`;

/** The projections a command names: one by name, or all. */
export function selectProjections(name: string | undefined): readonly Projection[] {
  if (name === undefined) return PROJECTIONS;
  const projection = findProjection(name);
  if (!projection) throw new UsageError(`Unknown projection "${name}". Known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
  return [projection];
}

export const NEEDED = '--needed';

export function rebuildArguments(args: readonly string[]): void {
  if (args.length > 1) throw new UsageError(`unexpected arguments: ${args.slice(1).join(' ')}`);
  if (args[0] !== NEEDED) selectProjections(args[0]);
}

async function needingRebuild(context: CliContext): Promise<Projection[]> {
  const needed: Projection[] = [];
  for (const projection of PROJECTIONS) {
    const { storedVersion } = await checkpointLag(context.projections.dataSource, projection.name);
    if (storedVersion !== projection.version) needed.push(projection);
  }
  return needed;
}

export async function rebuild(context: CliContext, name: string | undefined): Promise<void> {
  const projections = name === NEEDED ? await needingRebuild(context) : selectProjections(name);
  if (projections.length === 0) process.stderr.write('every projection is built at its version: nothing to rebuild\n');
  for (const projection of projections) {
    const bar = new ProgressBar(projection.name);
    const result = await rebuildProjection(projection, context.projections, { onProgress: (progress) => bar.update(progress) });
    bar.update(result, true);
    process.stderr.write(`${projection.name}: rebuilt at version ${projection.version} from ${result.replayed} events, swapped in\n`);
  }
}

async function catchUpEach(context: CliContext, consumers: readonly (Projection | ProcessManager)[]): Promise<void> {
  for (const consumer of consumers) {
    await new ProjectionRunner(consumer, context.projections).runUntilCaughtUp();
    const { lag } = await checkpointLag(context.projections.dataSource, consumer.name);
    process.stderr.write(`${consumer.name}: caught up (lag ${lag})\n`);
  }
}

/** The process managers run first: the projections then see the follow-ups they recorded. */
export async function catchUp(context: CliContext, name: string | undefined): Promise<void> {
  const processManagers = name === undefined ? context.get(ProjectionSupervisor).processManagers : [];
  await catchUpEach(context, [...processManagers, ...selectProjections(name)]);
}

/** Records the follow-ups of the events committed so far (expulsions carried out, members taken off planning lists). */
export function catchUpProcessManagers(context: CliContext): Promise<void> {
  return catchUpEach(context, context.get(ProjectionSupervisor).processManagers);
}

export async function listProjections(context: CliContext): Promise<void> {
  for (const consumer of [...PROJECTIONS, ...context.get(ProjectionSupervisor).processManagers]) {
    const { storedVersion, checkpoint, lag } = await checkpointLag(context.projections.dataSource, consumer.name);
    const at = checkpoint ? `${checkpoint.transactionId}/${checkpoint.globalPosition}` : 'never run';
    process.stdout.write(`${consumer.name}\tversion ${consumer.version} (stored ${storedVersion ?? '-'})\tcheckpoint ${at}\tlag ${lag}\n`);
  }
}
