import i18next from 'i18next';
import { germanText, type ErrorMessage } from '../../../shared/i18n/error-message';
import { wordMessage, type MessageData } from '../../../shared/i18n/format-message';

/** The i18next namespace of the error catalogue (shared/i18n/errors.*.ts), the one the core words its German from. */
export const ERRORS_NS = 'errors';

/** i18next's `t` for keys that arrive as data, not as literals the compiler could check. */
type TranslateKey = (key: string, options: { ns: typeof ERRORS_NS; replace: Record<string, string | number> }) => string;

/**
 * An error message in the language of the interface. Undefined when this
 * renderer does not know the key (a newer host) or i18next is not set up:
 * then the host's German text is shown.
 */
export function wordError(message: MessageData): string | undefined {
  if (!i18next.isInitialized) return undefined;
  const translate = i18next.t.bind(i18next) as unknown as TranslateKey;
  // `replace` carries the values, so a param such as `count` is never taken for an i18next option.
  return wordMessage(message, (key, params) => (i18next.exists(key, { ns: ERRORS_NS }) ? translate(key, { ns: ERRORS_NS, replace: params }) : undefined));
}

/** A message of the catalogue in the interface's language; in German, as the core words it, should i18next not know it. */
export function wordCatalogueError(message: ErrorMessage): string {
  return wordError(message) ?? germanText(message);
}
