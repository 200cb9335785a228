import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { backendMessage, EmbeddedConnection } from './embedded-connection.js';
import { EmbeddedListeners, listenStatement } from './embedded-notifications.js';
import { ScramVerifier } from './scram-sha-256.js';

export interface EmbeddedSocketServerOptions {
  /** The password every client must prove it knows (SCRAM-SHA-256) before it reaches the database. */
  readonly password: string;
  /** A client that keeps a transaction open this long without a word is rolled back and disconnected. */
  readonly idleInTransactionTimeoutMs: number;
  /** A client that has not authenticated this long after connecting is disconnected. */
  readonly authenticationTimeoutMs: number;
}

/**
 * Serves one PGlite over TCP to many `pg` connections. PGlite is a single backend session, so the server
 * runs one connection's unit of messages at a time (Parse/Bind/Execute up to Sync never interleave with
 * another connection's), and an open transaction keeps the session for its connection until it ends, or
 * until that connection idles past the timeout: it would stall every other one.
 */
export class EmbeddedSocketServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private owner: EmbeddedConnection | undefined;
  private idleInTransaction: NodeJS.Timeout | undefined;
  private busy = false;
  private readonly waiters: { connection: EmbeddedConnection; resolve: () => void }[] = [];
  private readonly listeners = new EmbeddedListeners();

  constructor(
    private readonly db: PGlite,
    private readonly options: EmbeddedSocketServerOptions,
  ) {
    const verifier = new ScramVerifier(options.password);
    this.server = createServer((socket) => new EmbeddedConnection(socket, this, verifier, options.authenticationTimeoutMs).attach());
  }

  listen(host: string, port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`);
      });
    });
  }

  track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  async run(connection: EmbeddedConnection, messages: readonly Uint8Array[], write: (data: Uint8Array) => void): Promise<void> {
    const statement = listenStatement(messages);
    if (statement && !statement.listen) {
      // Answered here: the session must go on listening for the other connections.
      this.listeners.unlisten(connection, statement.channel);
      write(Buffer.concat([backendMessage('C', Buffer.from('UNLISTEN\0')), backendMessage('Z', Buffer.from(this.owner === connection ? 'T' : 'I'))]));
      return;
    }
    await this.acquire(connection);
    try {
      let cut: Buffer = Buffer.alloc(0);
      const onRawData = (chunk: Uint8Array) => {
        cut = this.listeners.route(cut, chunk, write);
      };
      await this.db.runExclusive(async () => {
        for (const message of messages) await this.db.execProtocolRawStream(message, { onRawData });
      });
      if (statement) this.listeners.listen(connection, statement.channel);
    } finally {
      this.owner = this.db.isInTransaction() ? connection : undefined;
      this.releaseTurn();
    }
  }

  /** A client gone in the middle of a transaction must not leave the session inside it. */
  async closed(connection: EmbeddedConnection): Promise<void> {
    this.listeners.forget(connection);
    if (this.owner !== connection) return;
    await this.acquire(connection);
    try {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.owner = undefined;
      this.releaseTurn();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleInTransaction);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acquire(connection: EmbeddedConnection): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ connection, resolve });
      this.grant();
    });
  }

  /** Between two turns of a transaction's owner, the clock of its idle time runs. */
  private releaseTurn(): void {
    this.busy = false;
    const owner = this.owner;
    if (owner) {
      this.idleInTransaction = setTimeout(
        () => owner.terminate('25P03', 'terminating connection due to idle-in-transaction timeout'),
        this.options.idleInTransactionTimeoutMs,
      );
    }
    this.grant();
  }

  /** The next turn goes to the first waiter the session is free for: anyone, or the transaction's owner. */
  private grant(): void {
    if (this.busy) return;
    const next = this.waiters.findIndex((waiter) => this.owner === undefined || waiter.connection === this.owner);
    if (next === -1) return;
    const [waiter] = this.waiters.splice(next, 1);
    clearTimeout(this.idleInTransaction);
    this.busy = true;
    waiter!.resolve();
  }
}
