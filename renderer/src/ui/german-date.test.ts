import { describe, expect, it } from 'vitest';
import { germanDateText, parseGermanDate } from './german-date';

describe('parseGermanDate', () => {
  it('reads a day as German dates are written, with or without leading zeros, and a pasted ISO date', () => {
    expect(parseGermanDate('01.03.2023')).toBe('2023-03-01');
    expect(parseGermanDate(' 1.3.2023 ')).toBe('2023-03-01');
    expect(parseGermanDate('23.06.1979')).toBe('1979-06-23');
    expect(parseGermanDate('2023-03-01')).toBe('2023-03-01');
  });

  it('knows leap years: 29.02. exists in 2024 and 2000, not in 2023 or 1900', () => {
    expect(parseGermanDate('29.02.2024')).toBe('2024-02-29');
    expect(parseGermanDate('29.02.2000')).toBe('2000-02-29');
    expect(parseGermanDate('29.02.2023')).toBeNull();
    expect(parseGermanDate('29.02.1900')).toBeNull();
  });

  it('refuses what is no calendar day, two-digit years and empty text', () => {
    for (const typed of ['', '   ', '31.04.2023', '31.02.2020', '00.01.2023', '1.13.2023', '03/01/2023', '01.03.23', '1.3.', '2023-3-1', 'heute'])
      expect(parseGermanDate(typed), typed).toBeNull();
  });
});

describe('germanDateText', () => {
  it('shows an ISO date as TT.MM.JJJJ and leaves empty or refused text as it is', () => {
    expect(germanDateText('2024-02-29')).toBe('29.02.2024');
    expect(germanDateText('')).toBe('');
    expect(germanDateText('31.02.2020')).toBe('31.02.2020');
  });
});
