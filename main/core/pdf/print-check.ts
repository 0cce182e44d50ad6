import type { FieldIssues } from '../../../shared/i18n/error-message';
import { DomainError } from '../errors';
import { unprintableCharacters } from './fonts';
import type { PrintedText } from './printed-form';

/** Shows characters in a message; direction marks and the like are invisible, so they are named by code point. */
function shown(characters: string[]): string {
  return characters
    .map((character) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? character : `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))
    .join(' ');
}

/**
 * pdfmake prints a character no shipped font has as an empty box, without
 * warning. The shipped fonts (fonts.ts: Roboto, and Noto for Arabic script,
 * Ethiopic, Georgian and Armenian, chosen per run of text) print right to
 * left as well (script-layout.ts); what none of them covers — Hebrew, CJK,
 * emoji — is refused before rendering, naming each field and its characters.
 */
export function assertPrintable(texts: PrintedText[]): void {
  const fields: FieldIssues = {};
  const missingGlyphs: string[] = [];
  for (const { path, label, text } of texts) {
    const missing = unprintableCharacters(text);
    if (missing.length === 0) continue;
    fields[path] = { key: 'print.missingGlyphsField', params: { label, characters: shown(missing) } };
    missingGlyphs.push(label);
  }
  if (missingGlyphs.length > 0) throw new DomainError('unprintable_text', { key: 'print.missingGlyphs', params: { labels: missingGlyphs.join(', ') } }, fields);
}
