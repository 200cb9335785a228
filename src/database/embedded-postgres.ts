import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL that plain `pg` and TypeORM connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, persisted in `dataDir` (in memory without one), served on a
 * loopback TCP port so that the same `pg` code path serves it and a real server. It runs one query at a
 * time; the socket server keeps each open transaction on its own connection.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const lock = dataDir ? await lockDataDir(dataDir) : undefined;
  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
    await server.start();
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      await lock?.release();
    },
  };
}
