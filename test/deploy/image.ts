import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The instructions of the Dockerfile's final stage (the image that runs), continuation lines joined. */
function finalStage(): string[] {
  const lines = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const from = lines.findLastIndex((line) => /^FROM\s/i.test(line));
  if (from < 0) throw new Error('deploy/Dockerfile has no FROM');
  return lines.slice(from + 1);
}

function instructions(name: string): string[] {
  return finalStage()
    .filter((line) => line.toUpperCase().startsWith(`${name} `))
    .map((line) => line.slice(name.length + 1).trim());
}

/** The image's environment: its ENV lines, in the `KEY=value KEY=value` form. */
export function imageEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of instructions('ENV')) {
    for (const pair of line.split(/\s+/)) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(pair);
      if (!match) throw new Error(`deploy/Dockerfile: ENV ${line} is not in the KEY=value form`);
      env[match[1]!] = match[2]!;
    }
  }
  return env;
}

/** The image's start command: its last CMD, in the exec (JSON) form. */
export function startCommand(): string[] {
  const cmd = instructions('CMD').at(-1);
  if (!cmd) throw new Error('deploy/Dockerfile has no CMD');
  const command = JSON.parse(cmd) as unknown;
  if (!Array.isArray(command) || !command.every((part) => typeof part === 'string')) throw new Error(`deploy/Dockerfile: CMD ${cmd} is not in the exec form`);
  return command;
}
