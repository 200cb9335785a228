import type pg from 'pg';
import type { ReadScope } from '../database/organization-scope.js';
import { auditEventsThrough, type AuditEvent } from './audit-events.js';
import type { AuditService } from './audit.service.js';
import { headLeaf, signStatement, sortedHeads, type CheckpointSignature } from './checkpoint.js';
import { inclusionProof } from './merkle-tree.js';
import type { SigningKey } from './signing-key.js';

export interface AuditExportRequest {
  readonly organizationId: string;
  readonly from: string;
  readonly to: string;
}

/** A stream the export carries: the versions of its lines, and the proof that its signed head is in the checkpoint's tree. */
export interface ExportedStream {
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Null when the checkpoint signs no head of the stream (it began after the checkpoint). */
  readonly signedHead: { readonly streamVersion: number; readonly hash: string; readonly leafIndex: number; readonly inclusionProof: readonly string[] } | null;
}

/** What the export states it carries, signed with the checkpoint key: no stream outside it is named. */
export interface ExportManifest {
  readonly organizationId: string;
  readonly from: string;
  readonly to: string;
  readonly exportedAt: string;
  /** The checkpoint whose heads' Merkle root the inclusion proofs reach; null when none has been made. */
  readonly checkpointId: string | null;
  readonly keyId: string;
  readonly streams: readonly ExportedStream[];
}

export interface AuditExport {
  /** JSON lines: each event, then one line with the latest checkpoint's statement, the signed manifest and the public key. */
  readonly text: string;
  readonly events: number;
  /** Events recorded after the latest checkpoint: the offline verifier cannot reach a signed link for them. */
  readonly unsigned: number;
}

interface CheckpointHeads {
  readonly sorted: ReturnType<typeof sortedHeads>;
  readonly leaves: string[];
  readonly index: Map<string, number>;
}

function exportedStreams(events: readonly AuditEvent[], heads: CheckpointHeads): ExportedStream[] {
  const byStream = new Map<string, AuditEvent[]>();
  for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  return [...byStream.keys()].sort().map((streamId) => {
    const versions = byStream.get(streamId)!.map((event) => event.streamVersion);
    const index = heads.index.get(streamId);
    const head = index === undefined ? undefined : heads.sorted[index];
    return {
      streamId,
      fromVersion: Math.min(...versions),
      toVersion: Math.max(...versions),
      signedHead: head ? { streamVersion: head.streamVersion, hash: head.hash, leafIndex: index!, inclusionProof: inclusionProof(heads.leaves, index!) } : null,
    };
  });
}

/**
 * Each event of the period (and the later events of its streams up to the signed head, marked
 * `inPeriod: false`, so each chain reaches a signed link), then the trailer: the checkpoint's signed
 * statement (without its heads, which name every stream), and a signed manifest of the streams exported,
 * each with the inclusion proof of its signed head in the statement's Merkle root. What
 * `src/audit/offline/verify-export.mjs` verifies.
 */
export async function exportAudit(
  pool: pg.Pool,
  scope: ReadScope,
  audit: AuditService,
  key: SigningKey,
  request: AuditExportRequest,
  exportedAt: string,
): Promise<AuditExport> {
  const latest = await audit.latestCheckpoint();
  const sorted = sortedHeads(latest?.heads ?? []);
  const heads: CheckpointHeads = { sorted, leaves: sorted.map(headLeaf), index: new Map(sorted.map((head, index) => [head.streamId, index])) };
  const signedVersion = (streamId: string) => {
    const index = heads.index.get(streamId);
    return index === undefined ? 0 : sorted[index]!.streamVersion;
  };
  const events = await auditEventsThrough(pool, scope, request, signedVersion);
  const manifest: ExportManifest = {
    ...request,
    exportedAt,
    checkpointId: latest?.statement.checkpointId ?? null,
    keyId: key.keyId,
    streams: exportedStreams(events, heads),
  };
  const checkpoint: CheckpointSignature | null = latest && { statement: latest.statement, signature: latest.signature };
  const lines = [
    ...events.map((event) => JSON.stringify({ kind: 'event', ...event })),
    JSON.stringify({
      kind: 'checkpoint',
      checkpoint,
      manifest,
      manifestSignature: signStatement(manifest, key.privateKey),
      keyId: key.keyId,
      publicKeyPem: key.publicKeyPem,
    }),
  ];
  const unsigned = events.filter((event) => event.streamVersion > signedVersion(event.streamId)).length;
  return { text: `${lines.join('\n')}\n`, events: events.length, unsigned };
}
