import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Messages that end what a client sends for one statement: Sync (extended protocol), Query (simple). */
const UNIT_ENDS = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0)]);
const TERMINATE = 'X'.charCodeAt(0);

/**
 * Serves one PGlite over TCP to many `pg` connections. PGlite is a single backend session, so the server
 * runs one connection's unit of messages at a time (Parse/Bind/Execute up to Sync never interleave with
 * another connection's), and an open transaction keeps the session for its connection until it ends.
 */
export class EmbeddedSocketServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private owner: Connection | undefined;
  private busy = false;
  private readonly waiters: { connection: Connection; resolve: () => void }[] = [];

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => new Connection(socket, this).attach());
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

  async run(connection: Connection, messages: readonly Uint8Array[], write: (data: Uint8Array) => void): Promise<void> {
    await this.acquire(connection);
    try {
      await this.db.runExclusive(async () => {
        for (const message of messages) await this.db.execProtocolRawStream(message, { onRawData: write });
      });
    } finally {
      this.owner = this.db.isInTransaction() ? connection : undefined;
      this.releaseTurn();
    }
  }

  /** A client gone in the middle of a transaction must not leave the session inside it. */
  async closed(connection: Connection): Promise<void> {
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
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acquire(connection: Connection): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ connection, resolve });
      this.grant();
    });
  }

  private releaseTurn(): void {
    this.busy = false;
    this.grant();
  }

  /** The next turn goes to the first waiter the session is free for: anyone, or the transaction's owner. */
  private grant(): void {
    if (this.busy) return;
    const next = this.waiters.findIndex((waiter) => this.owner === undefined || waiter.connection === this.owner);
    if (next === -1) return;
    const [waiter] = this.waiters.splice(next, 1);
    this.busy = true;
    waiter!.resolve();
  }
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private pending: Uint8Array[] = [];
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly server: EmbeddedSocketServer,
  ) {}

  attach(): void {
    this.server.track(this.socket);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', () => this.socket.destroy());
    this.socket.once('close', () => {
      this.work = this.work.then(() => this.server.closed(this));
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const message = this.nextMessage();
      if (!message) return;
      if (message.length === 0) continue;
      this.pending.push(message);
      const type = this.started ? message[0]! : -1;
      this.started = true;
      if (type === TERMINATE) {
        this.socket.end();
        return;
      }
      if (type === -1 || UNIT_ENDS.has(type)) this.flush();
    }
  }

  /** The next whole message; a zero-length one for requests answered here (SSL, cancel); none if incomplete. */
  private nextMessage(): Uint8Array | undefined {
    if (!this.started) {
      if (this.buffer.length < 8) return undefined;
      const length = this.buffer.readInt32BE(0);
      const code = this.buffer.readInt32BE(4);
      if (this.buffer.length < length) return undefined;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      if (code === SSL_REQUEST) {
        this.socket.write('N');
        return new Uint8Array(0);
      }
      if (code === CANCEL_REQUEST) return new Uint8Array(0);
      if (code !== PROTOCOL_3) {
        this.socket.destroy();
        return undefined;
      }
      return new Uint8Array(message);
    }
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return new Uint8Array(message);
  }

  private flush(): void {
    const unit = this.pending;
    this.pending = [];
    this.work = this.work
      .then(() =>
        this.server.run(this, unit, (data) => {
          if (data.length > 0 && this.socket.writable) this.socket.write(data);
        }),
      )
      .catch(() => {
        this.socket.destroy();
      });
  }
}
