import type { Clock } from './clock.js';
import type { IsoDate } from './domain/vocabulary.js';

/**
 * The one calendar of the service: which day an instant falls on in the configured time zone. Legal dates
 * are days there (Vietnam's by default), so "today" for every rule, alert and work list comes from here;
 * a day taken in UTC would be a day behind from 17:00 to midnight UTC.
 */
export class ServiceCalendar {
  private readonly days: Intl.DateTimeFormat;

  constructor(
    private readonly clock: Clock,
    readonly timeZone: string,
  ) {
    this.days = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** The day it is now, by the one clock. */
  today(): IsoDate {
    return this.dayOf(this.clock.now());
  }

  dayOf(instant: Date): IsoDate {
    const parts = Object.fromEntries(this.days.formatToParts(instant).map((part) => [part.type, part.value]));
    return `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`;
  }
}
