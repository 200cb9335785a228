import type { IsoDate } from './vocabulary.js';

/** A period a dated fact held: from `from`, until the day before `until` (null while it lasts). */
export type DatedPeriod = Readonly<{ from: IsoDate; until: IsoDate | null }>;

/** The period that covers `day`, if any. */
export function periodOn<P extends DatedPeriod>(periods: readonly P[], day: IsoDate): P | null {
  return periods.find((period) => period.from <= day && (period.until === null || day < period.until)) ?? null;
}

/** The periods with the one still running ended on `on`. */
export function endRunning<P extends DatedPeriod>(periods: readonly P[], on: IsoDate): P[] {
  return periods.map((period) => (period.until === null ? { ...period, until: on } : period));
}

/** The last day already on the record for these periods: the end of the last, else its start. */
export function lastBoundary(periods: readonly DatedPeriod[]): IsoDate | null {
  const last = periods.at(-1);
  return last ? (last.until ?? last.from) : null;
}
