import { createHash } from 'node:crypto';
import type { GlobalCheckpoint } from '../event-store/event-store.js';

/** Separates these hashes from the stream chains' and from any other SHA-256 use of the same bytes. */
const DOMAIN_TAG = 'disciplina:commit-order:v1';

/** What the commit order binds of each event: the order projections replay (transaction id, then position) and the link. */
export interface CommitOrderLink {
  readonly globalPosition: number;
  readonly transactionId: string;
  readonly hash: string;
}

/**
 * A running hash over every event in commit order, up to and including `through`: a changed transaction id
 * or position, an event removed or moved, changes it, though every stream's chain still holds.
 */
export interface CommitOrderDigest {
  readonly through: GlobalCheckpoint | null;
  readonly events: number;
  readonly digest: string;
}

export const EMPTY_COMMIT_ORDER: CommitOrderDigest = { through: null, events: 0, digest: '' };

export function extendCommitOrder(from: CommitOrderDigest, links: readonly CommitOrderLink[]): CommitOrderDigest {
  let { through, events, digest } = from;
  for (const link of links) {
    digest = createHash('sha256').update(`${DOMAIN_TAG}\n${digest}\n${link.globalPosition}\n${link.transactionId}\n${link.hash}`).digest('hex');
    through = { transactionId: link.transactionId, globalPosition: link.globalPosition };
    events += 1;
  }
  return { through, events, digest };
}
