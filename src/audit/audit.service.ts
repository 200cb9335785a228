import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { EventStore, type AllChainsVerification, type StreamHead } from '../event-store/event-store.js';
import { Clock, IdGenerator } from '../shared/clock.js';
import { checkCheckpoint, signCheckpoint, type CheckpointCheck, type SignedCheckpoint } from './checkpoint.js';
import { AuditSigningKey } from './audit-signing-key.provider.js';

export interface CheckpointVerification {
  readonly checkpointId: string;
  readonly createdAt: string;
  readonly signature: CheckpointCheck;
  /** Heads the checkpoint signed that the store no longer holds as signed: a truncated or rewritten tail. */
  readonly missingOrChanged: readonly (StreamHead & { readonly found: string | null })[];
}

export interface AuditVerification {
  readonly valid: boolean;
  readonly chains: AllChainsVerification;
  readonly latestCheckpoint: CheckpointVerification | null;
}

/** The verification as told to a caller granted part of the tree: the verdict and counts, naming no stream. */
export interface AuditVerdict {
  readonly valid: boolean;
  readonly chains: Omit<AllChainsVerification, 'firstBroken'>;
  readonly latestCheckpoint: (Omit<CheckpointVerification, 'missingOrChanged'> & { readonly missingOrChanged: number }) | null;
}

export function verdictOnly({ valid, chains, latestCheckpoint }: AuditVerification): AuditVerdict {
  return {
    valid,
    chains: { valid: chains.valid, streams: chains.streams, events: chains.events },
    latestCheckpoint: latestCheckpoint && { ...latestCheckpoint, missingOrChanged: latestCheckpoint.missingOrChanged.length },
  };
}

interface CheckpointRow {
  statement: SignedCheckpoint['statement'];
  heads: StreamHead[];
  signature: string;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly store: EventStore,
    private readonly database: Database,
    private readonly signingKey: AuditSigningKey,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Signs every stream's current head and keeps the checkpoint beside the events. */
  async createCheckpoint(): Promise<SignedCheckpoint> {
    const heads = await this.store.streamHeads();
    const checkpoint = signCheckpoint(
      { checkpointId: this.ids.next(), createdAt: this.clock.now().toISOString(), keyId: this.signingKey.key.keyId },
      heads,
      this.signingKey.key.privateKey,
    );
    await this.database.pool.query('INSERT INTO audit_checkpoints (checkpoint_id, created_at, statement, heads, signature) VALUES ($1, $2, $3, $4, $5)', [
      checkpoint.statement.checkpointId,
      checkpoint.statement.createdAt,
      checkpoint.statement,
      JSON.stringify(checkpoint.heads),
      checkpoint.signature,
    ]);
    return checkpoint;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | null> {
    const { rows } = await this.database.pool.query<CheckpointRow>(
      'SELECT statement, heads, signature FROM audit_checkpoints ORDER BY created_at DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }

  async verifyCheckpoint(checkpoint: SignedCheckpoint): Promise<CheckpointVerification> {
    const signature = checkCheckpoint(checkpoint, this.signingKey.key.publicKey, this.signingKey.key.keyId);
    const found = new Map((await this.store.hashesAt(checkpoint.heads)).map((h) => [`${h.streamVersion}:${h.streamId}`, h.hash]));
    const missingOrChanged = checkpoint.heads
      .map((head) => ({ ...head, found: found.get(`${head.streamVersion}:${head.streamId}`) ?? null }))
      .filter((head) => head.found !== head.hash);
    return { checkpointId: checkpoint.statement.checkpointId, createdAt: checkpoint.statement.createdAt, signature, missingOrChanged };
  }

  /** Recomputes every chain, then holds the store against the latest signed checkpoint. */
  async verify(): Promise<AuditVerification> {
    const chains = await this.store.verifyAll();
    const latest = await this.latestCheckpoint();
    const latestCheckpoint = latest ? await this.verifyCheckpoint(latest) : null;
    const checkpointHolds = !latestCheckpoint || (latestCheckpoint.signature.valid && latestCheckpoint.missingOrChanged.length === 0);
    return { valid: chains.valid && checkpointHolds, chains, latestCheckpoint };
  }
}
