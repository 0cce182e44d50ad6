import type { Content } from 'pdfmake/interfaces';
import type { Settings } from '../../../shared/api/contract';
import { formatGermanDate, todayIso } from '../../../shared/domain/iso-date';
import type { LetterContent } from './layouts/letter-content';
import { printableLogo } from './logo';

/**
 * The parts of a DIN 5008 letter that come from the settings rather than the
 * form: sender, return address, information block and signature.
 */

function joinNonEmpty(parts: string[], separator: string): string {
  return parts.filter((part) => part.trim() !== '').join(separator);
}

/** One line for the Zusatz- und Vermerkzone: organization and the post box (else the street), e.g. `Kreis Düren · Postfach · 52348 Düren`. */
export function returnAddressOf(office: Settings['office']): string {
  const place = office.postbox
    ? [office.postbox.label, joinNonEmpty([office.postbox.postalCode, office.postbox.city], ' ')]
    : [office.street, joinNonEmpty([office.postalCode, office.city], ' ')];
  return joinNonEmpty([office.organization, ...place], ' · ');
}

/** The printed date: the day of `date` on the desk's clock, `dd.mm.yyyy`. */
export function printedDate(date: Date): string {
  return formatGermanDate(todayIso(date));
}

/**
 * Information block rows in DIN 5008 order: the recipient's reference and
 * our file number (where the document has them), the counselor (else the
 * office's contact), room, phone, e-mail, date. The layout leaves out rows
 * without a value.
 */
export function infoBlockRows(settings: Settings, options: { yourReference?: string; fileNumber: string; date: Date }): LetterContent['infoBlock'] {
  const { office, counselor } = settings;
  return [
    { label: 'Ihr Zeichen', value: options.yourReference ?? '' },
    { label: 'Unser Zeichen', value: options.fileNumber },
    { label: 'Ansprechpartner/-in', value: counselor.name || office.contact },
    { label: 'Zimmer', value: office.room },
    { label: 'Telefon', value: counselor.phone || office.phone },
    { label: 'E-Mail', value: counselor.email || office.email },
    { label: 'Datum', value: printedDate(options.date) },
  ];
}

export interface LetterParts {
  settings: Settings;
  recipientLines: string[];
  subject: string;
  salutation: string;
  closing: string;
  /** Free text or laid-out content (see `LetterContent.body`). */
  body: string | Content[];
  /** "Ihr Zeichen": the recipient's reference; '' or left out for none. */
  yourReference?: string;
  /** "Unser Zeichen"; '' for none. */
  fileNumber: string;
  /** The "Anlagen" list under the signature; none: no list. */
  attachments?: string[];
  creationDate: Date;
  /** PDF title when the subject is empty. */
  fallbackTitle?: string;
  reference?: string;
  keywords?: string;
}

/** A letter's content: the parts the form gives, the rest from the settings. */
export function letterContent(parts: LetterParts): LetterContent {
  const { office, counselor } = parts.settings;
  return {
    title: parts.subject.trim() !== '' ? parts.subject : (parts.fallbackTitle ?? ''),
    author: joinNonEmpty([counselor.name, office.organization], ', '),
    sender: {
      organization: office.organization,
      department: office.department,
      street: office.street,
      postalCode: office.postalCode,
      city: office.city,
      room: office.room,
      phone: office.phone,
      email: office.email,
      web: office.web,
      hours: office.hours,
      contact: office.contact,
      logo: office.logo ? printableLogo(office.logo) : null,
    },
    returnAddress: returnAddressOf(office),
    recipientLines: parts.recipientLines,
    infoBlock: infoBlockRows(parts.settings, { yourReference: parts.yourReference ?? '', fileNumber: parts.fileNumber, date: parts.creationDate }),
    subject: parts.subject,
    salutation: parts.salutation,
    body: parts.body,
    closing: parts.closing,
    signature: [counselor.name, counselor.title].filter((line) => line.trim() !== ''),
    attachments: (parts.attachments ?? []).filter((line) => line.trim() !== ''),
    creationDate: parts.creationDate,
    ...(parts.reference !== undefined ? { reference: parts.reference } : {}),
    ...(parts.keywords !== undefined ? { keywords: parts.keywords } : {}),
  };
}
