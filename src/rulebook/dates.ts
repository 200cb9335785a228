import { addMonths, compareIsoDates, isIsoDate } from '../shared/domain/iso-date.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import type { Duration } from './rule-version.js';

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Working days are Monday to Friday; public holidays are not modelled (no holiday calendar). */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let current = toUtc(date);
  let left = days;
  while (left > 0) {
    current = new Date(current.getTime() + DAY_MS);
    const weekday = current.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return fromUtc(current);
}

/**
 * The last day of a period that starts the day after `from` (Civil Code 2015 art. 147-148): for
 * years and months it is the corresponding date (clamped to the month's end), for days the n-th day.
 */
export function periodEnd(from: IsoDate, period: Duration): IsoDate {
  switch (period.unit) {
    case 'years':
      return addMonths(from, period.amount * 12);
    case 'months':
      return addMonths(from, period.amount);
    case 'calendar-days':
      return addDays(from, period.amount);
    case 'working-days':
      return addWorkingDays(from, period.amount);
  }
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function latest(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>((max, date) => (max === undefined || isAfter(date, max) ? date : max), undefined);
}
