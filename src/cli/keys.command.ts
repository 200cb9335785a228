import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newSigningKeyPem } from '../audit/signing-key.js';
import { newTokenSecret } from '../auth/token-secret.js';
import { newMasterKeyText } from '../event-store/personal-data/master-key.js';
import { KEY_FILE_NAMES, writeKeyFile } from '../platform/config/key-file.js';
import { UsageError } from './usage-error.js';

export const KEYS_USAGE = `  keys generate --out <folder>
                     make, once, the three keys every instance on one DATABASE_URL shares (files for their owner
                     only) and print the variables that name them; never replaces a key`;

export class KeyExistsError extends Error {
  constructor(file: string) {
    super(`${file} already exists: keys generate never replaces a key (what was signed or sealed with it needs it)`);
  }
}

export function keysFolder(args: readonly string[]): string {
  const [action, option, folder, ...rest] = args;
  if (action !== 'generate' || option !== '--out' || !folder || rest.length > 0) throw new UsageError('expected: keys generate --out <folder>');
  return folder;
}

const MAKERS: Record<keyof typeof KEY_FILE_NAMES, () => string> = {
  JWT_SECRET_FILE: newTokenSecret,
  AUDIT_SIGNING_KEY_FILE: newSigningKeyPem,
  PERSONAL_DATA_KEY_FILE: newMasterKeyText,
};

/** Writes the shared keys into the folder; answers the variables that name them. */
export async function writeKeys(folder: string): Promise<Record<string, string>> {
  const keys = Object.entries(KEY_FILE_NAMES).map(([variable, name]) => ({
    variable,
    file: join(folder, name),
    make: MAKERS[variable as keyof typeof KEY_FILE_NAMES],
  }));
  const existing = keys.find(({ file }) => existsSync(file));
  if (existing) throw new KeyExistsError(existing.file);
  for (const { file, make } of keys) await writeKeyFile(file, make());
  return Object.fromEntries(keys.map(({ variable, file }) => [variable, file]));
}

/** Writes the shared keys into the folder and prints, one a line, the variables that name them. */
export async function generateKeys(args: readonly string[]): Promise<void> {
  const variables = await writeKeys(resolve(keysFolder(args)));
  for (const [variable, file] of Object.entries(variables)) process.stdout.write(`${variable}=${file}\n`);
}
