import type { TFunction } from 'i18next';
import { daysFrom } from '../../../../shared/domain/deadline-dates';
import { todayIso } from '../../../../shared/domain/iso-date';

/** Today at the desk, as `YYYY-MM-DD` (the core counts from the same clock). */
export function useToday(): string {
  return todayIso(new Date());
}

/** "heute", "morgen", "in 12 Tagen", "seit 3 Tagen überfällig": how far off a date is, in calendar days. */
export function relativeDay(t: TFunction, today: string, date: string): string {
  const days = daysFrom(today, date);
  if (days === 0) return t('deadlines.relative.today');
  if (days === 1) return t('deadlines.relative.tomorrow');
  if (days > 1) return t('deadlines.relative.inDays', { count: days });
  return t('deadlines.relative.overdueDays', { count: -days });
}
