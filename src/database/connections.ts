import pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../platform/config/app-config.js';

/** Dead peers (a dropped network) are noticed on idle connections too, not only when a query is sent. */
const KEEPALIVE_AFTER_MS = 10_000;

function ignore(): void {}

/**
 * The one place pg connections are configured. The statement and idle-in-transaction timeouts are set by the
 * server for the session (the embedded database accepts and ignores them); the connect timeout also bounds
 * the wait for a connection from a full pool.
 */
function connectionOptions(url: string, timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectMs,
    // pg leaves a falsy value unset: 0 keeps the server's default (none).
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
  };
}

/**
 * Gives each connection a pool opens an 'error' listener of its own, for as long as it lives. A pool
 * listens only to its idle connections: one the server ends (a restart, `pg_terminate_backend`, a dropped
 * database) or the network drops while checked out, even in the instant between its handshake and its
 * handover to a caller who awaits it, would otherwise end the process with an unhandled 'error' event.
 * The failed query reports the loss, and the pool discards the connection when it is released.
 */
export const LISTEN_FOR_LOSS: Pick<pg.PoolConfig, 'onConnect'> = {
  onConnect: (client) => {
    client.on('error', ignore);
  },
};

/** A pool that outlives the loss of its connections, idle or checked out (for TypeORM: its `extra`). */
export function poolOptions(url: string, options: { readonly max: number; readonly timeouts?: DatabaseTimeouts }): pg.PoolConfig {
  return { ...connectionOptions(url, options.timeouts), ...LISTEN_FOR_LOSS, max: options.max };
}

/** A pool of `poolOptions`; an idle connection lost is discarded, and whoever needs the database next meets the outage. */
export function openPool(url: string, options: { readonly max: number; readonly timeouts?: DatabaseTimeouts }): pg.Pool {
  const pool = new pg.Pool(poolOptions(url, options));
  pool.on('error', ignore);
  return pool;
}

/** A connection of its own (not pooled), with a listener for its loss: by default its next query reports it. */
export function openClient(url: string, options: { readonly timeouts?: DatabaseTimeouts; readonly onError?: (error: Error) => void } = {}): pg.Client {
  const client = new pg.Client(connectionOptions(url, options.timeouts));
  client.on('error', options.onError ?? ignore);
  return client;
}
