import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirInUseError } from '../database/data-dir-lock.js';
import { DemoAlreadyLoadedError } from '../demo/seed-demo.js';
import { ConfigError, loadConfig } from '../platform/config/app-config.js';
import { accountsArguments, accountsCommand, ACCOUNTS_USAGE } from './accounts-commands.js';
import { AUDIT_USAGE, checkpoint, exportCommand, exportOptions, verifyAudit } from './audit-commands.js';
import { asOperator, CommandLineLogger, openCliContext, type CliContext } from './cli-context.js';
import { feedContractCommand, FEED_CONTRACT_USAGE } from './feed-contract.command.js';
import { generateArguments, generateCommand, GENERATE_USAGE } from './generate.command.js';
import { generateKeys, KeyExistsError, keysFolder, KEYS_USAGE } from './keys.command.js';
import { migrateCommand } from './migrate.command.js';
import { openApiDocumentCommand } from './openapi-document.command.js';
import { catchUp, listProjections, PROJECTION_USAGE, rebuild, rebuildArguments, selectProjections } from './projection-commands.js';
import { seedDemoCommand } from './seed-demo.command.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: npm run cli -- <command>

${PROJECTION_USAGE}
${AUDIT_USAGE}
  seed-demo          load the Bình Xuyên demo district and its work (2016-2019) through the service's commands,
                     catch up, print its 2019 statistics; the service must be stopped (embedded database)
${GENERATE_USAGE}
  openapi            print the OpenAPI document the service serves (the admin UI's API types are generated from it)
${FEED_CONTRACT_USAGE}
  migrate            bring the schema up to date as MIGRATION_DATABASE_URL (else DATABASE_URL), nothing else
${KEYS_USAGE}
${ACCOUNTS_USAGE}

Uses the service's configuration: DATABASE_URL, or the embedded database in DATA_DIR (default ./data),
which only one process may open at a time.`;

/**
 * A subcommand: checks its arguments before anything opens, then runs on the application, or alone when it
 * needs no application (nor its keys); answers the exit code.
 */
type CliCommand = { readonly check: (args: readonly string[]) => void } & (
  | { readonly run: (context: CliContext, args: readonly string[]) => Promise<number | void> }
  | { readonly runAlone: (args: readonly string[]) => Promise<number | void> }
);

function noArguments(args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
}

function projectionName(args: readonly string[]): void {
  if (args.length > 1) throw new UsageError(`unexpected arguments: ${args.slice(1).join(' ')}`);
  selectProjections(args[0]);
}

const COMMANDS: Readonly<Record<string, CliCommand>> = {
  rebuild: { check: rebuildArguments, run: (context, [name]) => rebuild(context, name) },
  'catch-up': { check: projectionName, run: (context, [name]) => catchUp(context, name) },
  projections: { check: noArguments, run: (context) => listProjections(context) },
  'verify-audit': { check: noArguments, run: (context) => verifyAudit(context) },
  checkpoint: { check: noArguments, run: (context) => checkpoint(context) },
  'export-audit': { check: (args) => void exportOptions(args), run: (context, args) => exportCommand(context, args) },
  'seed-demo': { check: noArguments, run: (context) => seedDemoCommand(context) },
  generate: { check: (args) => void generateArguments(args), run: (context, args) => generateCommand(context, args) },
  migrate: { check: noArguments, runAlone: () => migrateCommand(process.env) },
  keys: { check: (args) => void keysFolder(args), runAlone: (args) => generateKeys(args) },
  accounts: { check: (args) => void accountsArguments(args), run: (context, args) => accountsCommand(context, args) },
  openapi: { check: noArguments, runAlone: () => openApiDocumentCommand(loadConfig(process.env)) },
  'feed-contract': { check: noArguments, runAlone: () => feedContractCommand() },
};

const EXPECTED_FAILURES = [ConfigError, DataDirInUseError, DemoAlreadyLoadedError, KeyExistsError];

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  Logger.overrideLogger(new CommandLineLogger());
  let context: CliContext | undefined;
  try {
    const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(name === undefined ? 'no command given' : `unknown command "${name}"`);
    command.check(args);
    if ('runAlone' in command) return (await command.runAlone(args)) ?? 0;
    context = await openCliContext(loadConfig(process.env));
    const opened = context;
    return (await asOperator(() => command.run(opened, args))) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (EXPECTED_FAILURES.some((kind) => error instanceof kind)) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await context?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
