import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StreamHead } from '../event-store/event-store.js';

/** What a checkpoint states and its signature covers: every stream's head at one moment. */
export interface CheckpointStatement {
  readonly checkpointId: string;
  readonly createdAt: string;
  readonly streams: number;
  readonly events: number;
  /** SHA-256 over the canonical JSON of the heads, sorted by stream id. */
  readonly headsDigest: string;
  readonly keyId: string;
}

export interface SignedCheckpoint {
  readonly statement: CheckpointStatement;
  readonly heads: readonly StreamHead[];
  /** Ed25519 over the canonical JSON of the statement, base64. */
  readonly signature: string;
}

function sortedHeads(heads: readonly StreamHead[]): StreamHead[] {
  return [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

export function headsDigest(heads: readonly StreamHead[]): string {
  return createHash('sha256')
    .update(canonicalize(sortedHeads(heads)) ?? '')
    .digest('hex');
}

export function signCheckpoint(
  fields: Omit<CheckpointStatement, 'headsDigest' | 'streams' | 'events'>,
  heads: readonly StreamHead[],
  privateKey: KeyObject,
): SignedCheckpoint {
  const sorted = sortedHeads(heads);
  const statement: CheckpointStatement = {
    ...fields,
    streams: sorted.length,
    events: sorted.reduce((sum, head) => sum + head.streamVersion, 0),
    headsDigest: headsDigest(sorted),
  };
  const signature = sign(null, Buffer.from(canonicalize(statement) ?? ''), privateKey).toString('base64');
  return { statement, heads: sorted, signature };
}

export type CheckpointCheck = { readonly valid: true } | { readonly valid: false; readonly reason: 'bad-signature' | 'unknown-key' | 'heads-digest-mismatch' };

/** The checkpoint is what the key's holder signed, and its heads are the ones it signed. */
export function checkCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject, keyId: string): CheckpointCheck {
  if (checkpoint.statement.keyId !== keyId) return { valid: false, reason: 'unknown-key' };
  const signed = verify(null, Buffer.from(canonicalize(checkpoint.statement) ?? ''), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  if (!signed) return { valid: false, reason: 'bad-signature' };
  if (headsDigest(checkpoint.heads) !== checkpoint.statement.headsDigest) return { valid: false, reason: 'heads-digest-mismatch' };
  return { valid: true };
}
