import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readKeyFile } from '../platform/config/key-file.js';

/** The Ed25519 key that signs audit checkpoints. It lives outside the database, so the database cannot forge it. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Short fingerprint of the public key, carried by every checkpoint it signs. */
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A new key, as PKCS#8 PEM. */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Reads the PKCS#8 PEM key at `file`; creates one there first when it is missing and `createWhenMissing` (the embedded default). */
export async function loadSigningKey(file: string, { createWhenMissing }: { createWhenMissing: boolean }): Promise<{ key: SigningKey; created: boolean }> {
  const { content, created } = await readKeyFile(file, createWhenMissing ? newSigningKeyPem : undefined);
  return { key: signingKeyFrom(createPrivateKey(content.toString('utf8'))), created };
}
