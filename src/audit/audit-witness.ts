import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { CheckpointSignature } from './checkpoint.js';

/** Each process appends to a file of its own (instances may share the folder, on storage where appends from several hosts would interleave). */
const WITNESS_FILE = /^checkpoints-.*\.jsonl$/;

export interface WitnessContents {
  /** Every file's checkpoints, oldest first by their signed time. */
  readonly checkpoints: readonly CheckpointSignature[];
  /** Lines that are not a checkpoint's JSON. */
  readonly unreadableLines: number;
}

/**
 * A copy of every signed checkpoint kept where the database cannot rewrite it: a folder the service only
 * appends to, one JSON line per checkpoint (its statement and signature) in a file per host, each flushed to
 * disk before the checkpoint is reported made. What `verify-audit` holds the store against when the store's own record
 * of its checkpoints has been rolled back.
 */
export class AuditWitness {
  readonly file: string;

  constructor(readonly directory: string) {
    this.file = join(directory, `checkpoints-${hostname()}.jsonl`);
  }

  async append({ statement, signature }: CheckpointSignature): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const handle = await open(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      await handle.write(`${JSON.stringify({ statement, signature })}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The file's entry in its folder reaches the disk too, the first time.
    const folder = await open(this.directory, constants.O_RDONLY);
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  async read(): Promise<WitnessContents> {
    let files: string[];
    try {
      files = (await readdir(this.directory)).filter((name) => WITNESS_FILE.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unreadableLines: 0 };
      throw error;
    }
    const checkpoints: CheckpointSignature[] = [];
    let unreadableLines = 0;
    for (const file of files) {
      const text = await readFile(join(this.directory, file), 'utf8');
      for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
        try {
          const parsed = JSON.parse(line) as Partial<CheckpointSignature>;
          if (typeof parsed.signature !== 'string' || typeof parsed.statement?.checkpointId !== 'string') throw new Error('not a checkpoint');
          checkpoints.push({ statement: parsed.statement, signature: parsed.signature });
        } catch {
          unreadableLines += 1;
        }
      }
    }
    checkpoints.sort((a, b) => (a.statement.createdAt < b.statement.createdAt ? -1 : a.statement.createdAt > b.statement.createdAt ? 1 : 0));
    return { checkpoints, unreadableLines };
  }
}
