import type { FormDefinitionSource } from './definition';

/** A DIN 5008 letter with free text, to the client or a partner, for everything the other forms do not cover. */
export const freeLetter: FormDefinitionSource = {
  id: 'free-letter',
  version: 1,
  title: 'Freier Brief',
  description: 'Brief mit freiem Text an die Klientin, den Klienten oder einen Partner, z. B. Einladung oder Terminbrief.',
  layout: 'letter',
  recipient: 'client',
  letter: { subject: '{{subject}}', salutation: '{{salutation}}', closing: 'Mit freundlichen Grüßen', yourReference: 'yourReference' },
  sections: [
    {
      id: 'letter',
      title: 'Brief',
      fields: [
        { id: 'subject', type: 'text', label: 'Betreff', required: true, max: 200, print: 'none' },
        {
          id: 'yourReference',
          type: 'text',
          label: 'Ihr Zeichen',
          help: 'Zeichen oder Aktenzeichen der Empfängerin oder des Empfängers, falls bekannt; steht im Brief rechts oben.',
          max: 100,
        },
        { id: 'body', type: 'textarea', label: 'Text', required: true, max: 20000, print: 'paragraphs' },
      ],
    },
  ],
};
