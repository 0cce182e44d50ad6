import type { Settings } from '../../../shared/api/contract';
import { addressBlock } from './address-block';
import { din5008Letter } from './layouts/din5008-letter';
import { letterContent } from './letter-assembly';
import { renderPdf, type RenderedPdfBytes } from './render';

/**
 * A short sample letter with the letterhead of `settings`: what every letter
 * will look like. Recipient, subject and text are made up and say what the
 * parts of the page are for.
 */
export function renderLetterheadSample(settings: Settings, creationDate: Date): Promise<RenderedPdfBytes> {
  const content = letterContent({
    settings,
    recipientLines: addressBlock({ name: 'Frau Ayşe Beispiel', street: 'Musterstraße 1', postalCode: '52349', city: 'Düren' }).lines,
    subject: 'Beispielbrief: So sehen Ihre Briefe aus',
    salutation: 'Sehr geehrte Frau Beispiel,',
    body: [
      'dieser Brief zeigt den Briefkopf mit den Angaben aus den Einstellungen: Absender und Logo oben, die Rücksendeangabe über der Anschrift im Sichtfenster, rechts die Angaben zur Ansprechperson, unten Anschrift, Sprechzeiten und Kontakt.',
      'Der Text eines Briefes beginnt zwei Leerzeilen unter dem Anschriftfeld. Falz- und Lochmarken am linken Rand helfen beim Falten für Fensterumschläge.',
    ].join('\n\n'),
    closing: 'Mit freundlichen Grüßen',
    yourReference: '',
    fileNumber: 'KI-2026-0001',
    attachments: ['Merkblatt (Beispiel)'],
    creationDate,
    reference: 'Briefkopf-Vorschau · Beispiel',
    keywords: 'Brief, Briefkopf-Vorschau, Lotse',
  });
  return renderPdf(din5008Letter(content));
}
