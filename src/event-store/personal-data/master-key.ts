import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { dataKey, type DataKey } from './sealed-value.js';

const KEY_BYTES = 32;

/** Its id is a digest of the key itself, so a subject key sealed under another master key is named as such. */
function masterKey(key: Buffer): DataKey {
  return dataKey(createHash('sha256').update('disciplina:personal-data-master-key\n').update(key).digest('hex').slice(0, 16), key);
}

/**
 * Reads the master key that seals every subject's key (32 random bytes, base64, in `file`), or creates it
 * there, readable by its owner only, on first start. It lives outside the database on purpose.
 */
export async function loadOrCreateMasterKey(file: string): Promise<{ key: DataKey; created: boolean }> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== text.trim()) {
      throw new Error(`${file} must hold ${KEY_BYTES} bytes in base64 (the personal-data master key)`);
    }
    return { key: masterKey(key), created: false };
  }
  const key = randomBytes(KEY_BYTES);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key: masterKey(key), created: true };
}
