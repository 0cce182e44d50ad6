import type { FieldErrors } from '../../../shared/api/errors';
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
  const fields: FieldErrors = {};
  const rightToLeft: string[] = [];
  const missingGlyphs: string[] = [];
  for (const { path, label, text } of texts) {
    const rtl = rightToLeftCharacters(text);
    if (rtl.length > 0) {
      fields[path] = `${label}: Rechts-nach-links-Schrift (z. B. Arabisch, Hebräisch) wird im PDF noch nicht unterstützt.`;
      rightToLeft.push(label);
      continue;
    }
    const missing = unprintableCharacters(text);
    if (missing.length === 0) continue;
    fields[path] = `${label}: Diese Zeichen kann die Schrift nicht drucken: ${shown(missing)}`;
    missingGlyphs.push(label);
  }
  const messages = [
    ...(rightToLeft.length > 0 ? [`Rechts-nach-links-Schrift wird im PDF noch nicht unterstützt (${rightToLeft.join(', ')}).`] : []),
    ...(missingGlyphs.length > 0 ? [`Das Dokument enthält Zeichen, die die Schrift nicht drucken kann (${missingGlyphs.join(', ')}).`] : []),
  ];
  if (messages.length > 0) throw new DomainError('unprintable_text', messages.join(' '), fields);
}
