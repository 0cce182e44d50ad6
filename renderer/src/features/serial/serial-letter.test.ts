import { describe, expect, it } from 'vitest';
import { FormDefinitionSchema } from '../../../../shared/forms/definition';
import { batchFilter, blankSharedValues, isSerialTemplate, NO_FILTER, perClientLabels, progressMilestone, serialFileName, sharedPart } from './serial-letter';

const form = FormDefinitionSchema.parse({
  id: 'probe',
  version: 1,
  title: 'Probe',
  layout: 'form',
  recipient: 'none',
  sections: [
    {
      id: 'person',
      title: 'Person',
      fields: [
        { id: 'name', type: 'text', label: 'Name', prefill: 'client.fullName' },
        { id: 'birth', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate' },
      ],
    },
    {
      id: 'letter',
      title: 'Brief',
      fields: [
        { id: 'note', type: 'block', label: 'Hinweis', text: 'Bitte lesen.' },
        { id: 'subject', type: 'text', label: 'Betreff', required: true },
        { id: 'phone', type: 'text', label: 'Telefon', prefill: 'settings.office.phone' },
      ],
    },
  ],
});

describe('serial letter helpers', () => {
  it('keeps only what is the same for everyone', () => {
    expect(sharedPart(form).sections.map((section) => section.fields.map((field) => field.id))).toEqual([['note', 'subject']]);
    expect(perClientLabels(form)).toEqual(['Name', 'Geburtsdatum', 'Telefon']);
    expect(blankSharedValues(form)).toEqual({ subject: '' });
  });

  it('offers templates for clients, not for partners or consent forms', () => {
    expect(isSerialTemplate(form)).toBe(true);
    expect(isSerialTemplate({ ...form, recipient: 'partner' })).toBe(false);
    expect(isSerialTemplate({ ...form, effect: 'consent-record' })).toBe(false);
  });

  it('builds the filter the API takes', () => {
    expect(batchFilter(NO_FILTER)).toEqual({});
    expect(batchFilter({ residenceStatus: 'p104c', months: '6', counselingField: 'recognition' })).toEqual({
      residenceStatus: 'p104c',
      permitEndsWithinMonths: 6,
      counselingField: 'recognition',
    });
  });

  it('speaks progress at every tenth and at the end', () => {
    expect(progressMilestone(0, 50)).toBe(0);
    expect(progressMilestone(4, 50)).toBe(0);
    expect(progressMilestone(5, 50)).toBe(5);
    expect(progressMilestone(12, 50)).toBe(10);
    expect(progressMilestone(50, 50)).toBe(50);
    expect(progressMilestone(2, 3)).toBe(2);
    expect(progressMilestone(0, 0)).toBe(0);
  });

  it('names the PDF', () => {
    expect(serialFileName('Freier Brief', new Date(2026, 10, 25, 12))).toBe('Serienbrief-Freier_Brief-2026-11-25.pdf');
  });
});
