import type { LetterContent } from '../../main/core/pdf/layouts/letter-content';

/** A letter with every part filled, some hostile strings and a body long enough for two pages. */

export const HOSTILE = [
  '<script>alert(1)</script>',
  `Sie sagte: "Nein" und 'doch' – „so“ ‚oder‘ »so«.`,
  '{{client.fullName}} ${process.env.HOME} %s &amp; \\) ( \\n',
];

export function sampleLetterContent(overrides: Partial<LetterContent> = {}): LetterContent {
  return {
    title: 'Ihr Antrag auf Beratung',
    author: 'Maria Schmitz',
    sender: {
      organization: 'Kreis Düren',
      department: 'Kommunales Integrationszentrum',
      street: 'Bismarckstr. 16',
      postalCode: '52351',
      city: 'Düren',
      room: 'Raum 2.14',
      phone: '02421 22-1234',
      email: 'ki@kreis-dueren.de',
      web: 'www.kreis-dueren.de',
      hours: 'Mo–Do 8:30–12:00 Uhr',
      contact: 'Frau Silke Nießen',
      logo: null,
    },
    returnAddress: 'Kreis Düren · Bismarckstr. 16 · 52351 Düren',
    recipientLines: ['Frau', 'Ayşe Yılmaz-Nguyễn', 'Hauptstraße 5', '52349 Düren'],
    infoBlock: [
      { label: 'Ihr Zeichen', value: 'AZ-77/2025' },
      { label: 'Ihre Nachricht vom', value: '' },
      { label: 'Unser Zeichen', value: 'KI-2025-0815' },
      { label: 'Ansprechpartnerin', value: 'Maria Schmitz' },
      { label: 'Telefon', value: '02421 22-1234' },
      { label: 'Datum', value: '12.03.2025' },
    ],
    subject: 'Ihr Antrag auf Beratung vom 3. März 2025',
    salutation: 'Sehr geehrte Frau Yılmaz-Nguyễn,',
    body: [
      'vielen Dank für Ihren Antrag. Wir haben ihn geprüft.\nDiese Zeile folgt nach einem einfachen Zeilenumbruch.',
      ...HOSTILE,
      ...Array.from(
        { length: 22 },
        (_, i) =>
          `Absatz ${i + 1}: Bitte bringen Sie zum Termin Ihren Pass, Ihre Meldebescheinigung und, falls vorhanden, Ihre Zeugnisse mit. Wir beraten Sie gern.`,
      ),
    ].join('\n\n'),
    closing: 'Mit freundlichen Grüßen',
    signature: ['Maria Schmitz', 'Integrationsberaterin'],
    attachments: ['Merkblatt Anerkennung', 'Antrag auf Kostenübernahme'],
    creationDate: new Date('2025-03-12T09:30:00Z'),
    ...overrides,
  };
}

/**
 * Letters whose bold text has "ü" but no "u": printing them makes pdfkit's
 * subsetter create the glyph "u" as a part of "ü", without a code point. The
 * sample letter printed after them (bold "u" in its subject) must still read
 * "u" and give the bytes it gives in a fresh process (fonts.ts, forgetGlyphs).
 * The third shapes the sample letter's words after a no-break space and a
 * soft hyphen, characters that share or borrow another's glyph: the words
 * fonts.ts keeps shaped across documents must not carry those code points
 * into the sample letter.
 */
export const LETTERS_BEFORE = (): LetterContent[] => [
  sampleLetterContent({ subject: 'Grüße vom Rhein', title: 'Grüße', body: 'Kurz.', attachments: ['Übersicht'] }),
  sampleLetterContent({ subject: 'Öffnungszeiten über Pfingsten', body: 'Ähnlich wie üblich.' }),
  sampleLetterContent({
    subject: 'Ihr\u00A0Antrag auf\u00ADBeratung vom 3.\u00A0März 2025',
    salutation: 'Sehr\u00A0geehrte Frau Yılmaz-Nguyễn,',
    body: 'Ihr Antrag auf Beratung vom 3. März 2025, offiziell und fristgerecht.',
  }),
];

/**
 * The sample letter to a client who writes her name in Arabic script, with a
 * paragraph in every script the fallback fonts print (issue 17). Words in
 * Noto Naskh Arabic share glyphs ("محمود" and "خ" the medial ح shape, "پښتو"
 * the dotless beh): the letter tests that those get distinct glyphs and read
 * back right, also after SCRIPT_LETTERS_BEFORE met them in another order.
 */
export function scriptLetterContent(): LetterContent {
  return sampleLetterContent({
    recipientLines: ['Herr', 'محمود حداد', 'Hauptstraße 5', '52349 Düren'],
    salutation: 'Sehr geehrter Herr محمود حداد,',
    body: [
      'محمود Mahmoud (Az. KI-2024-7)',
      'فاطمه رضایی می‌خواهم، پښتو ځدراڼ، شێرکۆ ڕەسوڵ (سوريا) ۱۴۰۲',
      'ሰላም ተስፋይ, ნინო ბერიძე, Արամ Պետրոսյան: bitte bringen Sie Ihren Pass mit.',
    ].join('\n\n'),
  });
}

/** Letters that meet the shared Naskh glyphs in another order than scriptLetterContent (خ before ح, ت before پ). */
export const SCRIPT_LETTERS_BEFORE = (): LetterContent[] => [
  sampleLetterContent({ body: 'خالد تقی بخش ڕەسوڵ ተስፋይ ბერიძე Պետրոսյան', subject: 'Termin' }),
  sampleLetterContent({ recipientLines: ['Frau', 'فاطمه رضایی', 'Hauptstraße 5', '52349 Düren'], body: 'محمود حداد' }),
];
