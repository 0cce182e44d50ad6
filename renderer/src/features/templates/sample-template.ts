import { loadFormDefinition } from '../../../../shared/forms/load';

/** A small letter template with one field of each kind the template editors treat apart: for their tests. */
export const sampleTemplate = loadFormDefinition({
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
