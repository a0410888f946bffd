/**
 * Cron-like jobs that run once per slot across every instance sharing one PostgreSQL.
 *
 * - A slot is claimed by inserting its job_runs row (ON CONFLICT DO NOTHING): whoever inserts runs it.
 * - After downtime only the latest slot is considered, so a long outage costs one run, not a storm. For an
 *   `every` job that run's window reaches back to where the last run that did not fail left off (at most
 *   `maxCatchUpMs`, default 24 h), so a fan-out over the window still reaches the people due while we were down.
 * - A failed run records its error and is retried by any instance after a backoff (base × 2^(attempt−1), capped),
 *   up to maxAttempts, while its slot is still the latest one.
 * - A runner renews its lease while it runs; if the process dies, another instance takes the slot over once the
 *   lease has run out. The old runner, should it come back, can no longer record an outcome.
 * Instances' clocks are assumed to agree within a few seconds (NTP); slots are computed from the Clock port.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { scrubMessage, type Logger } from '../log.ts';
import type { Clock } from '../ports.ts';
import { pgJobRuns, type JobRuns } from './job-runs.ts';
import type { Calendar } from './calendar.ts';
import { DEFAULT_WORKING_DAYS } from './work-week.ts';
import { addDays, localDateOf, parseClock, weekdayOf, zonedInstant } from './time.ts';

export type JobSchedule = { every: string } | { at: string; tz: string; days: 'working' | 'daily' };

export interface JobSlot {
  job: string;
  /** The slot's identity: an ISO instant for `every`, the local date for `at`. */
  key: string;
  scheduledAt: Date;
  /**
   * The span this run is responsible for, [windowStart, windowEnd): for `every`, the slot's own period, reaching
   * back over slots missed while no instance ran; for `at`, from the previous run's time up to scheduledAt.
   */
  windowStart: Date;
  windowEnd: Date;
  attempt: number;
}

export interface JobDefinition {
  name: string;
  schedule: JobSchedule;
  run: (slot: JobSlot) => Promise<void>;
  /** How long a runner may go silent before another instance takes over; default 5 min. */
  leaseMs?: number;
  /** Default 5 attempts per slot. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to 15 min. Default 30 s. */
  backoffMs?: number;
  /** For `every`: how far back a run's window may reach after downtime; default 24 h. */
  maxCatchUpMs?: number;
  /**
   * A slot older than this when first seen is not run at all (e.g. a morning digest after an afternoon deploy).
   * Default: always run the latest slot once, however late.
   */
  maxLateMs?: number;
}

export interface TickResult {
  job: string;
  key: string;
  attempt: number;
  ok: boolean;
  error?: string;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

export function parseEvery(every: string): number {
  const m = /^(\d+)\s*([smh])$/.exec(every.trim());
  const ms = m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0) : 0;
  if (!ms) throw new Error(`Job interval "${every}" is not like 30s, 15m or 1h`);
  return ms;
}

/** The latest slot at or before `now`, or undefined when there is none yet (within a month). */
export function latestSlot(
  schedule: JobSchedule,
  now: Date,
  calendar: Calendar,
): { key: string; scheduledAt: Date; windowEnd: Date } | undefined {
  if ('every' in schedule) {
    const period = parseEvery(schedule.every);
    const start = Math.floor(now.getTime() / period) * period;
    const scheduledAt = new Date(start);
    return { key: scheduledAt.toISOString(), scheduledAt, windowEnd: new Date(start + period) };
  }
  const minute = parseClock(schedule.at);
  let date = localDateOf(now, schedule.tz);
  for (let i = 0; i < 32; i++, date = addDays(date, -1)) {
    if (
      schedule.days === 'working' &&
      (!DEFAULT_WORKING_DAYS.includes(weekdayOf(date)) || calendar.holidayOn(date) !== undefined)
    ) {
      continue;
    }
    const at = zonedInstant(date, minute, schedule.tz);
    if (at.getTime() <= now.getTime()) return { key: date, scheduledAt: at, windowEnd: at };
  }
  return undefined;
}

export interface Scheduler {
  /** Runs whatever is due at `now` on this instance and resolves when those runs have finished. */
  tick(now?: Date): Promise<TickResult[]>;
  start(): void;
  /** Stops the timer and waits up to graceMs (default 30 s) for runs in progress. */
  stop(graceMs?: number): Promise<void>;
  readonly owner: string;
}

export function createScheduler(opts: {
  pool: pg.Pool;
  clock: Clock;
  calendar: Calendar;
  jobs: JobDefinition[];
  log: Logger;
  /** How often the loop looks for due slots; default 15 s. */
  intervalMs?: number;
  owner?: string;
}): Scheduler {
  const runs: JobRuns = pgJobRuns(opts.pool);
  const owner = opts.owner ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const names = new Set<string>();
  for (const job of opts.jobs) {
    if (names.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
    names.add(job.name);
    latestSlot(job.schedule, new Date(0), opts.calendar); // validates the schedule at start-up
  }
  const inFlight = new Map<string, Promise<TickResult | undefined>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function runOne(job: JobDefinition, now: Date): Promise<TickResult | undefined> {
    const slot = latestSlot(job.schedule, now, opts.calendar);
    if (!slot) return undefined;
    if (job.maxLateMs !== undefined && now.getTime() - slot.scheduledAt.getTime() > job.maxLateMs) return undefined;
    const leaseMs = job.leaseMs ?? 300_000;
    const maxCatchUpMs = job.maxCatchUpMs ?? 86_400_000;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claim =
      (await runs.claimNew({
        name: job.name,
        slot: slot.key,
        scheduledAt: slot.scheduledAt,
        windowStart: slot.scheduledAt,
        windowEnd: slot.windowEnd,
        floor: new Date(Math.min(slot.scheduledAt.getTime(), now.getTime() - maxCatchUpMs)),
        owner,
        now,
        leaseUntil,
      })) ??
      (await runs.reclaim({
        name: job.name,
        slot: slot.key,
        owner,
        now,
        leaseUntil,
        maxAttempts: job.maxAttempts ?? 5,
      }));
    if (!claim) return undefined;

    const base = { name: job.name, slot: slot.key, owner, attempt: claim.attempt };
    // Real time, not the Clock: the lease must be renewed while the run takes real time, whatever a test's clock says.
    const beat = setInterval(
      () => {
        const until = new Date(opts.clock.now().getTime() + leaseMs);
        runs.heartbeat(job.name, slot.key, owner, claim.attempt, until).catch((err: Error) => {
          opts.log.warn({ job: job.name, slot: slot.key, err: err.message }, 'job lease renewal failed');
        });
      },
      Math.max(1_000, leaseMs / 3),
    );
    beat.unref();
    opts.log.info({ job: job.name, slot: slot.key, attempt: claim.attempt }, 'job started');
    try {
      await job.run({
        job: job.name,
        key: slot.key,
        scheduledAt: slot.scheduledAt,
        windowStart: claim.windowStart,
        windowEnd: claim.windowEnd,
        attempt: claim.attempt,
      });
      clearInterval(beat);
      if (!(await runs.finish({ ...base, now: opts.clock.now() }))) {
        opts.log.warn({ job: job.name, slot: slot.key }, 'job finished after another instance took its slot over');
      }
      opts.log.info({ job: job.name, slot: slot.key, attempt: claim.attempt }, 'job succeeded');
      return { job: job.name, key: slot.key, attempt: claim.attempt, ok: true };
    } catch (err) {
      clearInterval(beat);
      const error = scrubMessage(err instanceof Error ? err.message || err.name : String(err)); // kept in job_runs
      const finishedAt = opts.clock.now();
      const delay = Math.min((job.backoffMs ?? 30_000) * 2 ** (claim.attempt - 1), 900_000);
      await runs.finish({ ...base, now: finishedAt, error, nextAttemptAt: new Date(finishedAt.getTime() + delay) });
      opts.log.warn({ job: job.name, slot: slot.key, attempt: claim.attempt, err: error }, 'job failed');
      return { job: job.name, key: slot.key, attempt: claim.attempt, ok: false, error };
    }
  }

  async function tick(now = opts.clock.now()): Promise<TickResult[]> {
    const started: Promise<TickResult | undefined>[] = [];
    for (const job of opts.jobs) {
      // A slow run of a job is not joined by another run of it on this instance; other jobs go on.
      if (inFlight.has(job.name)) continue;
      const p = runOne(job, now)
        .catch((err: Error) => {
          opts.log.error({ job: job.name, err: err.message }, 'job claim failed');
          return undefined;
        })
        .finally(() => inFlight.delete(job.name));
      inFlight.set(job.name, p);
      started.push(p);
    }
    return (await Promise.all(started)).filter((r): r is TickResult => r !== undefined);
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick();
      schedule();
    }, opts.intervalMs ?? 15_000);
  }

  return {
    owner,
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      void tick();
      schedule();
    },
    async stop(graceMs = 30_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight.values()]),
        new Promise((resolve) => (grace = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(grace);
    },
  };
}
