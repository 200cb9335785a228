import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** PGlite opens a data folder a second time without complaint, and two writers corrupt it: we refuse. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (is the service running on it?). ` +
        'It can be opened by one process at a time: stop that process and try again, or set DATABASE_URL to a ' +
        `PostgreSQL server that both can share. If no such process runs, delete ${lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process with a pid file. A file left by a process that is gone is taken
 * over; so is one naming our own pid that this process does not hold (a restarted container's pid 1).
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  const lockFile = join(dataDir, 'disciplina.pid');
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockFile);
      return {
        async release() {
          heldHere.delete(lockFile);
          await rm(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      const ours = pid === process.pid && !heldHere.has(lockFile);
      if (Number.isInteger(pid) && pid > 0 && !ours && (pid === process.pid || isAlive(pid))) throw new DataDirInUseError(dataDir, pid, lockFile);
      await rm(lockFile, { force: true });
    }
  }
}
