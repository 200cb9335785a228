import type { ExpectedVersion } from '../shared/stream-errors.js';

/** The port every event store adapter implements, and the records that cross it. */

export type { ExpectedVersion } from '../shared/stream-errors.js';

/** Set by the server from the request and the token, never by the client. */
export interface EventMetadata {
  readonly actor: string;
  readonly organizationId?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly ruleVersion?: string;
  readonly requestId?: string;
  readonly reason?: string;
}

export interface NewEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Valid time: when it happened in the world. Defaults to the time of recording. */
  readonly occurredAt?: Date;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly streamType: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly metadata: EventMetadata;
}

export interface AppendResult {
  /** The stream's version after the append: the version of its last event (the first event is 1). */
  readonly nextExpectedVersion: number;
  readonly lastGlobalPosition: number;
}

export interface RecordedEvent {
  readonly globalPosition: number;
  readonly transactionId: string;
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
  readonly previousHash: string | null;
  readonly hash: string;
}

/** Where a reader of all events stands: the pair it has read up to, in commit-safe order. */
export interface GlobalCheckpoint {
  readonly transactionId: string;
  readonly globalPosition: number;
}

/** The newest event of the store: where it stands in the order readers of all events follow, and when it was recorded. */
export interface StoreHead extends GlobalCheckpoint {
  readonly recordedAt: Date;
}

export const START_OF_ALL: GlobalCheckpoint = { transactionId: '0', globalPosition: 0 };

export interface ReadStreamOptions {
  readonly direction?: 'forward' | 'backward';
  /** Inclusive; forward defaults to 1, backward to the end. */
  readonly fromVersion?: number;
  readonly maxCount?: number;
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Pass back to continue; equal to the input when nothing new is safe to read yet. */
  readonly checkpoint: GlobalCheckpoint;
}

export type ChainVerification =
  | { readonly valid: true; readonly streamId: string; readonly length: number; readonly headHash: string | null }
  | {
      readonly valid: false;
      readonly streamId: string;
      readonly brokenAt: { readonly streamVersion: number; readonly eventId: string | null; readonly globalPosition: number | null };
      readonly reason: 'hash-mismatch' | 'previous-hash-mismatch' | 'version-gap';
    };

/** The last link of a stream's chain. */
export interface StreamHead {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly hash: string;
}

export interface AllChainsVerification {
  readonly valid: boolean;
  readonly streams: number;
  readonly events: number;
  /** The first broken link, in stream id order; null when every chain holds. */
  readonly firstBroken: Extract<ChainVerification, { valid: false }> | null;
}

/**
 * The event types whose data `streamsWith` searches: an index serves exactly these (migration
 * 1766200000000), so that a search costs what it finds, not the size of the store.
 */
export const SEARCHABLE_EVENT_TYPES = ['DisciplineCaseOpened', 'MemberAddedToPlanning', 'OrganizationFounded', 'PlanningListApproved'] as const;
export type SearchableEventType = (typeof SEARCHABLE_EVENT_TYPES)[number];

export interface Subscription {
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  readonly from: GlobalCheckpoint;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** Called once per batch, in order; the next batch waits until it resolves. */
  readonly onEvents: (events: readonly RecordedEvent[], checkpoint: GlobalCheckpoint) => Promise<void>;
  /** Called when reading or delivering fails, once per run of failures: it retries with backoff from its checkpoint. */
  readonly onError?: (error: unknown) => void;
}

export abstract class EventStore {
  abstract append(request: AppendRequest): Promise<AppendResult>;
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The stream's current version, 0 when it does not exist. */
  abstract streamVersion(streamId: string): Promise<number>;
  /** The streams that hold an event of this type whose data contains `contains` (a member's cases, a member's planning lists). */
  abstract streamsWith(eventType: SearchableEventType, contains: Readonly<Record<string, unknown>>): Promise<string[]>;
  abstract readAll(from: GlobalCheckpoint, maxCount: number): Promise<ReadAllResult>;
  /** The events at these global positions, in commit order; a position that holds no event is skipped. */
  abstract readPositions(globalPositions: readonly number[]): Promise<RecordedEvent[]>;
  /** The last event committed, in the order readers of all events follow; null while the store is empty. */
  abstract head(): Promise<StoreHead | null>;
  abstract subscribeToAll(options: SubscribeOptions): Subscription;
  abstract verifyStream(streamId: string): Promise<ChainVerification>;
  abstract verifyAll(): Promise<AllChainsVerification>;
  abstract streamHeads(): Promise<StreamHead[]>;
  /** The hash stored at each given stream and version; a link that no longer exists is absent. */
  abstract hashesAt(links: readonly Omit<StreamHead, 'hash'>[]): Promise<StreamHead[]>;
}
