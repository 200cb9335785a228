import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClient } from '../../src/database/connections.js';
import { writeKeys } from '../../src/cli/keys.command.js';

/** The administrator's password in every benchmark database: the service benchmark signs in with it. */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** The service's configuration for a benchmark: a scratch database of its own, removed by `drop`. */
export interface BenchDatabase {
  readonly description: string;
  readonly env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = openClient(url);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the server BENCH_DATABASE_URL names (with keys of its own, as every instance on a
 * DATABASE_URL is given), else the embedded database in a new data folder.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'disciplina-bench-'));
  const server = process.env.BENCH_DATABASE_URL;
  const base = { ...process.env, LOG_LEVEL: 'warn', ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, AUDIT_WITNESS_DIR: join(folder, 'witness') };
  if (!server) {
    return { description: 'the embedded database (PGlite)', env: { ...base, DATA_DIR: folder }, drop: () => rm(folder, { recursive: true, force: true }) };
  }
  const name = `disciplina_bench_${randomUUID().replaceAll('-', '')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const keys = await writeKeys(folder);
  return {
    description: `PostgreSQL (${url.host}, scratch database ${name})`,
    env: { ...base, ...keys, DATABASE_URL: url.toString(), DATA_DIR: folder },
    async drop() {
      await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
