import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { contractFiles } from './documents.js';

export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/** Writes the generated contract into `folder` and removes what it no longer contains; answers the paths written. */
export async function writeContract(folder: string): Promise<string[]> {
  const files = contractFiles();
  for (const stale of (await filesUnder(folder)).filter((path) => !files.has(path))) await rm(join(folder, stale));
  for (const [path, text] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return [...files.keys()];
}
