import { describe, expect, it } from 'vitest';
import { ClientInputSchema } from '../../../shared/api/schemas/client';
import { PartnerInputSchema } from '../../../shared/api/schemas/partner';
import { schemaLimits } from './contract-form';

describe('limits from the contract', () => {
  const client = schemaLimits(ClientInputSchema);
  const partner = schemaLimits(PartnerInputSchema);

  it('reads the length of texts, also in rows and nullable groups', () => {
    expect(client.maxLength('familyName')).toBe(200);
    expect(client.maxLength('otherNames.0')).toBe(200);
    expect(client.maxLength('nationalities.3')).toBe(100);
    expect(client.maxLength('address.city')).toBe(100);
    expect(client.maxLength('qualifications.2.titleOriginal')).toBe(300);
    expect(client.maxLength('notes')).toBe(20000);
    expect(partner.maxLength('postbox.label')).toBe(100);
    expect(partner.maxLength('services.0.eligibility')).toBe(1000);
  });

  it('gives a whole number typed as text the digits of its maximum', () => {
    expect(client.maxLength('qualifications.0.year')).toBe(4);
    expect(partner.maxLength('services.0.minimumAge')).toBe(3);
  });

  it('has no length for what is not text', () => {
    expect(client.maxLength('birthDate')).toBeUndefined();
    expect(client.maxLength('sex')).toBeUndefined();
  });

  it('reads the number of rows, and insists on one', () => {
    expect(client.maxItems('otherNames')).toBe(10);
    expect(client.maxItems('nationalities')).toBe(5);
    expect(partner.maxItems('services')).toBe(30);
    expect(partner.maxItems('services.4.languages')).toBe(30);
    expect(() => client.maxItems('familyName')).toThrow(/no maximum/);
  });
});
