import type { FormDefinition } from './definition';

/** A DIN 5008 letter with free text, for everything the other forms do not cover. */
export const freeLetter: FormDefinition = {
  id: 'free-letter',
  version: 1,
  title: 'Freier Brief',
  layout: 'letter',
  recipient: 'client',
  sections: [
    {
      id: 'letter',
      title: 'Brief',
      fields: [
        { id: 'subject', type: 'text', label: 'Betreff', required: true, max: 200 },
        { id: 'body', type: 'textarea', label: 'Text', required: true, max: 20000 },
      ],
    },
  ],
};
