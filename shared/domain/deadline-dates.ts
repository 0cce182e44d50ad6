import { differenceInCalendarDays, endOfMonth, endOfWeek, format, parse } from 'date-fns';

/**
 * The calendar the deadline list is grouped by (deadlines.list): overdue
 * before `today`, "diese Woche" up to this Sunday, "diesen Monat" up to the
 * month's last day, "später" after that. Days are calendar days, not hours.
 */

const parseIso = (iso: string) => parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
const formatIso = (date: Date) => format(date, 'yyyy-MM-dd');

export interface DeadlineBounds {
  today: string;
  /** The last day of "diese Woche": Sunday (German weeks start on Monday). */
  weekEnd: string;
  /** The last day of "diesen Monat" (never before weekEnd: a week that runs into next month belongs to "diese Woche"). */
  monthEnd: string;
}

export function deadlineBounds(today: string): DeadlineBounds {
  const day = parseIso(today);
  const weekEnd = formatIso(endOfWeek(day, { weekStartsOn: 1 }));
  const monthEnd = formatIso(endOfMonth(day));
  return { today, weekEnd, monthEnd: monthEnd < weekEnd ? weekEnd : monthEnd };
}

/** Whole calendar days from `today` to `date`: 0 today, 1 tomorrow, -3 three days ago. */
export function daysFrom(today: string, date: string): number {
  return differenceInCalendarDays(parseIso(date), parseIso(today));
}
