import { connect, nanos, RetentionPolicy, StorageType, type JetStreamClient, type NatsConnection } from 'nats';
import type { PublicEvent } from '../feed/public-events.js';
import type { OutgoingEvent, PublicEventTarget } from './public-event-target.js';

export const NATS_STREAM = 'DISCIPLINA';
export const NATS_SUBJECT_PREFIX = 'disciplina';

export interface NatsTargetOptions {
  /** The JetStream stream and the first token of its subjects; the defaults outside tests. */
  readonly stream?: string;
  readonly subjectPrefix?: string;
  /** How long JetStream remembers a message id: a re-publish within it is dropped as a duplicate. */
  readonly duplicateWindowMs?: number;
  /** How long to wait for JetStream's acknowledgement of one event before the attempt fails. */
  readonly ackTimeoutMs?: number;
}

const TOKEN = /^[A-Za-z0-9_-]+$/;

/** `disciplina.<streamType>.<eventType>`: a consumer filters by either token. */
export function natsSubject(prefix: string, event: Pick<PublicEvent, 'streamType' | 'type'>): string {
  if (!TOKEN.test(event.streamType)) throw new Error(`Stream type "${event.streamType}" cannot be a NATS subject token`);
  return `${prefix}.${event.streamType}.${event.type}`;
}

interface Connected {
  readonly connection: NatsConnection;
  readonly jetStream: JetStreamClient;
}

/**
 * Publishes to a JetStream stream with the event id as the message id (`Nats-Msg-Id`), so that JetStream
 * keeps one copy of an event published again within the duplicate window. Connects on first use and again
 * after a failed connect; the client reconnects by itself after that. Creates the stream when it is missing.
 */
export class NatsTarget implements PublicEventTarget {
  readonly name = 'nats';
  private connecting: Promise<Connected> | undefined;
  private readonly stream: string;
  private readonly subjectPrefix: string;

  constructor(
    private readonly url: string,
    private readonly options: NatsTargetOptions = {},
  ) {
    this.stream = options.stream ?? NATS_STREAM;
    this.subjectPrefix = options.subjectPrefix ?? NATS_SUBJECT_PREFIX;
  }

  async publish({ event }: OutgoingEvent): Promise<{ duplicate: boolean }> {
    const { jetStream } = await this.connected();
    const ack = await jetStream.publish(natsSubject(this.subjectPrefix, event), JSON.stringify(event), {
      msgID: event.eventId,
      expect: { streamName: this.stream },
      timeout: this.options.ackTimeoutMs ?? 5000,
    });
    return { duplicate: ack.duplicate };
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = undefined;
    const connected = await connecting?.catch(() => undefined);
    await connected?.connection.drain().catch(() => connected.connection.close());
  }

  private connected(): Promise<Connected> {
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<Connected> {
    const connection = await connect({ servers: this.url, name: 'disciplina-publisher', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    try {
      await this.ensureStream(connection);
      return { connection, jetStream: connection.jetstream() };
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  private async ensureStream(connection: NatsConnection): Promise<void> {
    const manager = await connection.jetstreamManager();
    const exists = await manager.streams.info(this.stream).then(
      () => true,
      (error: unknown) => {
        if (error instanceof Error && /stream not found/i.test(error.message)) return false;
        throw error;
      },
    );
    if (exists) return;
    await manager.streams.add({
      name: this.stream,
      subjects: [`${this.subjectPrefix}.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(this.options.duplicateWindowMs ?? 10 * 60_000),
    });
  }
}
