/**
 * Folding of names for search (DESIGN.md §4): lower case, diacritics removed,
 * ß → ss, and the German transliterations ä → ae, ö → oe, ü → ue indexed as
 * well, so that `Muller`, `Mueller` and `Müller` all find Müller.
 */

const GERMAN_TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** Letters that Unicode decomposition leaves alone but a German reader equates. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

function replaceSpecialLetters(text: string): string {
  return text.replace(/[ßẞæœøđðłıþ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** The plain folded form: `Nguyễn` → `nguyen`, `Şükrü` → `sukru`, `Nießen` → `niessen`. */
export function foldName(text: string): string {
  return stripMarks(replaceSpecialLetters(text.toLocaleLowerCase('de-DE')));
}

/**
 * Every folded form under which a name is indexed: the plain one and, when it
 * contains ä/ö/ü, the German transliteration (`müller` → `muller`, `mueller`).
 */
export function foldedVariants(text: string): string[] {
  const lower = text.toLocaleLowerCase('de-DE');
  const variants = new Set([foldName(lower)]);
  if (/[äöü]/.test(lower)) {
    variants.add(foldName(lower.replace(/[äöü]/g, (umlaut) => GERMAN_TRANSLITERATION[umlaut] ?? umlaut)));
  }
  return [...variants];
}

/** Words of a folded text, split at anything that is not a letter or digit. */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * A key under which German spelling variants meet: folded, then ae/oe/ue
 * reduced to the plain vowel, so Düren, Dueren and Duren, or Müller, Mueller
 * and Muller, give one key. For matching names of agencies, where a false
 * match costs little and a missed one means a duplicate.
 */
export function looseKey(text: string): string {
  return foldName(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/\s+/g, ' ').trim();
}
