import { BACKWARDS, END, jsonEvent, KurrentDBClient, NO_STREAM, StreamNotFoundError, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { OutgoingEvent, PublicEventTarget } from './public-event-target.js';

interface Metadata {
  readonly streamVersion: number;
}

/**
 * Appends each public event to the KurrentDB stream of the same id, with the stream's last revision as the
 * expected one. The last event's metadata names the internal stream version it came from: an event at or
 * below it is there already, and a re-publish appends nothing.
 */
export class KurrentDbTarget implements PublicEventTarget {
  readonly name = 'kurrentdb';
  private readonly client: KurrentDBClient;

  constructor(url: string) {
    this.client = KurrentDBClient.connectionString(url);
  }

  async publish({ event, streamVersion }: OutgoingEvent): Promise<{ duplicate: boolean }> {
    const last = await this.lastEvent(event.streamId);
    const publishedUpTo = (last?.event?.metadata as Partial<Metadata> | undefined)?.streamVersion;
    if (publishedUpTo !== undefined && publishedUpTo >= streamVersion) return { duplicate: true };
    await this.client.appendToStream(
      event.streamId,
      jsonEvent({ id: event.eventId, type: event.type, data: { ...event }, metadata: { streamVersion } satisfies Metadata }),
      { streamState: last?.event ? last.event.revision : NO_STREAM },
    );
    return { duplicate: false };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async lastEvent(streamId: string): Promise<ResolvedEvent | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) return resolved;
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
