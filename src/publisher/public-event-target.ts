import type { PublicEvent } from '../feed/public-events.js';

/** A public event on its way out, with its place in its internal stream (which a target may use to recognise a repeat). */
export interface OutgoingEvent {
  readonly event: PublicEvent;
  readonly streamVersion: number;
}

/**
 * Somewhere the public events are published to. The publisher hands it each event at least once, in
 * commit order; `publish` resolves once the target holds the event durably, and holds an event it already
 * has only once. `duplicate` says that it had it.
 */
export interface PublicEventTarget {
  /** Lower-case letters and digits: part of the publisher's checkpoint name and of its metrics' labels. */
  readonly name: string;
  publish(outgoing: OutgoingEvent): Promise<{ readonly duplicate: boolean }>;
  close(): Promise<void>;
}
