import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import { fieldLabel } from './field-names';

describe('field names in the conflict review', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'de', resources: { de: { translation: de } } });
  });

  it('says the words of the forms for the stored columns and JSON keys', () => {
    const t = i18next.t;
    expect(fieldLabel(t, 'client', 'family_name')).toBe('Familienname');
    expect(fieldLabel(t, 'client', 'given_name')).toBe('Vorname');
    expect(fieldLabel(t, 'client', 'birth_date')).toBe('Geburtsdatum');
    expect(fieldLabel(t, 'client', 'postal_code')).toBe('PLZ');
    expect(fieldLabel(t, 'client', 'street')).toBe('Straße und Hausnummer');
    expect(fieldLabel(t, 'client', 'details.phone')).toBe('Telefon');
    expect(fieldLabel(t, 'client', 'details.addressAddition')).toBe('Adresszusatz');
    expect(fieldLabel(t, 'client', 'details.languages.0.language')).toBe('Sprachen 1 › language');
    expect(fieldLabel(t, 'partner', 'name')).toBe('Name der Stelle');
    expect(fieldLabel(t, 'partner', 'record.address.city')).toBe('Anschrift › Ort');
    expect(fieldLabel(t, 'other', 'name')).toBe('Name');
  });

  it('shows a path it does not know as it is', () => {
    expect(fieldLabel(i18next.t, 'client', 'details.somethingNew')).toBe('details.somethingNew');
    expect(fieldLabel(i18next.t, 'client', 'zz_unknown')).toBe('zz_unknown');
  });
});
