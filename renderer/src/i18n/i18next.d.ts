import type { errorsDe } from '../../../shared/i18n/errors.de';
import type { de } from './de';

// Keys are checked at compile time against the German catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de; errors: typeof errorsDe };
  }
}
