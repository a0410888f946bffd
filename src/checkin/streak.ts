import type { Calendar } from '../schedule/calendar.ts';
import { addDays, weekdayOf, type LocalDate } from '../schedule/time.ts';

const LOOK_BACK_DAYS = 400;

/**
 * How many telework days in a row, ending today, the person checked in. Weekends, holidays and days they marked as
 * office or leave neither count nor break the streak; a working day without a check-in ends it.
 */
export function streakOf(
  today: LocalDate,
  checkedIn: ReadonlySet<LocalDate>,
  notTelework: ReadonlySet<LocalDate>,
  calendar: Calendar,
): number {
  let count = 0;
  for (let i = 0, day = today; i < LOOK_BACK_DAYS; i++, day = addDays(day, -1)) {
    if (checkedIn.has(day)) {
      count++;
      continue;
    }
    const weekday = weekdayOf(day);
    const workingDay = weekday !== 0 && weekday !== 6 && !calendar.holidayOn(day) && !notTelework.has(day);
    // Today without a check-in yet does not end a streak that reaches yesterday.
    if (workingDay && day !== today) break;
  }
  return count;
}
