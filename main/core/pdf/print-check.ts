import type { ErrorMessage, FieldIssues } from '../../../shared/i18n/error-message';
import { DomainError } from '../errors';
import { rightToLeftCharacters, unprintableCharacters } from './fonts';
import type { PrintedText } from './printed-form';

/** Shows characters in a message; direction marks and the like are invisible, so they are named by code point. */
function shown(characters: string[]): string {
  return characters
    .map((character) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? character : `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))
    .join(' ');
}

/**
 * pdfmake has no font fallback (a character the fonts lack prints as an
 * empty box, without warning) and lays out right-to-left scripts backwards.
 * Refuse before rendering, naming each field: right-to-left text with its
 * own message, other missing characters with the characters.
 */
export function assertPrintable(texts: PrintedText[]): void {
  const fields: FieldIssues = {};
  const rightToLeft: string[] = [];
  const missingGlyphs: string[] = [];
  for (const { path, label, text } of texts) {
    const rtl = rightToLeftCharacters(text);
    if (rtl.length > 0) {
      fields[path] = { key: 'print.rightToLeftField', params: { label } };
      rightToLeft.push(label);
      continue;
    }
    const missing = unprintableCharacters(text);
    if (missing.length === 0) continue;
    fields[path] = { key: 'print.missingGlyphsField', params: { label, characters: shown(missing) } };
    missingGlyphs.push(label);
  }
  const message = unprintableMessage(rightToLeft, missingGlyphs);
  if (message) throw new DomainError('unprintable_text', message, fields);
}

/** What the document as a whole cannot print, by the labels of its fields; null when it can print everything. */
function unprintableMessage(rightToLeft: string[], missingGlyphs: string[]): ErrorMessage | null {
  const named = (labels: string[]) => labels.join(', ');
  if (rightToLeft.length > 0 && missingGlyphs.length > 0) {
    return { key: 'print.rightToLeftAndMissingGlyphs', params: { rightToLeft: named(rightToLeft), missingGlyphs: named(missingGlyphs) } };
  }
  if (rightToLeft.length > 0) return { key: 'print.rightToLeft', params: { labels: named(rightToLeft) } };
  if (missingGlyphs.length > 0) return { key: 'print.missingGlyphs', params: { labels: named(missingGlyphs) } };
  return null;
}
