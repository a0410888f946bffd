/**
 * Per-person fan-out: whose local start (or end) of a working day falls in a UTC window. Code turns the window
 * into, per stored time zone and local date, a range of local minutes and drops company/national holidays;
 * one SQL query then picks the people in those ranges whose own week and day marks allow it. With five zones
 * that is about five groups in one query over 50,000 rows, not 50,000 time-zone conversions.
 */
import type { Calendar } from './calendar.ts';
import { addDays, effectiveTimeZone, localDateOf, weekdayOf, zonedInstant, type LocalDate } from './time.ts';

export interface DueUser {
  aadObjectId: string;
  timeZone: string;
  /** The person's local working day the occurrence belongs to. */
  date: LocalDate;
  /** The instant of their local start/end. */
  at: Date;
  installed: boolean;
}

/** One stored zone value on one local date: whose start/end minute lies in [lo, hi). */
export interface DueGroup {
  storedTimeZone: string;
  date: LocalDate;
  lo: number;
  hi: number;
  weekday: number;
}

export interface DueRow {
  aadObjectId: string;
  storedTimeZone: string;
  date: LocalDate;
  minute: number;
  installed: boolean;
}

/** Where people's zones, weeks and day marks are read; src/store/schedules.ts `pgDueSource` is the PostgreSQL one. */
export interface DueSource {
  /** Every users.time_zone value as stored ('' for none), so each maps to an effective zone once. */
  storedTimeZones(): Promise<string[]>;
  /**
   * Everyone whose start/end minute falls in one of the groups, on a working weekday of their own week, with no
   * office/leave mark that day. Holidays are already out of the groups.
   */
  dueCandidates(kind: 'start' | 'end', groups: DueGroup[], opts: { installedOnly: boolean }): Promise<DueRow[]>;
}

const MAX_WINDOW_MS = 2 * 86_400_000;

/** Smallest local minute of `date` whose instant is at or after `t` (1440 when none is). */
function firstMinuteAtOrAfter(date: LocalDate, tz: string, t: number): number {
  let lo = 0;
  let hi = 1440;
  // zonedInstant never decreases as the minute grows (see its DST note), so a binary search is exact.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zonedInstant(date, mid, tz).getTime() >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The (zone, date, minute range) groups a window covers, holidays already removed. */
export function dueGroups(storedZones: string[], window: [Date, Date], calendar: Calendar): DueGroup[] {
  const [from, to] = window;
  if (to.getTime() <= from.getTime()) return [];
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw new Error('dueUsers: a window is at most two days');
  const groups: DueGroup[] = [];
  for (const stored of storedZones) {
    const tz = effectiveTimeZone(stored);
    const last = localDateOf(new Date(to.getTime() - 1), tz);
    for (let date = localDateOf(from, tz); date <= last; date = addDays(date, 1)) {
      if (calendar.holidayOn(date)) continue;
      const lo = firstMinuteAtOrAfter(date, tz, from.getTime());
      const hi = firstMinuteAtOrAfter(date, tz, to.getTime());
      if (lo < hi) groups.push({ storedTimeZone: stored, date, lo, hi, weekday: weekdayOf(date) });
    }
  }
  return groups;
}

/**
 * People due in [from, to): their local start/end on a working weekday of their own week, not a national or
 * company holiday, not a day they marked 出社 (office: no telework check-in) or 休暇 (leave).
 * `installedOnly` (default true) keeps only people the bot can write to.
 */
export async function dueUsers(
  source: DueSource,
  calendar: Calendar,
  kind: 'start' | 'end',
  window: [Date, Date],
  opts: { installedOnly?: boolean } = {},
): Promise<DueUser[]> {
  const groups = dueGroups(await source.storedTimeZones(), window, calendar);
  const rows = await source.dueCandidates(kind, groups, { installedOnly: opts.installedOnly ?? true });
  // Thousands of people share a handful of (zone, date, minute) triples: convert each once.
  const instants = new Map<string, Date>();
  return rows.map((r) => {
    const timeZone = effectiveTimeZone(r.storedTimeZone);
    const key = `${timeZone} ${r.date} ${r.minute}`;
    let at = instants.get(key);
    if (!at) instants.set(key, (at = zonedInstant(r.date, r.minute, timeZone)));
    return { aadObjectId: r.aadObjectId, timeZone, date: r.date, at: new Date(at), installed: r.installed };
  });
}
