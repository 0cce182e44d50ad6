import { addDays, addMonths, format, parse } from 'date-fns';

/** Calendar dates travel as `YYYY-MM-DD` strings (DESIGN.md §2). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date such as 2024-02-29 (not 2023-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in the local time zone of the desk, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return formatIso(now);
}

/** `1990-03-12` → `12.03.1990`, the form German letters print. */
export function formatGermanDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** `YYYY-MM-DD` plus (or minus) whole days, counted on the calendar, not in hours. */
export function addDaysIso(iso: string, days: number): string {
  return formatIso(addDays(parseIsoDate(iso), days));
}

/** `YYYY-MM-DD` plus whole months; a day the month lacks becomes its last (31 Aug + 6 → 28/29 Feb). */
export function addMonthsIso(iso: string, months: number): string {
  return formatIso(addMonths(parseIsoDate(iso), months));
}

function parseIsoDate(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`not a calendar date: ${iso}`);
  return parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

function formatIso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}
