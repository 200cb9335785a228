import type { Socket } from 'node:net';
import { SCRAM_SHA_256, type ScramExchange, type ScramVerifier } from './scram-sha-256.js';

const SSL_REQUEST = 80877103;
const PROTOCOL_3 = 196608;
/** PostgreSQL's own bounds: startup and authentication messages are small, and nothing reaches 1 GB. */
const MAX_STARTUP_LENGTH = 10_000;
const MAX_MESSAGE_LENGTH = 0x3fff_ffff;
const code = (type: string) => type.charCodeAt(0);
/** What a client may send once authenticated (frontend messages of protocol 3.0). */
const SESSION_MESSAGES = new Set([...'BCcdDEfFHPQSX'].map(code));
/** Messages that end what a client sends for one statement: Sync (extended protocol), Query (simple). */
const UNIT_ENDS = new Set([code('S'), code('Q')]);
const TERMINATE = code('X');
const PASSWORD = code('p');
const AUTHENTICATION_SASL = 10;
const AUTHENTICATION_SASL_CONTINUE = 11;
const AUTHENTICATION_SASL_FINAL = 12;
const PROTOCOL_VIOLATION = '08P01';
const INVALID_PASSWORD = '28P01';

export function backendMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function authentication(request: number, data: string): Buffer {
  const body = Buffer.alloc(4 + Buffer.byteLength(data));
  body.writeInt32BE(request);
  body.write(data, 4);
  return backendMessage('R', body);
}

function fatal(sqlState: string, message: string): Buffer {
  return backendMessage('E', Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${message}\0\0`));
}

/** What a connection asks of the server that serializes every connection's work on the one PGlite session. */
export interface ConnectionHost {
  track(socket: Socket): void;
  run(connection: EmbeddedConnection, messages: readonly Uint8Array[], write: (data: Uint8Array) => void): Promise<void>;
  closed(connection: EmbeddedConnection): Promise<void>;
}

/**
 * One client of the embedded server: it must authenticate with SCRAM-SHA-256 before any of its messages
 * reach the database, and a message that breaks the protocol (a length out of bounds, an unknown request
 * or message type) ends this connection, never the server's loop.
 */
export class EmbeddedConnection {
  private buffer = Buffer.alloc(0);
  private phase: 'startup' | 'authentication' | 'session' = 'startup';
  private exchange: ScramExchange | undefined;
  /** The startup packet waits here until the client has authenticated; then each statement's messages. */
  private pending: Uint8Array[] = [];
  private work: Promise<void> = Promise.resolve();
  private authenticationDeadline: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly server: ConnectionHost,
    private readonly verifier: ScramVerifier,
    private readonly authenticationTimeoutMs: number,
  ) {}

  attach(): void {
    this.server.track(this.socket);
    this.socket.setNoDelay(true);
    this.authenticationDeadline = setTimeout(() => this.socket.destroy(), this.authenticationTimeoutMs);
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', () => this.socket.destroy());
    this.socket.once('close', () => {
      clearTimeout(this.authenticationDeadline);
      this.work = this.work.then(() => this.server.closed(this));
    });
  }

  notify(message: Uint8Array): void {
    if (this.socket.writable) this.socket.write(message);
  }

  /** Tells the client why, as PostgreSQL does with a FATAL error, and drops it. */
  terminate(sqlState: string, message: string): void {
    if (this.socket.writable) this.socket.write(fatal(sqlState, message));
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let message = this.next(); message; message = this.next()) {
      if (this.phase === 'startup') this.startup(message);
      else if (this.phase === 'authentication') this.authenticate(message);
      else this.session(message);
    }
  }

  /** The next whole message; none while it is incomplete, or once the connection is ending or dropped for a bad length. */
  private next(): Buffer | undefined {
    if (this.socket.destroyed || this.socket.writableEnded) return undefined;
    const startup = this.phase === 'startup';
    const lengthAt = startup ? 0 : 1;
    if (this.buffer.length < lengthAt + 4) return undefined;
    const length = this.buffer.readInt32BE(lengthAt);
    const [min, max] = startup ? [8, MAX_STARTUP_LENGTH] : [4, this.phase === 'authentication' ? MAX_STARTUP_LENGTH : MAX_MESSAGE_LENGTH];
    if (length < min || length > max) {
      this.socket.destroy();
      return undefined;
    }
    if (this.buffer.length < lengthAt + length) return undefined;
    const message = this.buffer.subarray(0, lengthAt + length);
    this.buffer = this.buffer.subarray(lengthAt + length);
    return message;
  }

  /** Only protocol 3.0 is served, without TLS; anything else (cancel requests included: nothing here can be cancelled) is dropped. */
  private startup(packet: Buffer): void {
    const request = packet.readInt32BE(4);
    if (request === SSL_REQUEST && packet.length === 8) {
      this.socket.write('N');
      return;
    }
    if (request !== PROTOCOL_3) {
      this.socket.destroy();
      return;
    }
    this.pending.push(new Uint8Array(packet));
    this.phase = 'authentication';
    this.socket.write(authentication(AUTHENTICATION_SASL, `${SCRAM_SHA_256}\0\0`));
  }

  private authenticate(message: Buffer): void {
    if (message[0] !== PASSWORD) return this.terminate(PROTOCOL_VIOLATION, 'expected a SASL response');
    const body = message.subarray(5);
    if (!this.exchange) {
      const end = body.indexOf(0);
      const initial =
        end !== -1 && body.length >= end + 5 && body.subarray(0, end).toString() === SCRAM_SHA_256 && body.readInt32BE(end + 1) === body.length - end - 5;
      if (!initial) return this.terminate(PROTOCOL_VIOLATION, `expected a ${SCRAM_SHA_256} initial response`);
      this.exchange = this.verifier.begin(body.subarray(end + 5).toString());
      if (!this.exchange) return this.terminate(PROTOCOL_VIOLATION, 'malformed SCRAM message');
      this.socket.write(authentication(AUTHENTICATION_SASL_CONTINUE, this.exchange.serverFirst));
      return;
    }
    const serverFinal = this.exchange.finish(body.toString());
    if (!serverFinal) return this.terminate(INVALID_PASSWORD, 'password authentication failed');
    clearTimeout(this.authenticationDeadline);
    this.socket.write(authentication(AUTHENTICATION_SASL_FINAL, serverFinal));
    this.phase = 'session';
    this.flush();
  }

  private session(message: Buffer): void {
    const type = message[0]!;
    if (!SESSION_MESSAGES.has(type)) return this.terminate(PROTOCOL_VIOLATION, `invalid frontend message type ${type}`);
    if (type === TERMINATE) {
      this.socket.end();
      return;
    }
    this.pending.push(new Uint8Array(message));
    if (UNIT_ENDS.has(type)) this.flush();
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
