import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('passwords are kept as memory-hard scrypt hashes', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hashPassword('mật khẩu đúng');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('mật khẩu đúng', stored)).toBe(true);
    expect(await verifyPassword('mật khẩu sai', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats the same text in another Unicode normal form as the same password', async () => {
    const composed = 'Đảng'.normalize('NFC');
    expect(await verifyPassword(composed.normalize('NFD'), await hashPassword(composed))).toBe(true);
  });

  it('refuses a stored value it does not recognise', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('generates long random passwords', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
