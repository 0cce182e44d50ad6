import { foldName } from './fold';

/**
 * The languages Lotse knows by code (issue 17): the ones a document can be
 * translated into and the ones the people counselled in Düren speak. The
 * client record keeps its free-text `languages[].language` ("Persisch
 * (Dari)", "Arabisch", "Farsi"); `languageCodeOf` reads a code from it.
 * Codes are ISO 639-1 where there is one, else ISO 639-3 (`ckb` Sorani,
 * `kmr` Kurmanji).
 */
export interface LanguageInfo {
  code: string;
  /** As a German reader names it. */
  german: string;
  english: string;
  /** The endonym: how its speakers name it. */
  native: string;
  direction: 'ltr' | 'rtl';
  /** Further free-text names a client record may hold (folded when compared). */
  aliases: readonly string[];
}

export const LANGUAGE_CODES = [
  'ar',
  'fa',
  'ps',
  'ckb',
  'kmr',
  'ti',
  'am',
  'ka',
  'hy',
  'uk',
  'ru',
  'tr',
  'en',
  'fr',
  'so',
  'sq',
  'ro',
  'bg',
  'pl',
  'es',
] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const LANGUAGES: Readonly<Record<LanguageCode, LanguageInfo>> = {
  ar: {
    code: 'ar',
    german: 'Arabisch',
    english: 'Arabic',
    native: 'العربية',
    direction: 'rtl',
    aliases: ['arabisch', 'arabic', 'العربية', 'عربي', 'arabe', 'arapça', 'arabisch (syrisch)', 'arabisch (irakisch)', 'hocharabisch'],
  },
  fa: {
    code: 'fa',
    german: 'Persisch',
    english: 'Persian',
    native: 'فارسی',
    direction: 'rtl',
    aliases: ['persisch', 'persian', 'farsi', 'farsí', 'dari', 'fārsī', 'فارسی', 'دری', 'iranisch', 'afghanisch (dari)'],
  },
  ps: {
    code: 'ps',
    german: 'Paschtu',
    english: 'Pashto',
    native: 'پښتو',
    direction: 'rtl',
    aliases: ['paschtu', 'paschto', 'pashto', 'pashtu', 'pushtu', 'پښتو'],
  },
  ckb: {
    code: 'ckb',
    german: 'Kurdisch (Sorani)',
    english: 'Central Kurdish (Sorani)',
    native: 'کوردی',
    direction: 'rtl',
    aliases: ['sorani', 'soranî', 'zentralkurdisch', 'central kurdish', 'کوردی', 'kurdisch (sorani)'],
  },
  kmr: {
    code: 'kmr',
    german: 'Kurdisch (Kurmandschi)',
    english: 'Northern Kurdish (Kurmanji)',
    native: 'Kurmancî',
    direction: 'ltr',
    aliases: ['kurmandschi', 'kurmanci', 'kurmancî', 'kurmanji', 'nordkurdisch', 'northern kurdish', 'kurdisch (kurmandschi)'],
  },
  ti: { code: 'ti', german: 'Tigrinya', english: 'Tigrinya', native: 'ትግርኛ', direction: 'ltr', aliases: ['tigrinya', 'tigrinisch', 'tigrigna', 'ትግርኛ'] },
  am: { code: 'am', german: 'Amharisch', english: 'Amharic', native: 'አማርኛ', direction: 'ltr', aliases: ['amharisch', 'amharic', 'amharigna', 'አማርኛ'] },
  ka: { code: 'ka', german: 'Georgisch', english: 'Georgian', native: 'ქართული', direction: 'ltr', aliases: ['georgisch', 'georgian', 'ქართული', 'kartuli'] },
  hy: { code: 'hy', german: 'Armenisch', english: 'Armenian', native: 'Հայերեն', direction: 'ltr', aliases: ['armenisch', 'armenian', 'հայերեն', 'hayeren'] },
  uk: {
    code: 'uk',
    german: 'Ukrainisch',
    english: 'Ukrainian',
    native: 'Українська',
    direction: 'ltr',
    aliases: ['ukrainisch', 'ukrainian', 'українська', 'украинский', 'ukrainisch (muttersprache)'],
  },
  ru: {
    code: 'ru',
    german: 'Russisch',
    english: 'Russian',
    native: 'Русский',
    direction: 'ltr',
    aliases: ['russisch', 'russian', 'русский', 'російська', 'rusça'],
  },
  tr: {
    code: 'tr',
    german: 'Türkisch',
    english: 'Turkish',
    native: 'Türkçe',
    direction: 'ltr',
    aliases: ['türkisch', 'tuerkisch', 'turkish', 'türkçe', 'turkce'],
  },
  en: { code: 'en', german: 'Englisch', english: 'English', native: 'English', direction: 'ltr', aliases: ['englisch', 'english', 'ingilizce', 'английский'] },
  fr: {
    code: 'fr',
    german: 'Französisch',
    english: 'French',
    native: 'Français',
    direction: 'ltr',
    aliases: ['französisch', 'franzoesisch', 'french', 'français'],
  },
  so: { code: 'so', german: 'Somali', english: 'Somali', native: 'Soomaali', direction: 'ltr', aliases: ['somali', 'somalisch', 'soomaali', 'af-soomaali'] },
  sq: { code: 'sq', german: 'Albanisch', english: 'Albanian', native: 'Shqip', direction: 'ltr', aliases: ['albanisch', 'albanian', 'shqip'] },
  ro: {
    code: 'ro',
    german: 'Rumänisch',
    english: 'Romanian',
    native: 'Română',
    direction: 'ltr',
    aliases: ['rumänisch', 'rumaenisch', 'romanian', 'română', 'romana'],
  },
  bg: { code: 'bg', german: 'Bulgarisch', english: 'Bulgarian', native: 'Български', direction: 'ltr', aliases: ['bulgarisch', 'bulgarian', 'български'] },
  pl: { code: 'pl', german: 'Polnisch', english: 'Polish', native: 'Polski', direction: 'ltr', aliases: ['polnisch', 'polish', 'polski'] },
  es: {
    code: 'es',
    german: 'Spanisch',
    english: 'Spanish',
    native: 'Español',
    direction: 'ltr',
    aliases: ['spanisch', 'spanish', 'español', 'espanol', 'castellano'],
  },
};

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}

const normalize = (text: string): string => foldName(text).replace(/\s+/g, ' ').trim();

/** Every name (folded) → its code. */
const BY_NAME: ReadonlyMap<string, LanguageCode> = new Map(
  LANGUAGE_CODES.flatMap((code) => {
    const info = LANGUAGES[code];
    return [info.german, info.english, info.native, ...info.aliases].map((name) => [normalize(name), code] as const);
  }),
);

/**
 * The code of a language as a client record writes it, or null: case,
 * diacritics and extra words are folded away. The whole text first, then
 * what stands in parentheses, then each word (a code only as the whole text): "Persisch (Dari)" → `fa`,
 * "Farsi" → `fa`, "Arabisch (syrischer Dialekt)" → `ar`, "Klingonisch" → null.
 */
export function languageCodeOf(freeText: string): LanguageCode | null {
  const whole = normalize(freeText);
  if (whole === '') return null;
  // The code itself only as the whole text ("fa", "uk"): a word "am" or "es" in a sentence is no language.
  if (isLanguageCode(whole)) return whole;
  const candidates = [
    whole,
    ...[...whole.matchAll(/\(([^)]*)\)/g)].map((match) => normalize(match[1] ?? '')),
    normalize(whole.replace(/\([^)]*\)/g, ' ')),
    ...whole.split(/[^\p{L}\p{M}\p{N}-]+/u).filter((word) => word.length > 1),
  ];
  for (const candidate of candidates) {
    const code = BY_NAME.get(candidate);
    if (code) return code;
  }
  return null;
}
