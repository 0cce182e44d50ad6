/**
 * Numbers as counselors type them: German style ("1.234,56"), with the
 * dot-decimal a keyboard's number pad gives ("12.50") tolerated where it
 * cannot mean thousands. Money travels as whole cents (shared/forms/values.ts).
 */

/** More digits than this cannot be an amount on these forms, and would lose precision. */
const MAX_DIGITS = 13;

/** Spaces of every width, and a trailing euro sign or "EUR". */
function stripDecoration(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, '').replace(/(€|EUR|Euro)$/i, '');
}

/** Integer and fraction digits of an unsigned decimal, or null when it does not read as one. */
function splitDecimal(text: string, maxFraction: number): { whole: string; fraction: string } | null {
  const fraction = maxFraction > 0 ? `(?:,(\\d{1,${maxFraction}}))?` : '';
  const grouped = new RegExp(`^(\\d{1,3}(?:\\.\\d{3})+)${fraction}$`).exec(text);
  if (grouped) return { whole: (grouped[1] ?? '').replace(/\./g, ''), fraction: grouped[2] ?? '' };
  const plain = new RegExp(`^(\\d+)${fraction}$`).exec(text);
  if (plain) return { whole: plain[1] ?? '', fraction: plain[2] ?? '' };
  // "12.50": a dot followed by fewer than three digits cannot be a thousands separator.
  const dotted = maxFraction > 0 ? new RegExp(`^(\\d+)\\.(\\d{1,${Math.min(maxFraction, 2)}})$`).exec(text) : null;
  if (dotted) return { whole: dotted[1] ?? '', fraction: dotted[2] ?? '' };
  return null;
}

/** "1.234,56" → 123456; "" → null; undefined when the text is no amount. */
export function parseEuroCents(text: string): number | null | undefined {
  const cleaned = stripDecoration(text);
  if (cleaned === '') return null;
  const parts = splitDecimal(cleaned, 2);
  if (!parts || parts.whole.length > MAX_DIGITS) return undefined;
  return Number(parts.whole) * 100 + Number(parts.fraction.padEnd(2, '0'));
}

/** 123456 → "1.234,56" (the euro sign stands beside the input). */
export function formatEuroCents(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(Math.round(cents));
  const whole = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = String(absolute % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole},${fraction}`;
}

/** "1,5" → 1.5, "-3" → -3, "1.000" → 1000; "" → null; undefined when the text is no number. */
export function parseGermanNumber(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00A0\u202F]+/g, '');
  if (cleaned === '') return null;
  const negative = cleaned.startsWith('-');
  const parts = splitDecimal(negative ? cleaned.slice(1) : cleaned, 4);
  if (!parts || parts.whole.length > MAX_DIGITS) return undefined;
  const value = Number(`${parts.whole}.${parts.fraction || '0'}`);
  return negative ? -value : value;
}

/** 1.5 → "1,5" (no grouping: the way it is typed). */
export function formatGermanNumber(value: number): string {
  return String(value).replace('.', ',');
}
