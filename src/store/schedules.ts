import type { DayKind, DayMark } from '../schedule/work-week.ts';
import {
  DEFAULT_END,
  DEFAULT_START,
  DEFAULT_WORKING_DAYS,
  workSchedule,
  workingDaysFromMask,
  workingDaysMask,
  type WorkSchedule,
} from '../schedule/work-week.ts';
import type { DueGroup, DueRow, DueSource } from '../schedule/due.ts';
import type { LocalDate } from '../schedule/time.ts';
import type { Queryable } from './transaction.ts';

export type { DayMark };

export interface StoredSchedule {
  workingDaysMask: number;
  startMinute: number;
  endMinute: number;
}

/** Per-person day marks (出社 / 休暇) and working weeks. */
export function pgUserDays(pool: Queryable) {
  return {
    /** Marks (or re-marks) one local date; the latest mark wins. */
    async markDay(aadObjectId: string, date: LocalDate, kind: DayKind, at: Date): Promise<void> {
      await pool.query(
        `INSERT INTO user_days (aad_object_id, day, kind, set_at) VALUES ($1, $2::date, $3, $4)
         ON CONFLICT (aad_object_id, day) DO UPDATE SET kind = EXCLUDED.kind, set_at = EXCLUDED.set_at`,
        [aadObjectId, date, kind, at],
      );
    },

    async clearDay(aadObjectId: string, date: LocalDate): Promise<void> {
      await pool.query('DELETE FROM user_days WHERE aad_object_id = $1 AND day = $2::date', [aadObjectId, date]);
    },

    /** Marks within [from, to] inclusive, by date. */
    async daysOf(aadObjectId: string, range: { from: LocalDate; to: LocalDate }): Promise<DayMark[]> {
      const { rows } = await pool.query<{ day: string; kind: DayKind; set_at: Date }>(
        `SELECT day::text AS day, kind, set_at FROM user_days
         WHERE aad_object_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`,
        [aadObjectId, range.from, range.to],
      );
      return rows.map((r) => ({ date: r.day, kind: r.kind, setAt: r.set_at }));
    },
  };
}

export function pgUserSchedules(pool: Queryable) {
  return {
    async set(
      aadObjectId: string,
      s: { workingDays: readonly number[]; startMinute: number; endMinute: number },
      at: Date,
    ): Promise<void> {
      await pool.query(
        `INSERT INTO user_schedules (aad_object_id, working_days, start_minute, end_minute, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (aad_object_id) DO UPDATE SET working_days = EXCLUDED.working_days,
           start_minute = EXCLUDED.start_minute, end_minute = EXCLUDED.end_minute, updated_at = EXCLUDED.updated_at`,
        [aadObjectId, workingDaysMask(s.workingDays), s.startMinute, s.endMinute, at],
      );
    },

    async get(aadObjectId: string): Promise<StoredSchedule | undefined> {
      const { rows } = await pool.query<{ working_days: number; start_minute: number; end_minute: number }>(
        'SELECT working_days, start_minute, end_minute FROM user_schedules WHERE aad_object_id = $1',
        [aadObjectId],
      );
      const r = rows[0];
      return r && { workingDaysMask: r.working_days, startMinute: r.start_minute, endMinute: r.end_minute };
    },

    /** The person's working week with their Teams time zone; company defaults for whatever they have not set. */
    async workScheduleOf(aadObjectId: string): Promise<WorkSchedule> {
      const { rows } = await pool.query<{
        time_zone: string | null;
        working_days: number | null;
        start_minute: number | null;
        end_minute: number | null;
      }>(
        `SELECT u.time_zone, s.working_days, s.start_minute, s.end_minute
         FROM (SELECT $1::text AS id) AS q
         LEFT JOIN users u ON u.aad_object_id = q.id
         LEFT JOIN user_schedules s ON s.aad_object_id = q.id`,
        [aadObjectId],
      );
      const r = rows[0];
      return workSchedule({
        timeZone: r?.time_zone,
        workingDays: r?.working_days == null ? undefined : workingDaysFromMask(r.working_days),
        start: r?.start_minute,
        end: r?.end_minute,
      });
    },
  };
}

/** Every users.time_zone value as stored ('' for none), so the caller can map each to an effective zone once. */
async function storedTimeZones(pool: Queryable): Promise<string[]> {
  const { rows } = await pool.query<{ tz: string }>(`SELECT DISTINCT COALESCE(time_zone, '') AS tz FROM users`);
  return rows.map((r) => r.tz);
}

/**
 * Everyone whose start/end minute falls in one of the groups, on a working weekday of their own week, with no
 * office/leave mark that day. One round trip for all zones; holidays are decided per date by the caller.
 */
async function dueCandidates(
  pool: Queryable,
  kind: 'start' | 'end',
  groups: DueGroup[],
  opts: { installedOnly: boolean },
): Promise<DueRow[]> {
  if (groups.length === 0) return [];
  const column = kind === 'start' ? 's.start_minute' : 's.end_minute';
  const fallback = kind === 'start' ? DEFAULT_START : DEFAULT_END;
  const { rows } = await pool.query<{
    aad_object_id: string;
    tz: string;
    day: string;
    minute: number;
    installed: boolean;
  }>(
    `SELECT u.aad_object_id, g.tz, g.day::text AS day, COALESCE(${column}, $6)::int AS minute, u.installed
     FROM unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[]) AS g(tz, day, lo, hi, dow_bit)
     JOIN users u ON COALESCE(u.time_zone, '') = g.tz
     LEFT JOIN user_schedules s ON s.aad_object_id = u.aad_object_id
     WHERE COALESCE(${column}, $6) >= g.lo AND COALESCE(${column}, $6) < g.hi
       AND COALESCE(s.working_days, $7) & g.dow_bit <> 0
       AND ($8 = false OR u.installed)
       AND NOT EXISTS (SELECT 1 FROM user_days d WHERE d.aad_object_id = u.aad_object_id AND d.day = g.day)`,
    [
      groups.map((g) => g.storedTimeZone),
      groups.map((g) => g.date),
      groups.map((g) => g.lo),
      groups.map((g) => g.hi),
      groups.map((g) => 1 << g.weekday),
      fallback,
      workingDaysMask(DEFAULT_WORKING_DAYS),
      opts.installedOnly,
    ],
  );
  return rows.map((r) => ({
    aadObjectId: r.aad_object_id,
    storedTimeZone: r.tz,
    date: r.day,
    minute: r.minute,
    installed: r.installed,
  }));
}

/** The scheduler's view of who is due, over users, user_schedules and user_days (see src/schedule/due.ts). */
export function pgDueSource(q: Queryable): DueSource {
  return {
    storedTimeZones: () => storedTimeZones(q),
    dueCandidates: (kind, groups, opts) => dueCandidates(q, kind, groups, opts),
  };
}
