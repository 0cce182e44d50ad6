import { describe, expect, it } from 'vitest';
import { parseGermanDate } from './german-date';

describe('parseGermanDate', () => {
  it('reads a day as German dates are written, with or without leading zeros, and ISO', () => {
    expect(parseGermanDate('01.03.2023')).toBe('2023-03-01');
    expect(parseGermanDate(' 1.3.2023 ')).toBe('2023-03-01');
    expect(parseGermanDate('2023-03-01')).toBe('2023-03-01');
  });

  it('refuses what is no calendar day', () => {
    for (const typed of ['', '31.02.2023', '29.02.2023', '1.13.2023', '03/01/2023', '01.03.23', 'heute']) expect(parseGermanDate(typed), typed).toBeNull();
  });
});
