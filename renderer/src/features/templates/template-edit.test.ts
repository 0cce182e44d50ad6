import { describe, expect, it } from 'vitest';
import { loadFormDefinition } from '../../../../shared/forms/load';
import { hasChanges, templateChanges, templateDraft, templateInputId, templatePathOrder } from './template-edit';

const form = loadFormDefinition({
  id: 'sample',
  version: 3,
  title: 'Beispiel',
  layout: 'letter',
  recipient: 'client',
  letter: { subject: '{{subject}}', salutation: 'Guten Tag,', closing: 'Mit freundlichen Grüßen' },
  sections: [
    {
      id: 'main',
      title: 'Angaben',
      fields: [
        { id: 'subject', type: 'text', label: 'Betreff' },
        { id: 'kind', type: 'select', label: 'Art', options: [{ value: 'a', label: 'A' }] },
        { id: 'costs', type: 'lines', label: 'Kosten', columns: [{ id: 'amount', type: 'money', label: 'Betrag' }] },
        { id: 'privacy', type: 'block', label: 'Datenschutz', text: 'Ihre Daten …', stand: '2025-01-01' },
      ],
    },
  ],
});

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
    expect(unchanged).toEqual({ id: 'sample', baseVersion: 3, labels: {}, blocks: {} });
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
