import { ServiceCalendar } from './calendar.js';
import type { Clock } from './clock.js';

const at = (instant: string): Clock => ({ now: () => new Date(instant) });

describe('the service calendar: legal days are days in the configured time zone, not in UTC', () => {
  it('gives 2026-03-11 in Asia/Ho_Chi_Minh at 2026-03-10T18:30:00Z, when UTC still says 2026-03-10', () => {
    expect(new ServiceCalendar(at('2026-03-10T18:30:00Z'), 'Asia/Ho_Chi_Minh').today()).toBe('2026-03-11');
    expect(new ServiceCalendar(at('2026-03-10T18:30:00Z'), 'UTC').today()).toBe('2026-03-10');
  });

  it('turns the day at midnight in Vietnam (UTC+7), 17:00 UTC', () => {
    const calendar = new ServiceCalendar(at('2026-03-10T00:00:00Z'), 'Asia/Ho_Chi_Minh');
    expect(calendar.dayOf(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(calendar.dayOf(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(calendar.dayOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('follows a zone with daylight saving time across its change', () => {
    const calendar = new ServiceCalendar(at('2026-03-10T00:00:00Z'), 'Europe/Paris');
    expect(calendar.dayOf(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(calendar.dayOf(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(calendar.dayOf(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(calendar.dayOf(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });
});
