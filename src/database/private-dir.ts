import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const GROUP_AND_OTHERS = 0o077;

async function tighten(path: string, root: string): Promise<number> {
  const stats = await lstat(path);
  if (stats.isSymbolicLink()) return 0;
  let tightened = 0;
  if (stats.mode & GROUP_AND_OTHERS) {
    try {
      await chmod(path, stats.mode & 0o700);
    } catch (error) {
      throw new Error(
        `${path} is open to group or others and its rights could not be taken back (${(error as NodeJS.ErrnoException).code}): run "chmod -R go-rwx ${root}" as its owner`,
        {
          cause: error,
        },
      );
    }
    tightened++;
  }
  if (stats.isDirectory()) for (const entry of await readdir(path)) tightened += await tighten(join(path, entry), root);
  return tightened;
}

/**
 * Makes `dir` (and any missing parent) for its owner only, and takes group and other rights off whatever
 * it already holds (a folder an earlier version left open). Returns how many entries were tightened.
 */
export async function preparePrivateDir(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return tighten(dir, dir);
}
