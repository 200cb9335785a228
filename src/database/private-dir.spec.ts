import { chmod, lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePrivateDir } from './private-dir.js';

const rights = async (path: string) => (await lstat(path)).mode & 0o777;

describe('preparePrivateDir', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'disciplina-private-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates the folder and its missing parents for their owner only', async () => {
    const dir = join(parent, 'a', 'data');

    expect(await preparePrivateDir(dir)).toBe(0);

    expect(await rights(join(parent, 'a'))).toBe(0o700);
    expect(await rights(dir)).toBe(0o700);
  });

  it('takes group and other rights off a folder an earlier version left open, and keeps the owner rights', async () => {
    const dir = join(parent, 'data');
    await mkdir(join(dir, 'base'), { recursive: true });
    await writeFile(join(dir, 'PG_VERSION'), '17');
    await writeFile(join(dir, 'base', '1'), '');
    await writeFile(join(dir, 'key'), '', { mode: 0o600 });
    await chmod(dir, 0o755);
    await chmod(join(dir, 'base'), 0o775);
    await chmod(join(dir, 'PG_VERSION'), 0o666);
    await chmod(join(dir, 'base', '1'), 0o644);

    expect(await preparePrivateDir(dir)).toBe(4);

    expect(await rights(dir)).toBe(0o700);
    expect(await rights(join(dir, 'base'))).toBe(0o700);
    expect(await rights(join(dir, 'PG_VERSION'))).toBe(0o600);
    expect(await rights(join(dir, 'base', '1'))).toBe(0o600);
    expect(await rights(join(dir, 'key'))).toBe(0o600);
  });
});
