import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportAudit } from '../audit/audit-export.js';
import { AuditService } from '../audit/audit.service.js';
import { loadOrCreateSigningKey, type SigningKey } from '../audit/signing-key.js';
import { DataDirInUseError } from '../database/data-dir-lock.js';
import { EVERYTHING } from '../database/organization-scope.js';
import { ConfigError, loadConfig, type AppConfig } from '../platform/config/app-config.js';
import { isIsoDate } from '../shared/domain/iso-date.js';
import { RandomIdGenerator } from '../shared/clock.js';
import { openCliContext, type CliContext } from './cli-context.js';

export const AUDIT_USAGE = `  verify-audit       recompute every hash chain and check the latest signed checkpoint; exit 1 when broken
  checkpoint         sign the head of every stream (Ed25519) and keep the checkpoint
  export-audit --organization <uuid> --from YYYY-MM-DD --to YYYY-MM-DD [--out file.jsonl]
                     the organization's events recorded in the period as JSON lines, then the latest checkpoint
                     and the public key; verify offline with: node src/audit/offline/verify-export.mjs file.jsonl`;

export class AuditUsageError extends Error {}

/** The service's own AuditService, so the CLI checks exactly what GET /api/v1/audit/verify checks. */
async function auditService(context: CliContext, config: AppConfig): Promise<{ audit: AuditService; key: SigningKey }> {
  const { key } = await loadOrCreateSigningKey(config.auditSigningKeyFile);
  return { audit: new AuditService(context.deps.store, context.database, { key }, context.deps.clock, new RandomIdGenerator()), key };
}

async function verifyAudit(context: CliContext, config: AppConfig): Promise<number> {
  const result = await (await auditService(context, config)).audit.verify();
  const { chains, latestCheckpoint } = result;
  process.stdout.write(`chains: ${chains.streams} streams, ${chains.events} events, ${chains.valid ? 'every link holds' : 'BROKEN'}\n`);
  if (chains.firstBroken) {
    const { streamId, brokenAt, reason } = chains.firstBroken;
    process.stdout.write(`first broken link: stream ${streamId} version ${brokenAt.streamVersion} (event ${brokenAt.eventId ?? 'missing'}): ${reason}\n`);
  }
  if (!latestCheckpoint) process.stdout.write('checkpoint: none made yet\n');
  else {
    const { checkpointId, createdAt, signature, missingOrChanged } = latestCheckpoint;
    process.stdout.write(`checkpoint ${checkpointId} of ${createdAt}: signature ${signature.valid ? 'valid' : `INVALID (${signature.reason})`}\n`);
    for (const head of missingOrChanged) {
      process.stdout.write(`signed head missing or changed: stream ${head.streamId} version ${head.streamVersion} signed ${head.hash}, found ${head.found ?? 'nothing'}\n`);
    }
  }
  process.stdout.write(result.valid ? 'audit: VALID\n' : 'audit: BROKEN\n');
  return result.valid ? 0 : 1;
}

async function checkpoint(context: CliContext, config: AppConfig): Promise<number> {
  const signed = await (await auditService(context, config)).audit.createCheckpoint();
  const { checkpointId, createdAt, streams, events, keyId } = signed.statement;
  process.stdout.write(`checkpoint ${checkpointId} of ${createdAt}: ${streams} streams, ${events} events, signed by key ${keyId}\n`);
  return 0;
}

function exportOptions(args: readonly string[]): { organization: string; from: string; to: string; out: string | undefined } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { organization: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new AuditUsageError(error instanceof Error ? error.message : String(error));
  }
  const { organization, from, to, out } = values;
  if (!organization || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organization)) throw new AuditUsageError('--organization must be a UUID');
  if (!from || !isIsoDate(from) || !to || !isIsoDate(to)) throw new AuditUsageError('--from and --to must be dates as YYYY-MM-DD');
  if (from > to) throw new AuditUsageError('--from must not be after --to');
  return { organization, from, to, out };
}

async function exportCommand(context: CliContext, config: AppConfig, args: readonly string[]): Promise<number> {
  const options = exportOptions(args);
  const { audit, key } = await auditService(context, config);
  const exported = await exportAudit(context.database.pool, EVERYTHING, audit, key, { organizationId: options.organization, from: options.from, to: options.to });
  if (options.out) await writeFile(options.out, exported.text);
  else process.stdout.write(exported.text);
  process.stderr.write(`export-audit: ${exported.events} events${options.out ? ` to ${options.out}` : ''}\n`);
  if (exported.unsigned > 0) {
    process.stderr.write(`export-audit: ${exported.unsigned} of them were recorded after the latest checkpoint; run checkpoint, then export again\n`);
  }
  return 0;
}

const AUDIT_COMMANDS: Record<string, (context: CliContext, config: AppConfig, args: readonly string[]) => Promise<number>> = {
  'verify-audit': (context, config) => verifyAudit(context, config),
  checkpoint: (context, config) => checkpoint(context, config),
  'export-audit': (context, config, args) => exportCommand(context, config, args),
};

export function isAuditCommand(command: string | undefined): command is string {
  return command !== undefined && Object.hasOwn(AUDIT_COMMANDS, command);
}

/** Runs one audit subcommand with the service's configuration: 0 valid or done, 1 broken or failed, 2 misused. */
export async function runAuditCommand(command: string, args: readonly string[]): Promise<number> {
  let context: CliContext | undefined;
  try {
    if (command === 'export-audit') exportOptions(args);
    else if (args.length > 0) throw new AuditUsageError(`${command} takes no arguments`);
    const config = loadConfig(process.env);
    context = await openCliContext(config);
    return await AUDIT_COMMANDS[command]!(context, config, args);
  } catch (error) {
    if (!(error instanceof AuditUsageError || error instanceof ConfigError || error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n${error instanceof AuditUsageError ? `Usage: npm run cli -- <command>\n${AUDIT_USAGE}\n` : ''}`);
    return error instanceof AuditUsageError ? 2 : 1;
  } finally {
    await context?.close();
  }
}
