import { addMonths, compareIsoDates, isIsoDate } from './iso-date.js';

describe('legal dates', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
  });

  it('orders dates as the calendar does', () => {
    expect(compareIsoDates('2019-12-03', '2020-01-01')).toBeLessThan(0);
    expect(compareIsoDates('2020-01-01', '2020-01-01')).toBe(0);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2023-06-15', 12)).toBe('2024-06-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
});
