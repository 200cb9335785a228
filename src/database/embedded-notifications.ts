const NOTIFICATION_RESPONSE = 'A'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);
const LISTEN_STATEMENT = /^\s*(UN)?LISTEN\s+(\*|"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*;?\s*$/i;

/** A connection that can be handed a notification. */
export interface Listener {
  notify(message: Uint8Array): void;
}

export type ListenStatement = { readonly listen: boolean; readonly channel: string };

/** `LISTEN x` or `UNLISTEN x|*` sent alone as a simple query, with the channel named as PostgreSQL folds it. */
export function listenStatement(unit: readonly Uint8Array[]): ListenStatement | undefined {
  const [message] = unit;
  if (unit.length !== 1 || message?.[0] !== QUERY) return undefined;
  const match = LISTEN_STATEMENT.exec(Buffer.from(message.subarray(5, -1)).toString());
  if (!match) return undefined;
  const name = match[2]!;
  const channel = name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase();
  return { listen: !match[1], channel };
}

/**
 * PGlite is one session: a NOTIFY reaches whichever connection's statement is running when it commits.
 * Each connection's LISTENs are kept here instead, and notifications go to the connections that asked for
 * them; the session itself keeps listening to every channel any connection ever asked for.
 */
export class EmbeddedListeners {
  private readonly channels = new Map<Listener, Set<string>>();

  listen(listener: Listener, channel: string): void {
    const channels = this.channels.get(listener) ?? new Set();
    channels.add(channel);
    this.channels.set(listener, channels);
  }

  unlisten(listener: Listener, channel: string): void {
    if (channel === '*') this.channels.delete(listener);
    else this.channels.get(listener)?.delete(channel);
  }

  forget(listener: Listener): void {
    this.channels.delete(listener);
  }

  /**
   * Passes a statement's output on to its connection, in whole messages, minus the notifications, which go
   * to their listeners. Returns what a message cut at the end of `chunk` left over, to prepend to the next.
   */
  route(pending: Buffer, chunk: Uint8Array, write: (data: Uint8Array) => void): Buffer {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let passed = 0;
    let at = 0;
    while (at + 5 <= data.length) {
      const end = at + 1 + data.readInt32BE(at + 1);
      if (end > data.length) break;
      if (data[at] === NOTIFICATION_RESPONSE) {
        if (at > passed) write(data.subarray(passed, at));
        this.deliver(data.subarray(at, end));
        passed = end;
      }
      at = end;
    }
    if (at > passed) write(data.subarray(passed, at));
    return Buffer.from(data.subarray(at));
  }

  private deliver(message: Buffer): void {
    const channelEnd = message.indexOf(0, 9);
    const channel = message.subarray(9, channelEnd).toString();
    for (const [listener, channels] of this.channels) {
      if (channels.has(channel)) listener.notify(message);
    }
  }
}
