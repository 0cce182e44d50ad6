/**
 * Completed years of life on `day` of a person born on `birthDate` (both
 * `YYYY-MM-DD`): one more from the birthday on. Someone born on 29 February
 * completes a year on 1 March in other years (§ 188 BGB: the year ends with
 * 28 February).
 */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // `MM-DD` strings compare as the calendar does.
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
