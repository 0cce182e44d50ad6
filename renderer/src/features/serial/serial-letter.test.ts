import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { FormDefinitionSchema } from '../../../../shared/forms/definition';
import { i18nOptions } from '../../i18n';
import {
  batchFilter,
  blankSharedValues,
  clampIndex,
  hasCriterion,
  isSerialTemplate,
  mergeNameKey,
  MONTH_CHOICES,
  NO_FILTER,
  perClientLabels,
  progressMilestone,
  serialFileName,
  sharedPart,
  tickedIds,
} from './serial-letter';

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

describe('serial letter wording: counts in German and English (i18next plurals)', () => {
  async function translator(language: 'de' | 'en') {
    const instance = i18next.createInstance();
    await instance.init(i18nOptions(language));
    return instance.t;
  }

  it('says the permit filter as a person would: "im nächsten Monat", "in den nächsten 3 Monaten"', async () => {
    const de = await translator('de');
    expect(MONTH_CHOICES.map((months) => de('serial.months', { count: Number(months) }))).toEqual([
      'im nächsten Monat',
      'in den nächsten 2 Monaten',
      'in den nächsten 3 Monaten',
      'in den nächsten 6 Monaten',
      'in den nächsten 9 Monaten',
      'in den nächsten 12 Monaten',
      'in den nächsten 18 Monaten',
      'in den nächsten 24 Monaten',
    ]);
    const en = await translator('en');
    expect(en('serial.months', { count: 1 })).toBe('within the next month');
    expect(en('serial.months', { count: 3 })).toBe('within the next 3 months');
  });

  it('names the count in the confirmation, the choice of everyone and the sample', async () => {
    const de = await translator('de');
    expect(de('serial.confirmTitle', { count: 18 })).toBe('18 Briefe endgültig erstellen?');
    expect(de('serial.confirmTitle', { count: 1 })).toBe('1 Brief endgültig erstellen?');
    expect(de('serial.confirmButton', { count: 18 })).toBe('18 Briefe erstellen');
    expect(de('serial.audienceEveryone', { count: 18 })).toBe('alle 18 Klient*innen');
    expect(de('serial.count', { count: 1 })).toBe('1 Klient*in bekommt den Brief.');
    expect(de('serial.samplePosition', { index: 3, total: 18, name: 'Olena Kovalenko' })).toBe('Brief 3 von 18: Olena Kovalenko');
    expect(de('serial.unfilledBlock', { count: 2, names: 'A, B' })).toContain('Bei 2 angehakten Personen bleiben Platzhalter leer: A, B.');
    const en = await translator('en');
    expect(en('serial.confirmTitle', { count: 18 })).toBe('Create 18 final letters?');
    expect(en('serial.confirmTitle', { count: 1 })).toBe('Create 1 final letter?');
    expect(en('serial.audienceEveryone', { count: 18 })).toBe('all 18 clients');
  });
});

describe('serial letter helpers: audience, ticks, paging', () => {
  it('sends an empty filter only as "everyone", said so', () => {
    expect(hasCriterion(NO_FILTER)).toBe(false);
    expect(hasCriterion({ ...NO_FILTER, months: '3' })).toBe(true);
    expect(batchFilter({ ...NO_FILTER, months: '3' }, 'everyone')).toEqual({ everyone: true });
  });

  it('keeps the ticked in list order and a sample page in range', () => {
    expect(tickedIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }], new Set(['b']))).toEqual(['a', 'c']);
    expect(clampIndex(5, 3)).toBe(2);
    expect(clampIndex(1, 0)).toBe(0);
    expect(mergeNameKey('client.residenceValidUntil')).toBe('residenceValidUntil');
    expect(mergeNameKey('client.birthDate')).toBeNull();
  });
});
