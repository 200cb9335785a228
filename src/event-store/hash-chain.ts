import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ChainVerification, EventMetadata } from './event-store.js';

/** Separates this chain's hashes from any other SHA-256 use of the same bytes. */
const DOMAIN_TAG = 'disciplina:event-chain:v1';

/** Exactly the fields a link's hash covers. */
export interface ChainedFields {
  readonly streamId: string;
  readonly streamType: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

/** SHA-256 over the domain tag, the RFC 8785 canonical JSON of the event and the previous link's hash. */
export function chainHash(event: ChainedFields, previousHash: string | null): string {
  const canonical = canonicalize({
    streamId: event.streamId,
    streamType: event.streamType,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  });
  return createHash('sha256')
    .update(DOMAIN_TAG)
    .update('\n')
    .update(canonical ?? '')
    .update('\n')
    .update(previousHash ?? '')
    .digest('hex');
}

export interface StoredLink extends ChainedFields {
  readonly globalPosition: number;
  readonly previousHash: string | null;
  readonly hash: string;
}

/** Recomputes every link of one stream, in version order, and names the first that does not hold. */
export function verifyChain(streamId: string, links: readonly StoredLink[]): ChainVerification {
  let previous: string | null = null;
  for (const [index, link] of links.entries()) {
    const brokenAt = { streamVersion: link.streamVersion, eventId: link.eventId, globalPosition: link.globalPosition };
    if (link.streamVersion !== index + 1) {
      const missing = { streamVersion: index + 1, eventId: null, globalPosition: null };
      return { valid: false, streamId, brokenAt: missing, reason: 'version-gap' };
    }
    if (link.previousHash !== previous) return { valid: false, streamId, brokenAt, reason: 'previous-hash-mismatch' };
    if (chainHash(link, previous) !== link.hash) return { valid: false, streamId, brokenAt, reason: 'hash-mismatch' };
    previous = link.hash;
  }
  return { valid: true, streamId, length: links.length, headHash: previous };
}
