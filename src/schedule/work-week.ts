/**
 * A person's working week in their own time zone: which weekdays, when the day starts and ends. Pure: the
 * caller brings the company calendar and, when it matters, the person's own mark for the day.
 */
import type { Calendar } from './calendar.ts';
import {
  addDays,
  effectiveTimeZone,
  localDateOf,
  parseClock,
  weekdayOf,
  zonedInstant,
  type LocalDate,
} from './time.ts';

/** 出社 (working, but at the office: no telework check-in) or 休暇 (not working). */
export type DayKind = 'office' | 'leave';

/** A person's own mark on one local date; the latest mark wins. */
export interface DayMark {
  date: LocalDate;
  kind: DayKind;
  setAt: Date;
}

export interface WorkSchedule {
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
  /** Minutes since local midnight. */
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_START = parseClock('09:00');
export const DEFAULT_END = parseClock('18:00');

/** A schedule from stored values; anything missing takes the company default, an unknown zone becomes Tokyo. */
export function workSchedule(opts: {
  timeZone?: string | null;
  workingDays?: readonly number[] | null;
  start?: string | number | null;
  end?: string | number | null;
}): WorkSchedule {
  const minute = (v: string | number | null | undefined, d: number) =>
    v === null || v === undefined ? d : typeof v === 'number' ? v : parseClock(v);
  const days = opts.workingDays ?? DEFAULT_WORKING_DAYS;
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new Error(`Working days are 0 (Sunday) … 6 (Saturday): ${JSON.stringify(days)}`);
  }
  const s: WorkSchedule = {
    timeZone: effectiveTimeZone(opts.timeZone),
    workingDays: [...new Set(days)].sort(),
    startMinute: minute(opts.start, DEFAULT_START),
    endMinute: minute(opts.end, DEFAULT_END),
  };
  for (const m of [s.startMinute, s.endMinute]) {
    if (!Number.isInteger(m) || m < 0 || m >= 24 * 60) throw new Error(`Not a time of day: ${m} minutes`);
  }
  return s;
}

/** Bit d set = weekday d is a working day; the form stored in user_schedules.working_days. */
export function workingDaysMask(days: readonly number[]): number {
  return days.reduce((m, d) => m | (1 << d), 0);
}

export function workingDaysFromMask(mask: number): number[] {
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => (mask & (1 << d)) !== 0);
}

/**
 * Whether the person works on that local date: a working weekday, not a company/national holiday, not on leave.
 * An office day is a working day (they work, at the office); callers about telework skip it themselves.
 */
export function isWorkingDay(s: WorkSchedule, date: LocalDate, calendar: Calendar, mark?: DayKind): boolean {
  if (mark === 'leave') return false;
  return s.workingDays.includes(weekdayOf(date)) && !calendar.holidayOn(date);
}

/**
 * The first start (or end) of a working day strictly after `after`. `marks` looks up the person's own day marks.
 * Gives up after a year of days off (a schedule with no working days at all), returning undefined.
 */
export function nextOccurrence(
  s: WorkSchedule,
  kind: 'start' | 'end',
  after: Date,
  calendar: Calendar,
  marks: (date: LocalDate) => DayKind | undefined = () => undefined,
): Date | undefined {
  const minute = kind === 'start' ? s.startMinute : s.endMinute;
  let date = localDateOf(after, s.timeZone);
  for (let i = 0; i < 370; i++, date = addDays(date, 1)) {
    if (!isWorkingDay(s, date, calendar, marks(date))) continue;
    const at = zonedInstant(date, minute, s.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  return undefined;
}
