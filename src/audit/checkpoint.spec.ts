import { generateKeyPairSync } from 'node:crypto';
import { checkCheckpoint, headLeaf, signCheckpoint } from './checkpoint.js';
import { extendCommitOrder, EMPTY_COMMIT_ORDER } from './commit-order.js';
import { merkleRoot } from './merkle-tree.js';
import { signingKeyFrom } from './signing-key.js';

const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const heads = [
  { streamId: 'member-b', streamVersion: 3, hash: 'b'.repeat(64) },
  { streamId: 'inspection-a', streamVersion: 7, hash: 'a'.repeat(64) },
];
const commitOrder = extendCommitOrder(EMPTY_COMMIT_ORDER, [
  { globalPosition: 1, transactionId: '740', hash: 'a'.repeat(64) },
  { globalPosition: 2, transactionId: '741', hash: 'b'.repeat(64) },
]);
const signed = signCheckpoint({ checkpointId: 'c1', createdAt: '2026-11-28T10:00:00.000Z', keyId: key.keyId }, heads, commitOrder, key.privateKey);

describe('signed audit checkpoints (tamper evidence beyond the hash chain)', () => {
  it('states the heads sorted by stream, their count and the events they cover', () => {
    expect(signed.heads.map((h) => h.streamId)).toEqual(['inspection-a', 'member-b']);
    expect(signed.statement).toMatchObject({ streams: 2, events: 10, keyId: key.keyId });
  });

  it('signs the Merkle root of the sorted heads and the running hash of the commit order', () => {
    expect(signed.statement.headsRoot).toBe(merkleRoot(signed.heads.map(headLeaf)));
    expect(signed.statement.commitOrder).toEqual({
      through: { transactionId: '741', globalPosition: 2 },
      events: 2,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('binds the transaction ids: the same events under another commit order give another digest', () => {
    const moved = extendCommitOrder(EMPTY_COMMIT_ORDER, [
      { globalPosition: 1, transactionId: '742', hash: 'a'.repeat(64) },
      { globalPosition: 2, transactionId: '741', hash: 'b'.repeat(64) },
    ]);
    expect(moved.digest).not.toBe(commitOrder.digest);
    const forged = { ...signed, statement: { ...signed.statement, commitOrder: moved } };
    expect(checkCheckpoint(forged, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('verifies with the public key of the key that signed it', () => {
    expect(checkCheckpoint(signed, key.publicKey, key.keyId)).toEqual({ valid: true });
  });

  it('detects a statement changed after signing', () => {
    const forged = { ...signed, statement: { ...signed.statement, events: 9 } };
    expect(checkCheckpoint(forged, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('detects heads changed after signing (a tail truncated and the checkpoint edited to match)', () => {
    const forged = { ...signed, heads: [{ ...signed.heads[0]!, streamVersion: 6 }, signed.heads[1]!] };
    expect(checkCheckpoint(forged, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'heads-digest-mismatch' });
  });

  it('detects a checkpoint re-signed without the key (by another key)', () => {
    const other = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    const resigned = signCheckpoint({ ...signed.statement, keyId: key.keyId }, heads.slice(0, 1), commitOrder, other.privateKey);
    expect(checkCheckpoint(resigned, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'bad-signature' });
    const ownKeyId = signCheckpoint({ ...signed.statement, keyId: other.keyId }, heads, commitOrder, other.privateKey);
    expect(checkCheckpoint(ownKeyId, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'unknown-key' });
  });
});
