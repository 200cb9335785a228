import { generateKeyPairSync } from 'node:crypto';
import { checkCheckpoint, signCheckpoint } from './checkpoint.js';
import { signingKeyFrom } from './signing-key.js';

const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const heads = [
  { streamId: 'member-b', streamVersion: 3, hash: 'b'.repeat(64) },
  { streamId: 'inspection-a', streamVersion: 7, hash: 'a'.repeat(64) },
];
const signed = signCheckpoint({ checkpointId: 'c1', createdAt: '2026-11-28T10:00:00.000Z', keyId: key.keyId }, heads, key.privateKey);

describe('signed audit checkpoints (tamper evidence beyond the hash chain)', () => {
  it('states the heads sorted by stream, their count and the events they cover', () => {
    expect(signed.heads.map((h) => h.streamId)).toEqual(['inspection-a', 'member-b']);
    expect(signed.statement).toMatchObject({ streams: 2, events: 10, keyId: key.keyId });
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
    const resigned = signCheckpoint({ ...signed.statement, keyId: key.keyId }, heads.slice(0, 1), other.privateKey);
    expect(checkCheckpoint(resigned, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'bad-signature' });
    const ownKeyId = signCheckpoint({ ...signed.statement, keyId: other.keyId }, heads, other.privateKey);
    expect(checkCheckpoint(ownKeyId, key.publicKey, key.keyId)).toEqual({ valid: false, reason: 'unknown-key' });
  });
});
