import type { Client } from '../../../shared/api/contract';
import { formatGermanDate, todayIso } from '../../../shared/domain/iso-date';

/** Calendar dates print as dd.mm.yyyy, as in German letters, whatever the interface language. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatGermanDate(iso) : '';
}

const TIMESTAMP_FORMAT = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIMESTAMP_FORMAT.format(date);
}

/** The local calendar date of a timestamp, as `YYYY-MM-DD`. */
export function localIsoDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : todayIso(date);
}

/** "Anna Müller", as in a letter's address. */
export { fullName } from '../../../shared/domain/person-name';

/** "Müller, Anna", as in a sorted list. */
export function listName(client: Pick<Client, 'givenName' | 'familyName'>): string {
  return [client.familyName, client.givenName].filter((part) => part.trim() !== '').join(', ');
}

/** A client's or partner's address as a letter has it: the addition (c/o, Unterkunft …) above the street, then postcode and city. */
export function addressLines(holder: Pick<Client, 'address'>): string[] {
  const { addition, street, postalCode, city } = holder.address;
  return [addition, street, [postalCode, city].filter((part) => part.trim() !== '').join(' ')].filter((line) => line.trim() !== '');
}

/** A name that every file system accepts: no path separators, reserved or control characters. */
export function safeFileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_]+|[.\s_]+$/g, '')
    .slice(0, 80);
  return cleaned === '' ? 'ohne-Namen' : cleaned;
}

/** A letter of a script other than Latin (Arabic, Cyrillic, Ethiopic, Georgian …). */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/**
 * The names among a person's other names that are written in a script of their
 * own (محمود حداد beside Mahmoud Haddad): shown next to the Latin form, so the
 * counselor sees the name as the person writes it.
 */
export function ownScriptNames(otherNames: readonly string[]): string[] {
  return otherNames.filter((name) => NON_LATIN_LETTER.test(name));
}
