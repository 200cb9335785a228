import type { Event } from './decider.js';
import type { IsoDate } from './vocabulary.js';

/**
 * For every event type of a stream, the legal date of the act it records, or null when the event carries no
 * date of its own (its valid time is then the time it is recorded). Mapped over every type, so a new event
 * type does not compile until its date is declared.
 */
export type ActDates<E extends Event> = { readonly [T in E['type']]: (event: Extract<E, { type: T }>) => IsoDate | null };

/**
 * An event's valid time: midnight UTC opening the legal date of its act, undefined for the time of recording.
 * `asOf` and the history's `from`/`to` count UTC days, so the act falls on its own day in both (and midnight
 * UTC is 07:00 of that day in Vietnam).
 */
export function validTimeOf<E extends Event>(dates: ActDates<E>, event: E): Date | undefined {
  const dateOf = dates[event.type as E['type']] as (event: E) => IsoDate | null;
  const day = dateOf(event);
  return day === null ? undefined : new Date(`${day}T00:00:00.000Z`);
}
