import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The keys' file names in DATA_DIR (the embedded default) and in a folder that `keys generate` fills. */
export const KEY_FILE_NAMES = {
  JWT_SECRET_FILE: 'jwt-secret',
  AUDIT_SIGNING_KEY_FILE: 'audit-signing-key.pem',
  PERSONAL_DATA_KEY_FILE: 'personal-data-key',
} as const;

/** Writes a new key file, for its owner only; never replaces one. */
export async function writeKeyFile(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, content, { mode: 0o600, flag: 'wx' });
}

/**
 * Reads a key kept outside the database. When it is missing and `create` is given (the embedded default
 * makes its own keys), writes a new one there first.
 */
export async function readKeyFile(file: string, create?: () => string | Buffer): Promise<{ content: Buffer; created: boolean }> {
  try {
    return { content: await readFile(file), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw error;
  }
  const content = Buffer.from(create());
  await writeKeyFile(file, content);
  return { content, created: true };
}
