import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../platform/config/app-config.js';
import { readKeyFile } from '../platform/config/key-file.js';

/** A new secret for signing login tokens: text, so that JWT_SECRET may hold it too. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** JWT_SECRET (or JWT_SECRET_FILE's) when given; else, for the embedded default, a secret kept in the data folder. */
export async function tokenSecret(config: AppConfig): Promise<Uint8Array> {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const { content } = await readKeyFile(config.jwtSecretFile, config.createsMissingKeys ? newTokenSecret : undefined);
  return content;
}
