import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, todayIso } from '../../shared/domain/iso-date';

/**
 * Calendar arithmetic on `YYYY-MM-DD` (DESIGN.md §2): deadlines and serial
 * letters count days and months on the calendar of the desk, which lies in
 * Germany. Each test runs in Europe/Berlin, where a day is 23 or 25 hours
 * long twice a year: arithmetic in milliseconds would be off by a day there.
 */

const originalTimeZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

it('runs in German time: summer time until 25 October 2026, winter time after', () => {
  expect(new Date(2026, 9, 24).getTimezoneOffset()).toBe(-120);
  expect(new Date(2026, 9, 26).getTimezoneOffset()).toBe(-60);
});

describe('addDaysIso', () => {
  it('adds days across month and year ends', () => {
    expect(addDaysIso('2026-11-25', 0)).toBe('2026-11-25');
    expect(addDaysIso('2026-11-25', 10)).toBe('2026-12-05');
    expect(addDaysIso('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-11-25', 365)).toBe('2027-11-25');
  });

  it('knows leap years', () => {
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDaysIso('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDaysIso('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('subtracts negative days', () => {
    expect(addDaysIso('2026-11-25', -30)).toBe('2026-10-26');
    expect(addDaysIso('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDaysIso('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('counts a day as a day where the clocks change', () => {
    // 25 October 2026 has 25 hours, 29 March 2026 has 23.
    expect(addDaysIso('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDaysIso('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDaysIso('2026-10-26', -1)).toBe('2026-10-25');
    expect(addDaysIso('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDaysIso('2026-03-30', -1)).toBe('2026-03-29');
    expect(addDaysIso('2026-03-30', -2)).toBe('2026-03-28');
  });

  it('refuses what is no calendar date', () => {
    expect(() => addDaysIso('2026-02-29', 1)).toThrow(RangeError);
    expect(() => addDaysIso('25.11.2026', 1)).toThrow(RangeError);
  });
});

describe('addMonthsIso', () => {
  it('keeps the day of the month', () => {
    expect(addMonthsIso('2026-11-25', 6)).toBe('2027-05-25');
    expect(addMonthsIso('2026-11-25', 0)).toBe('2026-11-25');
    expect(addMonthsIso('2026-11-25', 14)).toBe('2028-01-25');
  });

  it('ends on the last day of a shorter month, leap years included', () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsIso('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsIso('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonthsIso('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('subtracts negative months', () => {
    expect(addMonthsIso('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsIso('2026-01-15', -2)).toBe('2025-11-15');
  });

  it('is not moved by the clock change', () => {
    expect(addMonthsIso('2026-09-25', 1)).toBe('2026-10-25');
    expect(addMonthsIso('2026-10-25', 1)).toBe('2026-11-25');
    expect(addMonthsIso('2026-04-29', -1)).toBe('2026-03-29');
  });

  it('refuses what is no calendar date', () => {
    expect(() => addMonthsIso('2026-13-01', 1)).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  it('is the day on the desk’s calendar, not in UTC', () => {
    expect(todayIso(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayIso(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(todayIso(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-26');
  });
});
