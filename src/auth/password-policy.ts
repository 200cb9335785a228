import { InvalidInputError } from '../shared/domain/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * What a password must be (OWASP ASVS 5.0 V6.2, NIST SP 800-63B 3.1.1.2): at least `minLength` characters,
 * none of the commonest passwords, not the username. No rule on character classes; the longest accepted is
 * generous so that passphrases fit.
 */
export function requireAcceptablePassword(field: string, password: string, context: { readonly minLength: number; readonly username: string }): void {
  const length = [...password.normalize('NFC')].length;
  if (length < context.minLength) {
    throw new InvalidInputError(field, 'min-length', { minLength: context.minLength, length });
  }
  if (length > MAX_LENGTH) throw new InvalidInputError(field, 'max-length', { maxLength: MAX_LENGTH });
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) throw new InvalidInputError(field, 'not-common');
  if (folded === context.username.toLowerCase()) throw new InvalidInputError(field, 'not-username');
}

const MAX_LENGTH = 200;
