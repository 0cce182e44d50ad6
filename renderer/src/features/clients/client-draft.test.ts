import { describe, expect, it } from 'vitest';
import { ClientInputSchema } from '../../../../shared/api/schemas/client';
import { messagesBeforeCall } from '../../ui/contract-form';
import { pathsToFormRows } from '../../ui/field-errors';
import { draftToInput, emptyDraft, fieldOrder, inputId, type ClientDraft } from './client-draft';

function draft(patch: Partial<ClientDraft>): ClientDraft {
  return { ...emptyDraft(), ...patch };
}

describe('client form → contract input', () => {
  it('sends "not chosen" as null and trims numbers', () => {
    const { input } = draftToInput(
      draft({ familyName: 'Müller', address: { addition: 'c/o Weber', street: '', postalCode: ' 52349 ', city: 'Düren' }, email: ' a@b.de ' }),
    );
    expect(input).toMatchObject({
      familyName: 'Müller',
      sex: null,
      birthDate: null,
      preferredContact: null,
      residenceStatus: null,
      residenceValidUntil: null,
      germanLevel: { level: null, certificate: '', certificateDate: null },
      address: { addition: 'c/o Weber', postalCode: '52349', city: 'Düren' },
      email: 'a@b.de',
    });
  });

  it('leaves out rows that were added and never filled, and maps the sent rows back', () => {
    const { input, rowMaps } = draftToInput(
      draft({
        familyName: 'Ivanova',
        otherNames: ['', 'Иванова'],
        languages: [
          { language: '', interpreterNeeded: false },
          { language: '', interpreterNeeded: true },
          { language: 'Russisch', interpreterNeeded: false },
        ],
      }),
    );
    expect(input.otherNames).toEqual(['Иванова']);
    expect(rowMaps.otherNames).toEqual([1]);
    // A ticked box is something typed: the row goes to the core, which says the language is missing.
    expect(input.languages).toEqual([
      { language: '', interpreterNeeded: true },
      { language: 'Russisch', interpreterNeeded: false },
    ]);
    expect(rowMaps.languages).toEqual([1, 2]);
  });

  it('turns year and regulated into their types and reports years that are not four digits', () => {
    const row = { titleOriginal: 'Инженер', titleGerman: '', country: '', year: '2008', kind: '', referenceOccupation: '', regulated: 'yes' as const };
    const ok = draftToInput(draft({ familyName: 'X', qualifications: [row] }));
    expect(ok.input.qualifications[0]).toMatchObject({ year: 2008, regulated: true });
    expect(ok.notNumbers).toEqual([]);
    const bad = draftToInput(
      draft({
        familyName: 'X',
        qualifications: [
          { ...row, year: '08' },
          { ...row, year: '', regulated: '' },
        ],
      }),
    );
    expect(bad.notNumbers).toEqual(['qualifications.0.year']);
    expect(bad.input.qualifications[1]).toMatchObject({ year: null, regulated: null });
  });
});

describe('field order and ids', () => {
  it('lists rows in form order, groups before their rows', () => {
    const order = fieldOrder(draft({ languages: [{ language: 'a', interpreterNeeded: false }] }));
    expect(order.indexOf('familyName')).toBe(0);
    expect(order.indexOf('languages')).toBeLessThan(order.indexOf('languages.0.language'));
    expect(order.indexOf('address.postalCode')).toBeLessThan(order.indexOf('residenceStatus'));
  });

  it('derives input ids from paths', () => {
    expect(inputId('languages.1.language')).toBe('client-languages-1-language');
    expect(inputId('address.postalCode')).toBe('client-address-postalCode');
  });
});

describe('messages before the call', () => {
  const messages = (patch: Partial<ClientDraft>) => messagesBeforeCall(ClientInputSchema, draftToInput(draft(patch)), pathsToFormRows, 'Jahr?');

  it('words what the schema refuses as the core does, at the row of the form', () => {
    const languages = [
      { language: '', interpreterNeeded: false },
      { language: 'Farsi', interpreterNeeded: false },
      { language: '', interpreterNeeded: true },
    ];
    // The first row is empty and is not sent: the refused third row is the second one sent.
    expect(messages({ languages, email: 'keine-adresse' })).toEqual({
      familyName: 'Bitte ausfüllen.',
      email: 'Bitte eine gültige E-Mail-Adresse angeben.',
      'languages.2.language': 'Bitte ausfüllen.',
    });
  });

  it('adds a year that is not one, and finds nothing in what the core takes', () => {
    const qualification = { titleOriginal: 'Инженер', titleGerman: '', country: '', year: '08', kind: '', referenceOccupation: '', regulated: '' as const };
    expect(messages({ familyName: 'Müller', qualifications: [qualification] })).toEqual({ 'qualifications.0.year': 'Jahr?' });
    expect(messages({ familyName: 'Müller' })).toEqual({});
  });
});
