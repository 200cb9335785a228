import { START_OF_ALL, type GlobalCheckpoint } from './event-store.js';

/**
 * A cursor (the feed's, the audit trail's) is the event store's commit-safe checkpoint (transaction id, global position), opaque to
 * consumers: base64url of `<transaction id>.<position>`.
 */
export function encodeCursor(checkpoint: GlobalCheckpoint): string {
  return Buffer.from(`${checkpoint.transactionId}.${checkpoint.globalPosition}`).toString('base64url');
}

const DECODED = /^(0|[1-9]\d{0,19})\.(0|[1-9]\d{0,15})$/;

/** The checkpoint a cursor stands for; undefined when it is not one this service wrote. Absent: the start. */
export function decodeCursor(cursor: string | undefined): GlobalCheckpoint | undefined {
  if (cursor === undefined) return START_OF_ALL;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  const match = DECODED.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) return undefined;
  const globalPosition = Number(match[2]);
  if (!Number.isSafeInteger(globalPosition) || BigInt(match[1]!) >= 2n ** 64n) return undefined;
  return { transactionId: match[1]!, globalPosition };
}

/** Commit order: by transaction id (xid8, compared as the unsigned integer it is), then position. */
export function compareCheckpoints(a: GlobalCheckpoint, b: GlobalCheckpoint): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return a.globalPosition - b.globalPosition;
}
