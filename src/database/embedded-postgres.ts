import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { EmbeddedSocketServer } from './embedded-socket-server.js';
import { OwnerOnlyNodeFS } from './owner-only-node-fs.js';
import { preparePrivateDir } from './private-dir.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL that plain `pg` and TypeORM connect to, with the password of this start. */
  readonly url: string;
  /** How many entries of the data folder were open to group or others, and are no longer. */
  readonly tightenedEntries: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** How long a client may leave a transaction open without a word before it is rolled back and dropped. */
  readonly idleInTransactionTimeoutMs?: number;
  readonly authenticationTimeoutMs?: number;
}

/**
 * PostgreSQL compiled to WebAssembly, persisted in `dataDir` (in memory without one, private to its owner
 * with one), served on a loopback TCP port so that the same `pg` code path serves it and a real server.
 * Any local process can reach that port: a password made for each start, known only to this process,
 * keeps them out.
 */
export async function startEmbeddedPostgres(dataDir?: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const tightenedEntries = dataDir ? await preparePrivateDir(dataDir) : 0;
  const lock = dataDir ? await lockDataDir(dataDir) : undefined;
  const password = randomBytes(24).toString('base64url');
  let db: PGlite;
  let server: EmbeddedSocketServer;
  let address: string;
  try {
    db = await PGlite.create(dataDir ? { fs: new OwnerOnlyNodeFS(dataDir) } : {});
    server = new EmbeddedSocketServer(db, {
      password,
      idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 60_000,
      authenticationTimeoutMs: options.authenticationTimeoutMs ?? 60_000,
    });
    address = await server.listen('127.0.0.1', 0);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@${address}/postgres`,
    tightenedEntries,
    async stop() {
      await server.close();
      await db.close();
      await lock?.release();
    },
  };
}
