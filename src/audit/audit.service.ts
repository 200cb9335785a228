import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { Database } from '../database/database.js';
import { EventStore, type AllChainsVerification, type StreamHead } from '../event-store/event-store.js';
import { Clock, IdGenerator } from '../shared/clock.js';
import { AuditSigningKey } from './audit-signing-key.provider.js';
import { AuditWitness } from './audit-witness.js';
import {
  checkCheckpoint,
  checkSignature,
  signCheckpoint,
  type CheckpointCheck,
  type CheckpointSignature,
  type CheckpointStatement,
  type SignedCheckpoint,
} from './checkpoint.js';
import { EMPTY_COMMIT_ORDER, type CommitOrderDigest } from './commit-order.js';
import { commitOrdersAt, positionKey, readStoreSnapshot } from './store-snapshot.js';

export interface CommitOrderVerification {
  readonly valid: boolean;
  readonly signed: CommitOrderDigest;
  /** The same running hash over the store as it is now, up to the signed position. */
  readonly found: CommitOrderDigest;
}

export interface CheckpointVerification {
  readonly checkpointId: string;
  readonly createdAt: string;
  readonly signature: CheckpointCheck;
  /** Heads the checkpoint signed that the store no longer holds as signed: a truncated or rewritten tail. */
  readonly missingOrChanged: readonly (StreamHead & { readonly found: string | null })[];
  /** Null for a checkpoint signed before checkpoints bound the commit order. */
  readonly commitOrder: CommitOrderVerification | null;
}

export interface WitnessVerification {
  /** Checkpoints the witness holds, signed by the key. */
  readonly checkpoints: number;
  /** Lines that are not a checkpoint, or whose signature does not verify with the key. */
  readonly unreadableLines: number;
  /** Witnessed checkpoints the store no longer holds as signed: its tail rolled back (or its record of them rewritten). */
  readonly missingFromStore: readonly { readonly checkpointId: string; readonly createdAt: string }[];
  /** Witnessed checkpoints whose commit order the store no longer has: an event of it changed, moved or removed. */
  readonly commitOrderChanged: readonly { readonly checkpointId: string; readonly createdAt: string }[];
  /** The newest witnessed checkpoint, held against the store. */
  readonly latest: CheckpointVerification | null;
}

export interface AuditVerification {
  readonly valid: boolean;
  readonly chains: AllChainsVerification;
  readonly latestCheckpoint: CheckpointVerification | null;
  readonly witness: WitnessVerification;
}

type CheckpointVerdict = Omit<CheckpointVerification, 'missingOrChanged'> & { readonly missingOrChanged: number };

/** The verification as told to a caller granted part of the tree: the verdict and counts, naming no stream. */
export interface AuditVerdict {
  readonly valid: boolean;
  readonly chains: Omit<AllChainsVerification, 'firstBroken'>;
  readonly latestCheckpoint: CheckpointVerdict | null;
  readonly witness: Omit<WitnessVerification, 'latest'> & { readonly latest: CheckpointVerdict | null };
}

function counted(checkpoint: CheckpointVerification | null): CheckpointVerdict | null {
  return checkpoint && { ...checkpoint, missingOrChanged: checkpoint.missingOrChanged.length };
}

export function verdictOnly({ valid, chains, latestCheckpoint, witness }: AuditVerification): AuditVerdict {
  return {
    valid,
    chains: { valid: chains.valid, streams: chains.streams, events: chains.events },
    latestCheckpoint: counted(latestCheckpoint),
    witness: { ...witness, latest: counted(witness.latest) },
  };
}

function holds(checkpoint: CheckpointVerification | null): boolean {
  return !checkpoint || (checkpoint.signature.valid && checkpoint.missingOrChanged.length === 0 && (checkpoint.commitOrder?.valid ?? true));
}

function commitOrderCheck(statement: CheckpointStatement, orders: ReadonlyMap<string, CommitOrderDigest>): CommitOrderVerification | null {
  const signed = statement.commitOrder;
  if (!signed) return null;
  const found = signed.through ? orders.get(positionKey(signed.through)) : EMPTY_COMMIT_ORDER;
  if (!found) throw new Error(`the commit order at ${positionKey(signed.through!)} was not read`);
  return { valid: canonicalize(found) === canonicalize(signed), signed, found };
}

const sameSigned = (a: CheckpointSignature, b: CheckpointSignature) => a.signature === b.signature && canonicalize(a.statement) === canonicalize(b.statement);

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
    private readonly witness: AuditWitness,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Signs every stream's current head and the commit order, keeps the checkpoint beside the events, then
   * appends it to the witness (in that order: a witnessed checkpoint the store lacks is a rolled-back tail).
   */
  async createCheckpoint(): Promise<SignedCheckpoint> {
    return this.keep(await this.signSnapshot());
  }

  /** As `createCheckpoint`, unless the latest checkpoint already covers the store as it is (or the store is empty). */
  async createCheckpointIfChanged(): Promise<SignedCheckpoint | null> {
    const checkpoint = await this.signSnapshot();
    const latest = (await this.latestCheckpoint())?.statement;
    const { headsDigest, commitOrder, streams } = checkpoint.statement;
    const unchanged = latest ? latest.headsDigest === headsDigest && latest.commitOrder?.digest === commitOrder?.digest : streams === 0;
    return unchanged ? null : this.keep(checkpoint);
  }

  private async signSnapshot(): Promise<SignedCheckpoint> {
    const { heads, commitOrder } = await readStoreSnapshot(this.database.pool);
    const { key } = this.signingKey;
    return signCheckpoint({ checkpointId: this.ids.next(), createdAt: this.clock.now().toISOString(), keyId: key.keyId }, heads, commitOrder, key.privateKey);
  }

  private async keep(checkpoint: SignedCheckpoint): Promise<SignedCheckpoint> {
    await this.database.pool.query('INSERT INTO audit_checkpoints (checkpoint_id, created_at, statement, heads, signature) VALUES ($1, $2, $3, $4, $5)', [
      checkpoint.statement.checkpointId,
      checkpoint.statement.createdAt,
      checkpoint.statement,
      JSON.stringify(checkpoint.heads),
      checkpoint.signature,
    ]);
    await this.witness.append(checkpoint);
    return checkpoint;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | null> {
    const { rows } = await this.database.pool.query<CheckpointRow>(
      'SELECT statement, heads, signature FROM audit_checkpoints ORDER BY created_at DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }

  /**
   * Holds a signed statement against the store: its signature, its heads (when known), and its commit
   * order against `orders` (the store's, from `commitOrdersAt`).
   */
  private async verifyCheckpoint(
    checkpoint: CheckpointSignature & { readonly heads: readonly StreamHead[] | null },
    orders: ReadonlyMap<string, CommitOrderDigest>,
  ): Promise<CheckpointVerification> {
    const { key } = this.signingKey;
    const { statement, heads } = checkpoint;
    const signature = heads ? checkCheckpoint({ ...checkpoint, heads }, key.publicKey, key.keyId) : checkSignature(checkpoint, key.publicKey, key.keyId);
    const found = new Map((await this.store.hashesAt(heads ?? [])).map((h) => [`${h.streamVersion}:${h.streamId}`, h.hash]));
    const missingOrChanged = (heads ?? [])
      .map((head) => ({ ...head, found: found.get(`${head.streamVersion}:${head.streamId}`) ?? null }))
      .filter((head) => head.found !== head.hash);
    return {
      checkpointId: statement.checkpointId,
      createdAt: statement.createdAt,
      signature,
      missingOrChanged,
      commitOrder: commitOrderCheck(statement, orders),
    };
  }

  /**
   * Every checkpoint the witness holds must still be in the store as signed, with its commit order intact,
   * and the newest must hold against the store: a superuser who deletes the newest checkpoint and the events
   * after the one before leaves the store consistent with itself, not with its witness.
   */
  private async verifyWitness(
    witnessed: readonly CheckpointSignature[],
    stored: { readonly checkpoint: SignedCheckpoint; readonly verification: CheckpointVerification } | null,
    orders: ReadonlyMap<string, CommitOrderDigest>,
  ): Promise<Omit<WitnessVerification, 'unreadableLines'>> {
    const { rows } = await this.database.pool.query<CheckpointRow & { checkpoint_id: string }>(
      'SELECT checkpoint_id, statement, heads, signature FROM audit_checkpoints WHERE checkpoint_id = ANY($1::uuid[])',
      [witnessed.map((checkpoint) => checkpoint.statement.checkpointId)],
    );
    const inStore = new Map(rows.map((row) => [row.checkpoint_id, row]));
    const held = (checkpoint: CheckpointSignature) => {
      const row = inStore.get(checkpoint.statement.checkpointId);
      return row && sameSigned(row, checkpoint) ? row : undefined;
    };
    const named = ({ statement }: CheckpointSignature) => ({ checkpointId: statement.checkpointId, createdAt: statement.createdAt });
    const newest = witnessed.at(-1);
    let latest: CheckpointVerification | null = null;
    if (newest && stored && sameSigned(newest, stored.checkpoint)) latest = stored.verification;
    else if (newest) latest = await this.verifyCheckpoint({ ...newest, heads: held(newest)?.heads ?? null }, orders);
    return {
      checkpoints: witnessed.length,
      missingFromStore: witnessed.filter((checkpoint) => !held(checkpoint)).map(named),
      commitOrderChanged: witnessed.filter(({ statement }) => !(commitOrderCheck(statement, orders)?.valid ?? true)).map(named),
      latest,
    };
  }

  /** Recomputes every chain, then holds the store against the latest signed checkpoint and against the witness. */
  async verify(): Promise<AuditVerification> {
    const { key } = this.signingKey;
    const chains = await this.store.verifyAll();
    const stored = await this.latestCheckpoint();
    const contents = await this.witness.read();
    const witnessed = contents.checkpoints.filter((checkpoint) => checkSignature(checkpoint, key.publicKey, key.keyId).valid);
    const positions = [stored, ...witnessed].flatMap((checkpoint) =>
      checkpoint?.statement.commitOrder?.through ? [checkpoint.statement.commitOrder.through] : [],
    );
    const orders = await commitOrdersAt(this.database.pool, positions);
    const latestCheckpoint = stored ? await this.verifyCheckpoint(stored, orders) : null;
    const witness: WitnessVerification = {
      unreadableLines: contents.unreadableLines + contents.checkpoints.length - witnessed.length,
      ...(await this.verifyWitness(witnessed, stored && latestCheckpoint && { checkpoint: stored, verification: latestCheckpoint }, orders)),
    };
    const witnessHolds =
      witness.unreadableLines === 0 && witness.missingFromStore.length === 0 && witness.commitOrderChanged.length === 0 && holds(witness.latest);
    return { valid: chains.valid && holds(latestCheckpoint) && witnessHolds, chains, latestCheckpoint, witness };
  }
}
