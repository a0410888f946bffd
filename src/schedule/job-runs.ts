/**
 * The job_runs claim protocol of the scheduler (src/schedule/jobs.ts): claim a slot, take over a failed or
 * abandoned one, renew the lease, record the outcome. The scheduler is an engine and owns this table and its SQL.
 */
import type pg from 'pg';

export interface Claim {
  attempt: number;
  windowStart: Date;
  windowEnd: Date;
}

export interface JobRunRow {
  jobName: string;
  slot: string;
  scheduledAt: Date;
  status: 'running' | 'succeeded' | 'failed';
  attempts: number;
  owner: string;
  lastError: string | null;
  windowStart: Date;
  windowEnd: Date;
}

export function pgJobRuns(pool: pg.Pool) {
  const toClaim = (r: { attempts: number; window_start: Date; window_end: Date }): Claim => ({
    attempt: r.attempts,
    windowStart: r.window_start,
    windowEnd: r.window_end,
  });
  return {
    /**
     * First claim of a slot: the INSERT either creates the row (we run it) or finds it (someone else has).
     * The window starts where the last run that was not a failure left off, but no earlier than `floor`.
     */
    async claimNew(p: {
      name: string;
      slot: string;
      scheduledAt: Date;
      windowStart: Date;
      windowEnd: Date;
      floor: Date;
      owner: string;
      now: Date;
      leaseUntil: Date;
    }): Promise<Claim | undefined> {
      const { rows } = await pool.query(
        `INSERT INTO job_runs (job_name, slot, scheduled_at, window_start, window_end, status, attempts, owner,
                               lease_until, started_at)
         SELECT $1, $2, $3, GREATEST($6::timestamptz, LEAST($4::timestamptz, COALESCE(
                  (SELECT max(window_end) FROM job_runs WHERE job_name = $1 AND scheduled_at < $3 AND status <> 'failed'),
                  $4::timestamptz))),
                $5, 'running', 1, $7, $9, $8
         ON CONFLICT (job_name, slot) DO NOTHING
         RETURNING attempts, window_start, window_end`,
        [p.name, p.slot, p.scheduledAt, p.windowStart, p.windowEnd, p.floor, p.owner, p.now, p.leaseUntil],
      );
      return rows[0] ? toClaim(rows[0]) : undefined;
    },

    /**
     * Takes over a slot whose last attempt failed and whose backoff is over, or whose runner's lease ran out
     * (the process died). The row lock makes the UPDATE a claim: a second instance re-reads a 'running' row.
     */
    async reclaim(p: {
      name: string;
      slot: string;
      owner: string;
      now: Date;
      leaseUntil: Date;
      maxAttempts: number;
    }): Promise<Claim | undefined> {
      const { rows } = await pool.query(
        `UPDATE job_runs SET status = 'running', attempts = attempts + 1, owner = $3, lease_until = $5,
                             started_at = $4, next_attempt_at = NULL, finished_at = NULL
         WHERE job_name = $1 AND slot = $2 AND attempts < $6
           AND ((status = 'failed' AND next_attempt_at <= $4) OR (status = 'running' AND lease_until <= $4))
         RETURNING attempts, window_start, window_end`,
        [p.name, p.slot, p.owner, p.now, p.leaseUntil, p.maxAttempts],
      );
      return rows[0] ? toClaim(rows[0]) : undefined;
    },

    /** Extends the lease of a run still ours; false when another instance has taken the slot over. */
    async heartbeat(name: string, slot: string, owner: string, attempt: number, leaseUntil: Date): Promise<boolean> {
      const r = await pool.query(
        `UPDATE job_runs SET lease_until = $5
         WHERE job_name = $1 AND slot = $2 AND owner = $3 AND attempts = $4 AND status = 'running'`,
        [name, slot, owner, attempt, leaseUntil],
      );
      return (r.rowCount ?? 0) > 0;
    },

    /** Records the outcome, only if the attempt is still ours (a run taken over after its lease writes nothing). */
    async finish(p: {
      name: string;
      slot: string;
      owner: string;
      attempt: number;
      now: Date;
      error?: string;
      nextAttemptAt?: Date;
    }): Promise<boolean> {
      const r = await pool.query(
        `UPDATE job_runs SET status = $5, finished_at = $6, lease_until = NULL, last_error = $7, next_attempt_at = $8
         WHERE job_name = $1 AND slot = $2 AND owner = $3 AND attempts = $4 AND status = 'running'`,
        [
          p.name,
          p.slot,
          p.owner,
          p.attempt,
          p.error === undefined ? 'succeeded' : 'failed',
          p.now,
          p.error ?? null,
          p.nextAttemptAt ?? null,
        ],
      );
      return (r.rowCount ?? 0) > 0;
    },

    async list(name: string): Promise<JobRunRow[]> {
      const { rows } = await pool.query(
        `SELECT job_name, slot, scheduled_at, status, attempts, owner, last_error, window_start, window_end
         FROM job_runs WHERE job_name = $1 ORDER BY scheduled_at`,
        [name],
      );
      return rows.map((r) => ({
        jobName: r.job_name,
        slot: r.slot,
        scheduledAt: r.scheduled_at,
        status: r.status,
        attempts: r.attempts,
        owner: r.owner,
        lastError: r.last_error,
        windowStart: r.window_start,
        windowEnd: r.window_end,
      }));
    },
  };
}

export type JobRuns = ReturnType<typeof pgJobRuns>;
