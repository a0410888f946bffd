import type { Calendar } from '../schedule/calendar.ts';
import { isWorkingDay, type DayKind, type WorkSchedule } from '../schedule/work-week.ts';
import { addDays, type LocalDate } from '../schedule/time.ts';

/** How far back a streak is followed; also how much history the caller reads for it. */
export const STREAK_LOOK_BACK_DAYS = 400;

/**
 * How many telework days in a row, ending today, the person checked in. Days off in their own working week,
 * holidays and days they marked as office or leave neither count nor break the streak; a working day without a
 * check-in ends it.
 */
export function streakOf(
  today: LocalDate,
  checkedIn: ReadonlySet<LocalDate>,
  marks: ReadonlyMap<LocalDate, DayKind>,
  schedule: WorkSchedule,
  calendar: Calendar,
): number {
  let count = 0;
  for (let i = 0, day = today; i < STREAK_LOOK_BACK_DAYS; i++, day = addDays(day, -1)) {
    if (checkedIn.has(day)) {
      count++;
      continue;
    }
    const mark = marks.get(day);
    // An office day is a working day, but not a telework one: it asks for no check-in.
    const teleworkDay = mark !== 'office' && isWorkingDay(schedule, day, calendar, mark);
    // Today without a check-in yet does not end a streak that reaches yesterday.
    if (teleworkDay && day !== today) break;
  }
  return count;
}
