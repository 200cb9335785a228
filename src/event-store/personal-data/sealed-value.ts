import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';

export const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit AES key and the id that sealed values name it by. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/** A value as stored: the AES-256-GCM ciphertext of its JSON, with the id of the key that sealed it. */
export interface SealedValue {
  readonly enc: typeof CIPHER;
  readonly keyId: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

export class UnreadableSealError extends Error {
  constructor(keyId: string) {
    super(`A value sealed with key ${keyId} does not open: wrong key, or the stored value was changed`);
    this.name = 'UnreadableSealError';
  }
}

export function newDataKey(): DataKey {
  return { keyId: randomUUID(), key: randomBytes(KEY_BYTES) };
}

export function dataKey(keyId: string, key: Buffer): DataKey {
  if (key.length !== KEY_BYTES) throw new Error(`A data key is ${KEY_BYTES} bytes long (got ${key.length})`);
  return { keyId, key };
}

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const { enc, keyId, iv, ct, tag } = value as Record<string, unknown>;
  return enc === CIPHER && [keyId, iv, ct, tag].every((part) => typeof part === 'string');
}

/**
 * `context` is authenticated with the ciphertext (GCM additional data): a sealed value copied under
 * another context (another subject) does not open.
 */
export function seal(key: DataKey, context: string, value: unknown): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key.key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { enc: CIPHER, keyId: key.keyId, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function open(key: DataKey, context: string, sealed: SealedValue): unknown {
  try {
    const decipher = createDecipheriv(CIPHER, key.key, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from(context, 'utf8'))
      .setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new UnreadableSealError(sealed.keyId);
  }
}
