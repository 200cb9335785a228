import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { EmbeddedSocketServer } from './embedded-socket-server.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL that plain `pg` and TypeORM connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, persisted in `dataDir` (in memory without one), served on a
 * loopback TCP port so that the same `pg` code path serves it and a real server.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const lock = dataDir ? await lockDataDir(dataDir) : undefined;
  let db: PGlite;
  let server: EmbeddedSocketServer;
  let address: string;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
    server = new EmbeddedSocketServer(db);
    address = await server.listen('127.0.0.1', 0);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.close();
      await db.close();
      await lock?.release();
    },
  };
}
