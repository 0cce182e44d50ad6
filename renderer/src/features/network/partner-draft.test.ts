import { describe, expect, it } from 'vitest';
import { PartnerInputSchema } from '../../../../shared/api/schemas/partner';
import { ApiCallError } from '../../api';
import { messagesBeforeCall } from '../../ui/contract-form';
import { draftToInput, emptyContact, emptyPartnerDraft, emptyService, toFormPaths, type PartnerDraft } from './partner-draft';

const draft = (patch: Partial<PartnerDraft>): PartnerDraft => ({ ...emptyPartnerDraft(), name: 'Sprachschule', ...patch });

describe('partner form → contract input', () => {
  it('leaves out rows never filled in, sends ages as numbers and languages as a list', () => {
    const { input, rowMaps, notNumbers } = draftToInput(
      draft({
        services: [emptyService(), { ...emptyService(), name: 'Kurs', minimumAge: ' 18 ', languages: 'Arabisch, , Türkisch' }],
        contacts: [emptyContact()],
      }),
    );
    expect(input.services).toMatchObject([{ name: 'Kurs', minimumAge: 18, maximumAge: null, languages: ['Arabisch', 'Türkisch'] }]);
    expect(input.contacts).toEqual([]);
    expect(rowMaps).toEqual({ services: [1], contacts: [] });
    expect(notNumbers).toEqual([]);
  });

  it('leads the core messages to the form row, and those about one language to the field of all', () => {
    const refused = new ApiCallError({
      code: 'invalid_input',
      message: 'Bitte die Eingaben prüfen.',
      fields: { 'services.0.languages.1': 'zu lang', name: 'Bitte ausfüllen.' },
    });
    expect(toFormPaths(refused, { services: [2] })).toMatchObject({ fields: { 'services.2.languages': 'zu lang', name: 'Bitte ausfüllen.' } });
  });
});

describe('messages before the call', () => {
  it('adds the ages that are not numbers to what the schema refuses', () => {
    const services = [{ ...emptyService(), name: 'Kurs', minimumAge: 'achtzehn', languages: `Arabisch, ${'x'.repeat(101)}` }];
    const prepared = draftToInput(draft({ address: { addition: '', street: '', postalCode: '5234', city: '' }, services }));
    expect(messagesBeforeCall(PartnerInputSchema, prepared, toFormPaths, 'Bitte eine ganze Zahl angeben.')).toEqual({
      'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.',
      'services.0.minimumAge': 'Bitte eine ganze Zahl angeben.',
      'services.0.languages': 'Höchstens 100 Zeichen erlaubt.',
    });
  });
});
