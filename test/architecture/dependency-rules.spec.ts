import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** `npm run lint`'s dependency rules, run on a small tree of its own: the exit code and the rules it names. */
async function cruise(files: Readonly<Record<string, string>>): Promise<{ code: number; output: string }> {
  const tree = await mkdtemp(join(tmpdir(), 'dependency-rules-'));
  try {
    await symlink(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    await writeFile(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(tree, path)), { recursive: true });
      await writeFile(join(tree, path), text);
    }
    const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
    return await new Promise((done) => {
      execFile(
        process.execPath,
        [bin, 'src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'],
        { cwd: tree },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

const cleanTree = {
  'src/shared/domain/vocabulary.ts': 'export type Id = string;\n',
  'src/organizations/domain/organization.ts': "import type { Id } from '../../shared/domain/vocabulary.js';\nexport const found = (id: Id) => ({ id });\n",
  'src/organizations/organizations.module.ts':
    "import { Module } from '@nestjs/common';\nimport { found } from './domain/organization.js';\n@Module({})\nexport class OrganizationsModule { f = found; }\n",
};

// dependency-cruiser runs on Node.js 22 or later; the project asks for 24 (package.json engines).
const cruiserRuns = Number(process.versions.node.split('.')[0]) >= 22;
if (!cruiserRuns) console.warn(`Module boundary tests skipped: dependency-cruiser needs Node.js 22 or later, this is ${process.version}`);

(cruiserRuns ? describe : describe.skip)('module boundaries (npm run lint)', () => {
  test('a tree that keeps the rules passes', async () => {
    expect(await cruise(cleanTree)).toMatchObject({ code: 0 });
  });

  test('a domain file importing @nestjs/common fails: domain-is-pure', async () => {
    const result = await cruise({
      ...cleanTree,
      'src/organizations/domain/organization.ts': "import { Injectable } from '@nestjs/common';\nexport const found = Injectable;\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('domain-is-pure');
  });

  test('two modules importing each other fail: no-module-cycles', async () => {
    const result = await cruise({
      ...cleanTree,
      'src/inspections/inspection.resource.ts': "import { member } from '../discipline/case.resource.js';\nexport const inspection = () => member;\n",
      'src/discipline/case.resource.ts': "import { inspection } from '../inspections/inspection.resource.js';\nexport const member = () => inspection;\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-module-cycles');
  });

  test('platform importing the database fails: platform-points-down', async () => {
    const result = await cruise({
      ...cleanTree,
      'src/database/database.ts': 'export class Database {}\n',
      'src/platform/health.ts': "import { Database } from '../database/database.js';\nexport const probe = Database;\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('platform-points-down');
  });

  test('src importing from test/ fails: src-does-not-import-tests', async () => {
    const result = await cruise({
      ...cleanTree,
      'test/support/helper.ts': 'export const help = 1;\n',
      'src/shared/uses-test.ts': "import { help } from '../../test/support/helper.js';\nexport const h = help;\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src-does-not-import-tests');
  });
});
