import { describe, expect, it } from 'vitest';
import { ageFits, servicesExcludingAge, type AgeLimitedService } from '../../shared/domain/eligibility';

/**
 * Eligibility ages of a partner's services (HSDS minimum/maximum age, both
 * inclusive): a referral warns only when every active service excludes the
 * client's age.
 */

const youth: AgeLimitedService = { name: 'Jugendmigrationsdienst', status: 'active', minimumAge: 12, maximumAge: 27 };
const adults: AgeLimitedService = { name: 'Migrationsberatung', status: 'active', minimumAge: 27, maximumAge: null };
const open: AgeLimitedService = { name: 'Sprechstunde', status: 'active', minimumAge: null, maximumAge: null };

describe('ageFits', () => {
  it('includes both limits and reads null as no limit', () => {
    expect([11, 12, 27, 28].map((age) => ageFits(youth, age))).toEqual([false, true, true, false]);
    expect([26, 27, 90].map((age) => ageFits(adults, age))).toEqual([false, true, true]);
    expect(ageFits(open, 0)).toBe(true);
  });
});

describe('servicesExcludingAge', () => {
  it('names the services when every active one excludes the age', () => {
    expect(servicesExcludingAge([youth], 31)).toEqual([youth]);
    expect(servicesExcludingAge([adults], 20)).toEqual([adults]);
  });

  it('warns not when some service fits', () => {
    expect(servicesExcludingAge([youth], 20)).toBeNull();
    expect(servicesExcludingAge([youth, adults], 31)).toBeNull();
    expect(servicesExcludingAge([youth, open], 31)).toBeNull();
  });

  it('leaves inactive services out: they neither warn nor fit', () => {
    expect(servicesExcludingAge([youth, { ...open, status: 'defunct' }], 31)).toEqual([youth]);
    expect(servicesExcludingAge([{ ...youth, status: 'inactive' }], 31)).toBeNull();
  });

  it('warns not without services or without an age', () => {
    expect(servicesExcludingAge([], 31)).toBeNull();
    expect(servicesExcludingAge([youth], null)).toBeNull();
  });
});
