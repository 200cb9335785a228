import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirInUseError } from '../database/data-dir-lock.js';
import { DemoAlreadyLoadedError } from '../demo/seed-demo.js';
import { ConfigError, loadConfig, type AppConfig } from '../platform/config/app-config.js';
import type { Projection } from '../projections/projection.js';
import { checkpointLag } from '../projections/projection-status.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { rebuildProjection } from '../projections/rebuild.js';
import { PROJECTIONS, findProjection } from '../projections/registry.js';
import { AUDIT_USAGE, isAuditCommand, runAuditCommand } from './audit-commands.js';
import { openCliContext, type CliContext } from './cli-context.js';
import { ProgressBar } from './progress-bar.js';
import { openApiDocumentCommand } from './openapi-document.command.js';
import { seedDemoCommand } from './seed-demo.command.js';

const USAGE = `Usage: npm run cli -- <command>

  rebuild [name]     replay all events into fresh tables and swap them in (all projections without a name)
  catch-up [name]    apply the events committed so far, then exit
  projections        list projections with their checkpoint and lag
${AUDIT_USAGE}
  seed-demo          load the Bình Xuyên demo district and its work (2016-2019) through the service's commands,
                     catch up, print its 2019 statistics; the service must be stopped (embedded database)
  openapi            print the OpenAPI document the service serves (the admin UI's API types are generated from it)

Uses the service's configuration: DATABASE_URL, or the embedded database in DATA_DIR (default ./data),
which only one process may open at a time.`;

class UsageError extends Error {}

function selected(name: string | undefined): readonly Projection[] {
  if (name === undefined) return PROJECTIONS;
  const projection = findProjection(name);
  if (!projection) throw new UsageError(`Unknown projection "${name}". Known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
  return [projection];
}

async function rebuild(context: CliContext, name: string | undefined): Promise<void> {
  for (const projection of selected(name)) {
    const bar = new ProgressBar(projection.name);
    const result = await rebuildProjection(projection, context.deps, { onProgress: (progress) => bar.update(progress) });
    bar.update(result, true);
    process.stderr.write(`${projection.name}: rebuilt at version ${projection.version} from ${result.replayed} events, swapped in\n`);
  }
}

async function catchUp(context: CliContext, name: string | undefined): Promise<void> {
  for (const projection of selected(name)) {
    await new ProjectionRunner(projection, context.deps).runUntilCaughtUp();
    const { lag } = await checkpointLag(context.readModels.dataSource, projection.name);
    process.stderr.write(`${projection.name}: caught up (lag ${lag})\n`);
  }
}

async function list(context: CliContext): Promise<void> {
  for (const projection of PROJECTIONS) {
    const { storedVersion, checkpoint, lag } = await checkpointLag(context.readModels.dataSource, projection.name);
    const at = checkpoint ? `${checkpoint.transactionId}/${checkpoint.globalPosition}` : 'never run';
    process.stdout.write(`${projection.name}\tversion ${projection.version} (stored ${storedVersion ?? '-'})\tcheckpoint ${at}\tlag ${lag}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, name, ...rest] = argv;
  if (isAuditCommand(command)) return runAuditCommand(command, argv.slice(1));
  const commands: Record<string, (context: CliContext) => Promise<void>> = {
    rebuild: (context) => rebuild(context, name),
    'catch-up': (context) => catchUp(context, name),
    projections: (context) => list(context),
  };
  // Commands that open the application themselves, before any CLI context.
  const standalone: Record<string, (config: AppConfig) => Promise<void>> = {
    'seed-demo': (config) => seedDemoCommand(config, (context) => catchUp(context, undefined)),
    openapi: (config) => openApiDocumentCommand(config),
  };
  const run = command === undefined ? undefined : commands[command];
  const alone = command === undefined ? undefined : standalone[command];
  if ((!run && !alone) || rest.length > 0 || ((command === 'projections' || alone) && name !== undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  Logger.overrideLogger(process.env.LOG_LEVEL === 'debug' ? ['log', 'warn', 'error', 'debug'] : ['warn', 'error']);
  let context: CliContext | undefined;
  try {
    selected(command === 'projections' || alone ? undefined : name);
    const config = loadConfig(process.env);
    if (alone) await alone(config);
    else if (run) await run((context = await openCliContext(config)));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof DemoAlreadyLoadedError) {
      process.stderr.write(`${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await context?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
