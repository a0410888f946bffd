/** Scheduled jobs on one PostgreSQL shared by several instances, driven by a clock the test controls. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { calendarFromEnv } from '../src/schedule/calendar.ts';
import { createScheduler, type JobDefinition, type JobSlot, type Scheduler } from '../src/schedule/jobs.ts';
import { pgJobRuns } from '../src/schedule/job-runs.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
let otherPool: pg.Pool;
const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' });

beforeAll(async () => {
  db = await startTestDatabase();
  // The second instance gets its own pool, as a second process would.
  const conn = (await db.pool.query<{ port: number }>(`SELECT current_setting('port')::int AS port`)).rows[0];
  const opts = db.pool.options;
  otherPool = new pg.Pool({ ...opts, port: conn?.port, max: 4 });
});
afterAll(async () => {
  await otherPool?.end();
  await db?.close();
});

function clockAt(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s: string) => (t = new Date(s).getTime()),
  };
}

function twoInstances(jobs: JobDefinition[], clock: { now(): Date }): [Scheduler, Scheduler] {
  return [
    createScheduler({ pool: db.pool, clock, calendar, jobs, log: quietLog, owner: 'instance-a' }),
    createScheduler({ pool: otherPool, clock, calendar, jobs, log: quietLog, owner: 'instance-b' }),
  ];
}

describe('scheduled jobs', () => {
  it('runs each 15-minute slot exactly once across two instances ticking together', async () => {
    const ran: JobSlot[] = [];
    const job: JobDefinition = {
      name: 'directory-sync',
      schedule: { every: '15m' },
      run: async (slot) => {
        ran.push(slot);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const clock = clockAt('2026-11-24T00:00:00Z');
    const [a, b] = twoInstances([job], clock);
    for (let minute = 0; minute < 60; minute += 5) {
      const now = new Date(Date.UTC(2026, 10, 24, 0, minute, 7));
      await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
    }
    expect(ran.map((s) => s.key)).toEqual([
      '2026-11-24T00:00:00.000Z',
      '2026-11-24T00:15:00.000Z',
      '2026-11-24T00:30:00.000Z',
      '2026-11-24T00:45:00.000Z',
    ]);
    expect(ran[1]).toMatchObject({
      windowStart: new Date('2026-11-24T00:15:00Z'),
      windowEnd: new Date('2026-11-24T00:30:00Z'),
      attempt: 1,
    });
    const rows = await pgJobRuns(db.pool).list('directory-sync');
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
  });

  it('after downtime runs only the latest missed slot, once, covering the time it was down', async () => {
    const ran: JobSlot[] = [];
    const job: JobDefinition = {
      name: 'checkin-fanout',
      schedule: { every: '5m' },
      run: async (s) => void ran.push(s),
    };
    const clock = clockAt('2026-11-24T00:00:00Z');
    const [a, b] = twoInstances([job], clock);
    await a.tick(new Date('2026-11-24T00:00:30Z'));
    // Down from 00:05 to 02:42: 31 slots missed; one run, for the 02:40 slot, reaching back to 00:05.
    await Promise.all([a.tick(new Date('2026-11-24T02:42:00Z')), b.tick(new Date('2026-11-24T02:42:01Z'))]);
    await b.tick(new Date('2026-11-24T02:43:00Z'));
    expect(ran.map((s) => [s.key, s.windowStart.toISOString(), s.windowEnd.toISOString()])).toEqual([
      ['2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z', '2026-11-24T00:05:00.000Z'],
      ['2026-11-24T02:40:00.000Z', '2026-11-24T00:05:00.000Z', '2026-11-24T02:45:00.000Z'],
    ]);
  });

  it('records a failed run with its error and retries it after a growing backoff', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: 'reminders',
      schedule: { every: '1h' },
      backoffMs: 60_000,
      maxAttempts: 4,
      run: async () => {
        calls++;
        if (calls <= 2) throw new Error(`Bot Connector answered 503 (${calls})`);
      },
    };
    const clock = clockAt('2026-11-24T03:00:00Z');
    const [a, b] = twoInstances([job], clock);
    const at = (s: string) => {
      clock.set(s);
      return Promise.all([a.tick(), b.tick()]).then((r) => r.flat());
    };
    expect(await at('2026-11-24T03:00:00Z')).toMatchObject([{ attempt: 1, ok: false }]);
    let [row] = await pgJobRuns(db.pool).list('reminders');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Bot Connector answered 503 (1)' });
    expect(await at('2026-11-24T03:00:59Z')).toEqual([]); // within the first minute of backoff
    expect(await at('2026-11-24T03:01:00Z')).toMatchObject([{ attempt: 2, ok: false }]);
    expect(await at('2026-11-24T03:02:30Z')).toEqual([]); // the second backoff is two minutes
    expect(await at('2026-11-24T03:03:00Z')).toMatchObject([{ attempt: 3, ok: true }]);
    expect(await at('2026-11-24T03:30:00Z')).toEqual([]);
    [row] = await pgJobRuns(db.pool).list('reminders');
    expect(row).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('takes over a run whose instance died once its lease has run out', async () => {
    let release: () => void = () => {};
    const runners: string[] = [];
    const makeJob = (who: string, hang: boolean): JobDefinition => ({
      name: 'digest',
      schedule: { at: '08:30', tz: 'Asia/Tokyo', days: 'working' },
      leaseMs: 120_000,
      run: async () => {
        runners.push(who);
        if (hang) await new Promise<void>((r) => (release = r));
      },
    });
    const clock = clockAt('2026-11-24T23:30:00Z'); // Wed 25 Nov 08:30 JST
    const a = createScheduler({
      pool: db.pool,
      clock,
      calendar,
      jobs: [makeJob('a', true)],
      log: quietLog,
      owner: 'dies',
    });
    const b = createScheduler({
      pool: otherPool,
      clock,
      calendar,
      jobs: [makeJob('b', false)],
      log: quietLog,
      owner: 'survives',
    });
    const aTick = a.tick(); // claims the slot and never finishes: as good as a dead process
    for (let i = 0; i < 100 && runners.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(runners).toEqual(['a']);
    clock.set('2026-11-24T23:31:59Z');
    expect(await b.tick()).toEqual([]); // still within a's lease
    clock.set('2026-11-24T23:32:00Z');
    expect(await b.tick()).toEqual([{ job: 'digest', key: '2026-11-25', attempt: 2, ok: true }]);
    // The first runner coming back to life cannot overwrite the outcome.
    release();
    await aTick;
    const [row] = await pgJobRuns(db.pool).list('digest');
    expect(row).toMatchObject({ slot: '2026-11-25', status: 'succeeded', attempts: 2, owner: 'survives' });
    expect(runners).toEqual(['a', 'b']);
    await a.stop(0);
  });

  it('runs the 08:30 Tokyo digest on working days only', async () => {
    const keys: string[] = [];
    const job: JobDefinition = {
      name: 'manager-digest',
      schedule: { at: '08:30', tz: 'Asia/Tokyo', days: 'working' },
      run: async (s) => void keys.push(s.key),
    };
    const clock = clockAt('2026-11-20T00:00:00Z');
    const [a, b] = twoInstances([job], clock);
    // Every 10 minutes from Fri 20 Nov 09:00 JST to Tue 24 Nov 09:00 JST, over the weekend and 勤労感謝の日.
    for (let t = Date.parse('2026-11-20T00:00:00Z'); t <= Date.parse('2026-11-24T00:00:00Z'); t += 600_000) {
      await Promise.all([a.tick(new Date(t)), b.tick(new Date(t))]);
    }
    expect(keys).toEqual(['2026-11-20', '2026-11-24']);
  });

  it('can leave a slot alone when first seen too late to be useful', async () => {
    const keys: string[] = [];
    const job: JobDefinition = {
      name: 'morning-only',
      schedule: { at: '08:30', tz: 'Asia/Tokyo', days: 'working' },
      maxLateMs: 3_600_000,
      run: async (s) => void keys.push(s.key),
    };
    const clock = clockAt('2026-11-25T06:00:00Z'); // deployed Wed 15:00 JST
    const [a] = twoInstances([job], clock);
    expect(await a.tick()).toEqual([]);
    expect(await a.tick(new Date('2026-11-26T00:00:00Z'))).toMatchObject([{ key: '2026-11-26', ok: true }]);
    expect(keys).toEqual(['2026-11-26']);
  });

  it('ticks on its own timer between start() and stop()', async () => {
    let runs = 0;
    const job: JobDefinition = { name: 'heartbeat', schedule: { every: '1h' }, run: async () => void runs++ };
    const s = createScheduler({
      pool: db.pool,
      clock: clockAt('2026-11-24T05:00:00Z'),
      calendar,
      jobs: [job],
      log: quietLog,
      intervalMs: 20,
    });
    s.start();
    await new Promise((r) => setTimeout(r, 300));
    await s.stop();
    expect(runs).toBe(1);
    expect(() =>
      createScheduler({
        pool: db.pool,
        clock: clockAt('2026-11-24T05:00:00Z'),
        calendar,
        jobs: [job, job],
        log: quietLog,
      }),
    ).toThrow(/Two jobs/);
  });
});
