import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import type { EventStore } from '../../src/event-store/event-store.js';
import { MAPPED_EVENT_TYPES, type PublicEvent } from '../../src/feed/public-events.js';

/** The NATS server with JetStream that the tests share (CI starts it when it is down). */
export const SHARED_NATS_URL = 'nats://127.0.0.1:4222';
export const NATS_SERVER_BINARY = '/usr/sbin/nats-server';

/** A stream and subjects of one test's own on the shared server, so that runs side by side do not meet. */
export function testStream(suffix: string) {
  return { stream: `DISCIPLINA_TEST_${suffix.toUpperCase()}`, subjectPrefix: `disciplinatest${suffix}` };
}

export interface Received {
  readonly msgId: string | undefined;
  readonly subject: string;
  readonly event: PublicEvent;
}

/** Everything in `stream`, in its order, as a JetStream consumer of its own receives it. */
export async function consumeAll(url: string, stream: string): Promise<Received[]> {
  const connection = await connect({ servers: url });
  try {
    const total = (await (await connection.jetstreamManager()).streams.info(stream)).state.messages;
    const consumer = await connection.jetstream().consumers.get(stream);
    const received: Received[] = [];
    while (received.length < total) {
      for await (const message of await consumer.fetch({ max_messages: 500, expires: 2000 })) {
        received.push({ msgId: message.headers?.get('Nats-Msg-Id'), subject: message.subject, event: message.json<PublicEvent>() });
      }
    }
    return received;
  } finally {
    await connection.close();
  }
}

export async function deleteStream(url: string, stream: string): Promise<void> {
  const connection = await connect({ servers: url });
  try {
    await (await connection.jetstreamManager()).streams.delete(stream).catch(() => false);
  } finally {
    await connection.close();
  }
}

/**
 * Appends a burst: `streams` organizations with `perStream` events each, appended a few at a time and
 * round robin, so that each stream's events spread over many transactions. Every fifth event is one the
 * public-event policy keeps inside (BodyEstablished). Returns, per stream, the ids of the events that
 * must be published, in stream order.
 */
export async function appendBurst(store: EventStore, suffix: string, streams: number, perStream: number): Promise<Map<string, string[]>> {
  const ids = Array.from({ length: streams }, (_, s) => `org-${suffix}-${s}`);
  const chunk = 10;
  for (let from = 0; from < perStream; from += chunk) {
    for (const organizationId of ids) {
      const events = Array.from({ length: Math.min(chunk, perStream - from) }, (_, k) => organizationEvent(organizationId, from + k));
      await store.append({
        streamId: `organization-${organizationId}`,
        streamType: 'organization',
        events,
        expectedVersion: from === 0 ? 'no-stream' : from,
        metadata: { actor: 'test', correlationId: suffix },
      });
    }
  }
  const published = new Set<string>(MAPPED_EVENT_TYPES);
  const expected = new Map<string, string[]>();
  for (const organizationId of ids) {
    const streamId = `organization-${organizationId}`;
    expected.set(
      streamId,
      (await store.readStream(streamId)).filter((event) => published.has(event.type)).map((event) => event.eventId),
    );
  }
  return expected;
}

function organizationEvent(organizationId: string, n: number) {
  if (n === 0)
    return {
      type: 'OrganizationFounded',
      data: { organizationId, level: 'cell', parentId: null, name: `Cell ${n}`, code: organizationId, foundedOn: '2020-01-01' },
    };
  if (n % 5 === 0) return { type: 'BodyEstablished', data: { organizationId, bodyKind: 'committee', membersCount: 5, establishedOn: '2020-01-02' } };
  return { type: 'OrganizationRenamed', data: { organizationId, previousName: `Cell ${n - 1}`, name: `Cell ${n}`, renamedOn: '2020-01-03' } };
}

/** What the consumer got, by stream, checked against what the store holds: each event once, in stream order. */
export function byStream(received: readonly Received[]): Map<string, string[]> {
  const streams = new Map<string, string[]>();
  for (const { event } of received) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event.eventId]);
  return streams;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** A NATS server of a test's own, with JetStream on a folder of its own: the test stops and starts it. */
export class OwnNatsServer {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  static available(): boolean {
    return existsSync(NATS_SERVER_BINARY);
  }

  static async create(): Promise<OwnNatsServer> {
    return new OwnNatsServer(await freePort(), mkdtempSync(join(tmpdir(), 'nats-js-')));
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts it and waits until it answers. */
  async start(): Promise<void> {
    this.process = spawn(NATS_SERVER_BINARY, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const connection: NatsConnection | undefined = await connect({ servers: this.url }).catch(() => undefined);
      if (connection) {
        await (await connection.jetstreamManager()).getAccountInfo();
        await connection.close();
        return;
      }
      if (Date.now() > deadline) throw new Error(`nats-server did not answer on ${this.url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Kills it (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
