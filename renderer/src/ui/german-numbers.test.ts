import { describe, expect, it } from 'vitest';
import { formatEuroCents, formatGermanNumber, parseEuroCents, parseGermanNumber } from './german-numbers';

describe('euro amounts', () => {
  it('reads German amounts as cents', () => {
    expect(parseEuroCents('1.234,56')).toBe(123456);
    expect(parseEuroCents('1234,56')).toBe(123456);
    expect(parseEuroCents('1234,5')).toBe(123450);
    expect(parseEuroCents('600')).toBe(60000);
    expect(parseEuroCents('1.234')).toBe(123400);
    expect(parseEuroCents('1.234.567,01')).toBe(123456701);
    expect(parseEuroCents(' 12,00 € ')).toBe(1200);
    expect(parseEuroCents('0,07')).toBe(7);
  });

  it('takes a dot before one or two digits as the decimal point', () => {
    expect(parseEuroCents('12.50')).toBe(1250);
    expect(parseEuroCents('12.5')).toBe(1250);
  });

  it('is empty for an empty input and refuses what is no amount', () => {
    expect(parseEuroCents('')).toBeNull();
    expect(parseEuroCents('  ')).toBeNull();
    expect(parseEuroCents('12,345')).toBeUndefined();
    expect(parseEuroCents('-5')).toBeUndefined();
    expect(parseEuroCents('1.23.4')).toBeUndefined();
    expect(parseEuroCents('abc')).toBeUndefined();
    expect(parseEuroCents('1,2,3')).toBeUndefined();
    expect(parseEuroCents('99999999999999')).toBeUndefined();
  });

  it('writes cents the German way', () => {
    expect(formatEuroCents(123456)).toBe('1.234,56');
    expect(formatEuroCents(7)).toBe('0,07');
    expect(formatEuroCents(60000)).toBe('600,00');
    expect(formatEuroCents(123456701)).toBe('1.234.567,01');
  });

  it('round-trips', () => {
    for (const cents of [0, 1, 99, 100, 123456, 100000000]) expect(parseEuroCents(formatEuroCents(cents))).toBe(cents);
  });
});

describe('numbers', () => {
  it('reads German decimals', () => {
    expect(parseGermanNumber('1,5')).toBe(1.5);
    expect(parseGermanNumber('1.5')).toBe(1.5);
    expect(parseGermanNumber('-3')).toBe(-3);
    expect(parseGermanNumber('1.000')).toBe(1000);
    expect(parseGermanNumber('')).toBeNull();
    expect(parseGermanNumber('drei')).toBeUndefined();
  });

  it('writes them as typed', () => {
    expect(formatGermanNumber(1.5)).toBe('1,5');
    expect(formatGermanNumber(12)).toBe('12');
    expect(parseGermanNumber(formatGermanNumber(0.25))).toBe(0.25);
  });
});
