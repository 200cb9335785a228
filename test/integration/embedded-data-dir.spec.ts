import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ISOLATED_SETUP_MS } from '../support/databases.js';
import { createTestApp } from '../support/test-app.js';

/** Every entry under `dir` (itself included), with its permission bits. */
async function modes(dir: string, root = dir): Promise<Map<string, number>> {
  const found = new Map([[relative(root, dir) || '.', (await lstat(dir)).mode & 0o777]]);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [name, mode] of await modes(path, root)) found.set(name, mode);
    else found.set(relative(root, path), (await lstat(path)).mode & 0o777);
  }
  return found;
}

describe('the embedded data folder', () => {
  let parent: string;
  let app: NestExpressApplication | undefined;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'disciplina-rights-'));
  });
  afterAll(async () => {
    await app?.close();
    await rm(parent, { recursive: true, force: true });
  });

  it(
    'gives group and others no rights on the folder or anything in it after a first start',
    async () => {
      const dataDir = join(parent, 'data');
      app = await createTestApp('', { DATA_DIR: dataDir, JWT_SECRET: '' });

      const found = await modes(dataDir);

      expect([...found.keys()]).toEqual(
        expect.arrayContaining(['.', 'PG_VERSION', 'base', 'disciplina.pid', 'audit-signing-key.pem', 'personal-data-key', 'jwt-secret']),
      );
      const open = [...found].filter(([, mode]) => mode & 0o077).map(([name, mode]) => `${name} ${mode.toString(8)}`);
      expect(open).toEqual([]);
    },
    ISOLATED_SETUP_MS,
  );
});
