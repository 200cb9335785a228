import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ExportAuditTrail, SignAuditCheckpoint, VerifyAuditTrail } from '../audit/audit-operations.js';
import { AuditWitness } from '../audit/audit-witness.js';
import type { CheckpointVerification } from '../audit/audit.service.js';
import { isIsoDate } from '../shared/domain/iso-date.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './usage-error.js';

export const AUDIT_USAGE = `  verify-audit       recompute every hash chain, check the latest signed checkpoint and the commit order, and hold
                     the store against the witness (AUDIT_WITNESS_DIR); exit 1 when broken or rolled back
  checkpoint         sign the head of every stream and the commit order (Ed25519), keep the checkpoint and
                     append it to the witness
  export-audit --organization <uuid> --from YYYY-MM-DD --to YYYY-MM-DD [--out file.jsonl]
                     the organization's events recorded in the period as JSON lines, then the latest checkpoint
                     and the public key; verify offline with: node src/audit/offline/verify-export.mjs file.jsonl`;

function writeCheckpoint(label: string, { checkpointId, createdAt, signature, missingOrChanged, commitOrder }: CheckpointVerification): void {
  process.stdout.write(`${label} ${checkpointId} of ${createdAt}: signature ${signature.valid ? 'valid' : `INVALID (${signature.reason})`}\n`);
  for (const head of missingOrChanged) {
    process.stdout.write(
      `signed head missing or changed: stream ${head.streamId} version ${head.streamVersion} signed ${head.hash}, found ${head.found ?? 'nothing'}\n`,
    );
  }
  if (!commitOrder) process.stdout.write(`${label} ${checkpointId} was signed before checkpoints bound the commit order\n`);
  else if (commitOrder.valid) process.stdout.write(`commit order: ${commitOrder.signed.events} events hold as signed\n`);
  else {
    process.stdout.write(
      `commit order CHANGED: signed ${commitOrder.signed.events} events with digest ${commitOrder.signed.digest}, ` +
        `found ${commitOrder.found.events} with digest ${commitOrder.found.digest} (a transaction id or position changed, or events removed)\n`,
    );
  }
}

/** The query GET /api/v1/audit/verify sends, so the CLI checks exactly what it checks. */
export async function verifyAudit(context: CliContext): Promise<number> {
  const result = await context.get(QueryBus).execute(new VerifyAuditTrail());
  const { chains, latestCheckpoint } = result;
  process.stdout.write(`chains: ${chains.streams} streams, ${chains.events} events, ${chains.valid ? 'every link holds' : 'BROKEN'}\n`);
  if (chains.firstBroken) {
    const { streamId, brokenAt, reason } = chains.firstBroken;
    process.stdout.write(`first broken link: stream ${streamId} version ${brokenAt.streamVersion} (event ${brokenAt.eventId ?? 'missing'}): ${reason}\n`);
  }
  if (!latestCheckpoint) process.stdout.write('checkpoint: none made yet\n');
  else writeCheckpoint('checkpoint', latestCheckpoint);
  const { witness } = result;
  process.stdout.write(`witness ${context.get(AuditWitness).directory}: ${witness.checkpoints} checkpoints\n`);
  if (witness.unreadableLines > 0) process.stdout.write(`witness: ${witness.unreadableLines} lines are not checkpoints signed by this key\n`);
  for (const { checkpointId, createdAt } of witness.missingFromStore) {
    process.stdout.write(`ROLLED BACK: checkpoint ${checkpointId} of ${createdAt} is in the witness, not in the store\n`);
  }
  for (const { checkpointId, createdAt } of witness.commitOrderChanged) {
    process.stdout.write(`commit order CHANGED under witnessed checkpoint ${checkpointId} of ${createdAt}\n`);
  }
  if (witness.latest && witness.latest.checkpointId !== latestCheckpoint?.checkpointId) writeCheckpoint('newest witnessed checkpoint', witness.latest);
  process.stdout.write(result.valid ? 'audit: VALID\n' : 'audit: BROKEN\n');
  return result.valid ? 0 : 1;
}

export async function checkpoint(context: CliContext): Promise<number> {
  const signed = await context.get(CommandBus).execute(new SignAuditCheckpoint());
  const { checkpointId, createdAt, streams, events, keyId } = signed.statement;
  process.stdout.write(`checkpoint ${checkpointId} of ${createdAt}: ${streams} streams, ${events} events, signed by key ${keyId}\n`);
  return 0;
}

export function exportOptions(args: readonly string[]): { organization: string; from: string; to: string; out: string | undefined } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { organization: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { organization, from, to, out } = values;
  if (!organization || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organization))
    throw new UsageError('--organization must be a UUID');
  if (!from || !isIsoDate(from) || !to || !isIsoDate(to)) throw new UsageError('--from and --to must be dates as YYYY-MM-DD');
  if (from > to) throw new UsageError('--from must not be after --to');
  return { organization, from, to, out };
}

export async function exportCommand(context: CliContext, args: readonly string[]): Promise<number> {
  const options = exportOptions(args);
  const exported = await context.get(QueryBus).execute(new ExportAuditTrail({ organizationId: options.organization, from: options.from, to: options.to }));
  if (options.out) await writeFile(options.out, exported.text);
  else process.stdout.write(exported.text);
  process.stderr.write(`export-audit: ${exported.events} events${options.out ? ` to ${options.out}` : ''}\n`);
  if (exported.unsigned > 0) {
    process.stderr.write(`export-audit: ${exported.unsigned} of them were recorded after the latest checkpoint; run checkpoint, then export again\n`);
  }
  return 0;
}
