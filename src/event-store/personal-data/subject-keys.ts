import type { Pool } from 'pg';
import { dataKey, isSealed, newDataKey, open, seal, type DataKey, type SealedValue } from './sealed-value.js';

export class ForeignMasterKeyError extends Error {
  constructor(subjectId: string, sealedWith: string, held: string) {
    super(`The key of subject ${subjectId} is sealed with master key ${sealedWith}; PERSONAL_DATA_KEY_FILE holds ${held}`);
    this.name = 'ForeignMasterKeyError';
  }
}

function context(subjectId: string): string {
  return `subject-key:${subjectId}`;
}

/**
 * One random data key per data subject, stored sealed by the master key. A key is added once and never
 * changed; destroying it (crypto-shredding) leaves every value sealed with it unreadable for good.
 */
export class SubjectKeys {
  constructor(
    private readonly pool: Pool,
    private readonly master: DataKey,
  ) {}

  /** The subjects' keys, created for those without one (a key created meanwhile by another writer wins). */
  async obtain(subjectIds: readonly string[]): Promise<Map<string, DataKey>> {
    if (subjectIds.length === 0) return new Map();
    const fresh = subjectIds.map((subjectId) => ({ subjectId, key: newDataKey() }));
    await this.pool.query(
      `INSERT INTO personal_data_keys (subject_id, key_id, sealed_key)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[]) ON CONFLICT (subject_id) DO NOTHING`,
      [
        fresh.map((f) => f.subjectId),
        fresh.map((f) => f.key.keyId),
        fresh.map((f) => JSON.stringify(seal(this.master, context(f.subjectId), f.key.key.toString('base64')))),
      ],
    );
    return this.find(subjectIds);
  }

  /** The keys that exist of these subjects; an erased subject has none. */
  async find(subjectIds: readonly string[]): Promise<Map<string, DataKey>> {
    if (subjectIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ subject_id: string; key_id: string; sealed_key: SealedValue }>(
      'SELECT subject_id, key_id, sealed_key FROM personal_data_keys WHERE subject_id = ANY($1::text[])',
      [subjectIds],
    );
    return new Map(rows.map((row) => [row.subject_id, this.unseal(row.subject_id, row.key_id, row.sealed_key)]));
  }

  async destroy(subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    await this.pool.query('DELETE FROM personal_data_keys WHERE subject_id = ANY($1::text[])', [subjectIds]);
  }

  private unseal(subjectId: string, keyId: string, sealed: unknown): DataKey {
    if (!isSealed(sealed)) throw new Error(`The stored key of subject ${subjectId} is not a sealed value`);
    if (sealed.keyId !== this.master.keyId) throw new ForeignMasterKeyError(subjectId, sealed.keyId, this.master.keyId);
    return dataKey(keyId, Buffer.from(open(this.master, context(subjectId), sealed) as string, 'base64'));
  }
}
