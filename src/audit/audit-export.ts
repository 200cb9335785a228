import type pg from 'pg';
import type { ReadScope } from '../database/organization-scope.js';
import { auditEventsThrough } from './audit-events.js';
import type { AuditService } from './audit.service.js';
import type { SigningKey } from './signing-key.js';

export interface AuditExportRequest {
  readonly organizationId: string;
  readonly from: string;
  readonly to: string;
}

export interface AuditExport {
  /** JSON lines: each event, then one line with the latest checkpoint and the public key. */
  readonly text: string;
  readonly events: number;
  /** Events recorded after the latest checkpoint: the offline verifier cannot reach a signed link for them. */
  readonly unsigned: number;
}

/**
 * Each event of the period (and the later events of its streams up to the signed head, marked
 * `inPeriod: false`, so each chain reaches a signed link), then the checkpoint line. What
 * `src/audit/offline/verify-export.mjs` verifies.
 */
export async function exportAudit(pool: pg.Pool, scope: ReadScope, audit: AuditService, key: SigningKey, request: AuditExportRequest): Promise<AuditExport> {
  const latest = await audit.latestCheckpoint();
  const signedVersion = new Map((latest?.heads ?? []).map((head) => [head.streamId, head.streamVersion]));
  const events = await auditEventsThrough(pool, scope, request, (streamId) => signedVersion.get(streamId) ?? 0);
  const lines = [
    ...events.map((event) => JSON.stringify({ kind: 'event', ...event })),
    JSON.stringify({ kind: 'checkpoint', checkpoint: latest, keyId: key.keyId, publicKeyPem: key.publicKeyPem }),
  ];
  const unsigned = events.filter((event) => event.streamVersion > (signedVersion.get(event.streamId) ?? 0)).length;
  return { text: `${lines.join('\n')}\n`, events: events.length, unsigned };
}
