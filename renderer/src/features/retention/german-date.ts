import { isIsoDate } from '../../../../shared/domain/iso-date';

/** `1.3.2023` or `01.03.2023` (or `2023-03-01`) as `2023-03-01`; null when it is no calendar day. */
export function parseGermanDate(typed: string): string | null {
  const trimmed = typed.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : trimmed;
  return isIsoDate(iso) ? iso : null;
}
