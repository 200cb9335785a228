import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey } from './master-key.js';
import { isSealed, newDataKey, open, seal, UnreadableSealError, type SealedValue } from './sealed-value.js';

const subject = 'personal-data:7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function flipped(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = bytes[0]! ^ 0x01;
  return bytes.toString('base64');
}

describe('personal fields are sealed with AES-256-GCM under the subject’s key (Decree 13/2023/NĐ-CP)', () => {
  const key = newDataKey();

  it('opens what it sealed, for any JSON value', () => {
    for (const value of ['Nguyễn Văn An', '1990-05-12', { given: 'An' }, 42]) expect(open(key, subject, seal(key, subject, value))).toEqual(value);
  });

  it('stores no plaintext and never the same ciphertext twice', () => {
    const first = seal(key, subject, 'Nguyễn Văn An');
    const second = seal(key, subject, 'Nguyễn Văn An');
    expect(first).toEqual({ enc: 'aes-256-gcm', keyId: key.keyId, iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) });
    expect(JSON.stringify(first)).not.toContain('Nguy');
    expect(second.ct).not.toBe(first.ct);
    expect(isSealed(first)).toBe(true);
    expect(isSealed('Nguyễn Văn An')).toBe(false);
  });

  it('does not open with another key', () => {
    expect(() => open(newDataKey(), subject, seal(key, subject, 'Nguyễn Văn An'))).toThrow(UnreadableSealError);
  });

  it.each<[string, (sealed: SealedValue) => SealedValue]>([
    ['a changed ciphertext byte', (sealed) => ({ ...sealed, ct: flipped(sealed.ct) })],
    ['a changed tag', (sealed) => ({ ...sealed, tag: flipped(sealed.tag) })],
    ['a truncated tag', (sealed) => ({ ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 8).toString('base64') })],
    ['a changed nonce', (sealed) => ({ ...sealed, iv: flipped(sealed.iv) })],
  ])('detects %s', (_case, tamper) => {
    expect(() => open(key, subject, tamper(seal(key, subject, 'Nguyễn Văn An')))).toThrow(UnreadableSealError);
  });

  it('does not open a value copied to another subject', () => {
    expect(() => open(key, 'personal-data:another-member', seal(key, subject, 'Nguyễn Văn An'))).toThrow(UnreadableSealError);
  });
});

describe('the master key lives in a file outside the database', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'disciplina-master-key-'));

  it('is created on first start, readable by its owner only, and read back the same', async () => {
    const file = join(folder(), 'keys', 'personal-data-key');
    const created = await loadMasterKey(file, { createWhenMissing: true });
    expect(created.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const again = await loadMasterKey(file, { createWhenMissing: true });
    expect(again).toEqual({ key: created.key, created: false });
  });

  it('is not made where the instance must be given it (instances sharing a database)', async () => {
    const file = join(folder(), 'personal-data-key');
    await expect(loadMasterKey(file, { createWhenMissing: false })).rejects.toThrow(/ENOENT/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file that does not hold 32 bytes in base64', async () => {
    const file = join(folder(), 'personal-data-key');
    writeFileSync(file, 'c2hvcnQ=\n');
    await expect(loadMasterKey(file, { createWhenMissing: true })).rejects.toThrow(/must hold 32 bytes in base64/);
  });
});
