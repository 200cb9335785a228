import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StreamHead } from '../event-store/event-store.js';
import type { CommitOrderDigest } from './commit-order.js';
import { merkleRoot } from './merkle-tree.js';

/** What a checkpoint states and its signature covers: every stream's head, and the commit order, at one moment. */
export interface CheckpointStatement {
  readonly checkpointId: string;
  readonly createdAt: string;
  readonly streams: number;
  readonly events: number;
  /** SHA-256 over the canonical JSON of the heads, sorted by stream id. */
  readonly headsDigest: string;
  /** RFC 9162 Merkle tree hash over the heads sorted by stream id (leaf: `headLeaf`): an export proves its own heads against it. Absent in checkpoints signed before it was added. */
  readonly headsRoot?: string;
  /** The running hash over the events in commit order, up to the commit-safe horizon of the moment. Absent in checkpoints signed before it was added. */
  readonly commitOrder?: CommitOrderDigest;
  readonly keyId: string;
}

export interface SignedCheckpoint {
  readonly statement: CheckpointStatement;
  readonly heads: readonly StreamHead[];
  /** Ed25519 over the canonical JSON of the statement, base64. */
  readonly signature: string;
}

/** A checkpoint as the witness keeps it: what was signed, without the heads (they name every stream). */
export type CheckpointSignature = Pick<SignedCheckpoint, 'statement' | 'signature'>;

export function sortedHeads(heads: readonly StreamHead[]): StreamHead[] {
  return [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

export function headsDigest(heads: readonly StreamHead[]): string {
  return createHash('sha256')
    .update(canonicalize(sortedHeads(heads)) ?? '')
    .digest('hex');
}

/** A head as a leaf of the heads' Merkle tree: the canonical JSON of exactly these three fields. */
export function headLeaf(head: StreamHead): string {
  return canonicalize({ streamId: head.streamId, streamVersion: head.streamVersion, hash: head.hash }) ?? '';
}

export function headsRoot(heads: readonly StreamHead[]): string {
  return merkleRoot(sortedHeads(heads).map(headLeaf));
}

export function signStatement(statement: object, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalize(statement) ?? ''), privateKey).toString('base64');
}

export function signCheckpoint(
  fields: Pick<CheckpointStatement, 'checkpointId' | 'createdAt' | 'keyId'>,
  heads: readonly StreamHead[],
  commitOrder: CommitOrderDigest,
  privateKey: KeyObject,
): SignedCheckpoint {
  const sorted = sortedHeads(heads);
  const statement: CheckpointStatement = {
    ...fields,
    streams: sorted.length,
    events: sorted.reduce((sum, head) => sum + head.streamVersion, 0),
    headsDigest: headsDigest(sorted),
    headsRoot: headsRoot(sorted),
    commitOrder,
  };
  return { statement, heads: sorted, signature: signStatement(statement, privateKey) };
}

export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: 'bad-signature' | 'unknown-key' };

export type CheckpointCheck = SignatureCheck | { readonly valid: false; readonly reason: 'heads-digest-mismatch' };

/** The statement is what the key's holder signed. */
export function checkSignature({ statement, signature }: CheckpointSignature, publicKey: KeyObject, keyId: string): SignatureCheck {
  if (statement.keyId !== keyId) return { valid: false, reason: 'unknown-key' };
  const signed = verify(null, Buffer.from(canonicalize(statement) ?? ''), publicKey, Buffer.from(signature, 'base64'));
  return signed ? { valid: true } : { valid: false, reason: 'bad-signature' };
}

/** The checkpoint is what the key's holder signed, and its heads are the ones it signed. */
export function checkCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject, keyId: string): CheckpointCheck {
  const signature = checkSignature(checkpoint, publicKey, keyId);
  if (!signature.valid) return signature;
  const { statement, heads } = checkpoint;
  if (headsDigest(heads) !== statement.headsDigest || (statement.headsRoot !== undefined && headsRoot(heads) !== statement.headsRoot)) {
    return { valid: false, reason: 'heads-digest-mismatch' };
  }
  return { valid: true };
}
