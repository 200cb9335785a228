import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node.js script in a process of its own; an unset variable in `env` is left out of its environment. */
export function runNode(args: readonly string[], env: Record<string, string | undefined> = {}, timeoutMs?: number): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args], { env: { ...process.env, ...env }, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The CLI as `npm run cli` runs it: compiled by SWC as `build:server` does, into a folder of the test
 * file's own under dist/ (test files compile at the same time), and run in a process of its own (its exit
 * code and output are the contract).
 */
export function compiledCli(folder: string) {
  const out = join(root, 'dist', folder);
  return {
    compile(): void {
      execFileSync(join(root, 'node_modules', '.bin', 'swc'), ['src', '-d', out, '--copy-files', '--quiet', '--ignore', 'src/admin-ui/**'], { cwd: root });
    },
    run(args: readonly string[], env: Record<string, string | undefined>, timeoutMs?: number): Promise<Exit> {
      return runNode([join(out, 'src', 'cli', 'main.js'), ...args], env, timeoutMs);
    },
    /** Started without waiting, for a test that kills it. */
    start(args: readonly string[], env: Record<string, string | undefined>): ChildProcess {
      return spawn(process.execPath, [join(out, 'src', 'cli', 'main.js'), ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
    },
    remove(): void {
      rmSync(out, { recursive: true, force: true });
    },
  };
}
