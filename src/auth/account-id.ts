import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1c2a4e8b3d4f0a9c5e7b1d2f3a4c5e', 'hex');

/**
 * An account's id, derived from its username (a name-based UUID, RFC 9562 version 5): the username is the
 * account's unique key, and deriving the id from it makes the event store's "stream must not exist" check
 * the one guard against two accounts of one name, even when two administrators create it at once.
 */
export function accountIdOf(username: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(username, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
