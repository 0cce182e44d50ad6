import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../i18n/index';
import { relativeDay } from './relative-day';

/** How far off a deadline is, in German and English, with their plurals (Start's deadline list). */

const TODAY = '2026-11-25';

async function translator(language: 'de' | 'en') {
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(language));
  return instance.t;
}

describe('relativeDay', () => {
  it('says heute, morgen, in n Tagen and seit n Tagen überfällig in German', async () => {
    const t = await translator('de');
    expect(relativeDay(t, TODAY, '2026-11-25')).toBe('heute');
    expect(relativeDay(t, TODAY, '2026-11-26')).toBe('morgen');
    expect(relativeDay(t, TODAY, '2026-12-07')).toBe('in 12 Tagen');
    expect(relativeDay(t, TODAY, '2026-11-24')).toBe('seit 1 Tag überfällig');
    expect(relativeDay(t, TODAY, '2026-11-22')).toBe('seit 3 Tagen überfällig');
    // Calendar days across the change to winter time and the turn of the year.
    expect(relativeDay(t, '2026-10-24', '2026-10-26')).toBe('in 2 Tagen');
    expect(relativeDay(t, '2026-12-31', '2027-01-01')).toBe('morgen');
  });

  it('says the same in English', async () => {
    const t = await translator('en');
    expect(relativeDay(t, TODAY, '2026-11-25')).toBe('today');
    expect(relativeDay(t, TODAY, '2026-11-26')).toBe('tomorrow');
    expect(relativeDay(t, TODAY, '2026-12-07')).toBe('in 12 days');
    expect(relativeDay(t, TODAY, '2026-11-24')).toBe('overdue for 1 day');
    expect(relativeDay(t, TODAY, '2026-11-22')).toBe('overdue for 3 days');
  });
});
