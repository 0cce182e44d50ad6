import { describe, expect, it } from 'vitest';
import { BUILT_IN_FORMS } from '../../../../shared/forms';
import { unknownPlaceholders } from '../../../../shared/forms/load';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { hasChanges, insertPlaceholder, placeholderChoices, templateChanges, templateDraft, templateInputId, templatePathOrder } from './template-edit';
import { sampleTemplate } from './sample-template';

const form = sampleTemplate;

describe('template edits', () => {
  it('starts from the definition, with the core’s label keys', () => {
    const draft = templateDraft(form);
    expect(draft.labels).toEqual({
      main: 'Angaben',
      subject: 'Betreff',
      kind: 'Art',
      'kind.a': 'A',
      costs: 'Kosten',
      'costs.amount': 'Betrag',
      privacy: 'Datenschutz',
    });
    expect(draft.blocks).toEqual({ privacy: { text: 'Ihre Daten …', stand: '2025-01-01' } });
    expect(draft.letter).toEqual({ subject: '{{subject}}', salutation: 'Guten Tag,', closing: 'Mit freundlichen Grüßen' });
  });

  it('sends only what changed', () => {
    const draft = templateDraft(form);
    const unchanged = templateChanges('sample', 3, form, draft);
    expect(unchanged).toEqual({ id: 'sample', baseVersion: 3, labels: {}, blocks: {}, translations: {} });
    expect(hasChanges(unchanged)).toBe(false);

    draft.labels['costs.amount'] = 'Betrag in Euro';
    draft.blocks.privacy = { text: 'Ihre Daten …', stand: '2026-02-01' };
    draft.letter = { subject: '{{subject}}', salutation: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen' };
    const changed = templateChanges('sample', 3, form, draft);
    expect(changed).toEqual({
      id: 'sample',
      baseVersion: 3,
      labels: { 'costs.amount': 'Betrag in Euro' },
      blocks: { privacy: { text: 'Ihre Daten …', stand: '2026-02-01' } },
      letter: { subject: '{{subject}}', salutation: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen' },
      translations: {},
    });
    expect(hasChanges(changed)).toBe(true);
  });

  it('names inputs after the core’s paths, in page order', () => {
    expect(templateInputId('labels.costs.amount')).toBe('tpl-labels-costs-amount');
    expect(templateInputId('blocks.privacy.text')).toBe('tpl-blocks-privacy-text');
    const order = templatePathOrder(form);
    expect(order.indexOf('labels.costs.amount')).toBeLessThan(order.indexOf('blocks.privacy.text'));
    expect(order[0]).toBe('title');
  });
});

/** A nested catalogue entry by its dotted path, as i18next looks it up. */
function lookUp(catalogue: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), catalogue);
}

describe('placeholders to insert', () => {
  it('offers the form’s own fields that print in a sentence, then the prefill paths by where they come from', () => {
    const choices = placeholderChoices(form);
    expect(choices.map((choice) => choice.group)).toEqual(['form', 'general', 'client', 'partner', 'settings', 'consent']);
    // Rows print as a table: `costs` is not offered.
    expect(choices[0]?.entries).toEqual([
      { name: 'subject', fieldLabel: 'Betreff' },
      { name: 'kind', fieldLabel: 'Art' },
    ]);
    expect(choices.find((choice) => choice.group === 'client')?.entries).toContainEqual({ name: 'client.fullName' });
    // A list of codes would print as codes.
    expect(choices.flatMap((choice) => choice.entries).map((entry) => entry.name)).not.toContain('client.counselingFields');
  });

  it('offers only what the core accepts, for every shipped template', () => {
    for (const definition of Object.values(BUILT_IN_FORMS)) {
      const names = placeholderChoices(definition).flatMap((choice) => choice.entries.map((entry) => `{{${entry.name}}}`));
      expect(unknownPlaceholders(definition, names.join(' ')), definition.id).toEqual([]);
    }
  });

  it('names every prefill path in German and English', () => {
    const paths = placeholderChoices(form)
      .filter((choice) => choice.group !== 'form')
      .flatMap((choice) => choice.entries.map((entry) => entry.name));
    for (const path of paths) {
      expect(lookUp(de.placeholderNames, path), `de ${path}`).toEqual(expect.any(String));
      expect(lookUp(en.placeholderNames, path), `en ${path}`).toEqual(expect.any(String));
    }
  });

  it('puts the placeholder in place of the selection, the caret after it', () => {
    expect(insertPlaceholder('Guten Tag ,', 10, 10, 'client.fullName')).toEqual({ text: 'Guten Tag {{client.fullName}},', caret: 29 });
    expect(insertPlaceholder('Hallo Welt', 6, 10, 'subject')).toEqual({ text: 'Hallo {{subject}}', caret: 17 });
    expect(insertPlaceholder('Ende', 99, 99, 'today')).toEqual({ text: 'Ende{{today}}', caret: 13 });
  });
});
