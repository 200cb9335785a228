import type { IsoDate } from './vocabulary.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function parts(date: IsoDate): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A real calendar date written YYYY-MM-DD (2025-02-29 is not). */
export function isIsoDate(value: string): value is IsoDate {
  const p = parts(value);
  if (!p) return false;
  const [year, month, day] = p;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Negative, zero or positive as `a` is before, on or after `b`; both must be valid ISO dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same day `months` later, clamped to the month's end (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parts(date);
  if (!p) throw new RangeError(`Not an ISO date: ${date}`);
  const [year, month, day] = p;
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
