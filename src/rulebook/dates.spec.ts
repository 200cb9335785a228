import { addWorkingDays, periodEnd } from './dates.js';

describe('legal date arithmetic', () => {
  it('working days skip Saturday and Sunday (no holiday calendar)', () => {
    expect(addWorkingDays('2023-06-09', 1)).toBe('2023-06-12');
    expect(addWorkingDays('2023-06-05', 5)).toBe('2023-06-12');
  });

  it('Civil Code art. 148: a one-month period from 31 Jan ends on the last day of February', () => {
    expect(periodEnd('2023-01-31', { amount: 1, unit: 'months' })).toBe('2023-02-28');
  });

  it('calendar days count every day', () => {
    expect(periodEnd('2023-12-28', { amount: 5, unit: 'calendar-days' })).toBe('2024-01-02');
  });
});
