import { formatGermanDate, isIsoDate } from '../../../shared/domain/iso-date';

/**
 * A day as German forms write it: `01.03.2023` or `1.3.2023` (a pasted
 * `2023-03-01` is read too), as `2023-03-01`; null when it is empty or no
 * calendar day (31.04., 29.02. outside a leap year). Years have four digits:
 * `01.03.23` is refused rather than guessed (1923 or 2023?).
 */
export function parseGermanDate(typed: string): string | null {
  const trimmed = typed.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : trimmed;
  return isIsoDate(iso) ? iso : null;
}

/** What a date field shows for a value: `2023-03-01` as `01.03.2023`; anything else (empty, a refused text) as it is. */
export function germanDateText(value: string): string {
  return isIsoDate(value) ? formatGermanDate(value) : value;
}
