import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { EmbeddedSocketServer } from './embedded-socket-server.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL that plain `pg` and TypeORM connect to, with the password of this start. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** How long a client may leave a transaction open without a word before it is rolled back and dropped. */
  readonly idleInTransactionTimeoutMs?: number;
  readonly authenticationTimeoutMs?: number;
}

/**
 * PostgreSQL compiled to WebAssembly, persisted in `dataDir` (in memory without one), served on a
 * loopback TCP port so that the same `pg` code path serves it and a real server. Any local process can
 * reach that port: a password made for each start, known only to this process, keeps them out.
 */
export async function startEmbeddedPostgres(dataDir?: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const lock = dataDir ? await lockDataDir(dataDir) : undefined;
  const password = randomBytes(24).toString('base64url');
  let db: PGlite;
  let server: EmbeddedSocketServer;
  let address: string;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
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
    async stop() {
      await server.close();
      await db.close();
      await lock?.release();
    },
  };
}
