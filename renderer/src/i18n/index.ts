import i18next, { type InitOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorsDe } from '../../../shared/i18n/errors.de';
import { errorsEn } from '../../../shared/i18n/errors.en';
import { de } from './de';
import { en } from './en';
import { ERRORS_NS } from './errors';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'lotse.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'de';
  } catch {
    return 'de';
  }
}

/** The interface's texts and the error messages the core shares with it, as one i18next setup (also for tests). */
export function i18nOptions(language: Language): InitOptions {
  return {
    resources: { de: { translation: de, [ERRORS_NS]: errorsDe }, en: { translation: en, [ERRORS_NS]: errorsEn } },
    ns: ['translation', ERRORS_NS],
    defaultNS: 'translation',
    lng: language,
    fallbackLng: 'de',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes text itself; escaping here would show &lt; for a < in a client's name.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/** German unless the person chose English in Einstellungen. Synchronous: the resources are bundled. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init(i18nOptions(storedLanguage()));
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'de';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds until the page is reloaded.
  }
  await i18next.changeLanguage(language);
}
