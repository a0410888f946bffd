/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl: a local date is 'YYYY-MM-DD', a local time
 * is minutes since local midnight. No library: Intl.DateTimeFormat already carries the tz database Node ships,
 * and the only hard part (wall time → instant across DST) is a dozen lines, decided below.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** 'YYYY-MM-DD' as seen on a wall calendar; no zone attached. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Only valid zones are remembered: there are a few hundred of them, while invalid strings from clients are endless.
const validZones = new Set<string>();

export function isValidTimeZone(tz: string): boolean {
  if (validZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  if (tz.length === 0) return false;
  validZones.add(tz);
  return true;
}

/** What Teams sent, or Tokyo: a person with a missing or unknown zone still gets their check-in at a sane hour. */
export function effectiveTimeZone(tz: string | null | undefined): string {
  return tz && isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTimeOf(instant: Date, tz: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** UTC offset of the zone at that instant, in milliseconds (Tokyo: +9 h; London: 0 or +1 h). */
export function offsetAt(instant: Date, tz: string): number {
  const w = wallTimeOf(instant, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localDateOf(instant: Date, tz: string): LocalDate {
  const w = wallTimeOf(instant, tz);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Minutes since local midnight at that instant. */
export function localMinuteOf(instant: Date, tz: string): number {
  const w = wallTimeOf(instant, tz);
  return w.hour * 60 + w.minute;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new Error(`No such date: ${date}`);
  }
  return { year, month, day };
}

export function isLocalDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay and PostgreSQL's EXTRACT(dow) count. */
export function weekdayOf(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** 'HH:MM' (00:00–23:59) → minutes since midnight. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`Not a time of day (HH:MM, 00:00–23:59): ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `tz` shows `minute` on `date`.
 *
 * DST choice (the same as Temporal's 'compatible' disambiguation, so it will not surprise anyone later):
 * - a time that does not exist (the spring-forward gap: London 2026-03-29 01:30) is read with the offset in force
 *   before the gap, which lands the same distance past the gap (01:30 GMT = 02:30 BST = 01:30Z);
 * - a time that happens twice (the autumn fall-back: London 2026-10-25 01:30) is the earlier one (BST, 00:30Z).
 * So a 09:00 start never moves, and every local time maps to exactly one instant, never decreasing as the time
 * grows: that is what lets dueUsers turn a UTC window into a minute range per zone.
 */
export function zonedInstant(date: LocalDate, minute: number, tz: string): Date {
  const { year, month, day } = parseLocalDate(date);
  const wall = Date.UTC(year, month - 1, day, 0, minute);
  const before = offsetAt(new Date(wall - DAY_MS), tz);
  const after = offsetAt(new Date(wall + DAY_MS), tz);
  const candidates = [wall - before, wall - after].filter((t) => {
    const w = wallTimeOf(new Date(t), tz);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wall;
  });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}
