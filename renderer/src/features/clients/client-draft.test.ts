import { describe, expect, it } from 'vitest';
import { draftToInput, emptyDraft, fieldOrder, inputId, type ClientDraft } from './client-draft';

function draft(patch: Partial<ClientDraft>): ClientDraft {
  return { ...emptyDraft(), ...patch };
}

describe('client form → contract input', () => {
  it('sends "not chosen" as null and trims numbers', () => {
    const { input } = draftToInput(draft({ familyName: 'Müller', address: { street: '', postalCode: ' 52349 ', city: 'Düren' }, email: ' a@b.de ' }));
    expect(input).toMatchObject({
      familyName: 'Müller',
      sex: null,
      birthDate: null,
      preferredContact: null,
      residenceStatus: null,
      residenceValidUntil: null,
      germanLevel: { level: null, certificate: '', certificateDate: null },
      address: { postalCode: '52349', city: 'Düren' },
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
    expect(ok.invalidYears).toEqual([]);
    const bad = draftToInput(
      draft({
        familyName: 'X',
        qualifications: [
          { ...row, year: '08' },
          { ...row, year: '', regulated: '' },
        ],
      }),
    );
    expect(bad.invalidYears).toEqual([0]);
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
