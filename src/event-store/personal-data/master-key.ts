import { createHash, randomBytes } from 'node:crypto';
import { readKeyFile } from '../../platform/config/key-file.js';
import { dataKey, type DataKey } from './sealed-value.js';

const KEY_BYTES = 32;

/** Its id is a digest of the key itself, so a subject key sealed under another master key is named as such. */
function masterKey(key: Buffer): DataKey {
  return dataKey(createHash('sha256').update('disciplina:personal-data-master-key\n').update(key).digest('hex').slice(0, 16), key);
}

/** A new master key, as its file holds it. */
export function newMasterKeyText(): string {
  return `${randomBytes(KEY_BYTES).toString('base64')}\n`;
}

/**
 * Reads the master key that seals every subject's key (32 random bytes, base64, in `file`); creates it there
 * first when it is missing and `createWhenMissing` (the embedded default). It lives outside the database on purpose.
 */
export async function loadMasterKey(file: string, { createWhenMissing }: { createWhenMissing: boolean }): Promise<{ key: DataKey; created: boolean }> {
  const { content, created } = await readKeyFile(file, createWhenMissing ? newMasterKeyText : undefined);
  const text = content.toString('utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== text) {
    throw new Error(`${file} must hold ${KEY_BYTES} bytes in base64 (the personal-data master key)`);
  }
  return { key: masterKey(key), created };
}
