/**
 * node --import tsx bench/schedule.ts — one dueUsers call over 50,000 people in 5 time zones, on an embedded
 * PostgreSQL. Prints JSON: per window, the median and worst of several calls and how many people were due; then one
 * whole 09:00 Tokyo check-in slot (who is due, their cards rendered, recorded as issued and queued in one transaction).
 * Options: --users N (default 50000), --runs N (default 15).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkinRenderer } from '../bot/checkin-renderer.ts';
import { storesOn, transactionOn } from '../server/stores.ts';
import { checkinJobs } from '../src/checkin/jobs.ts';
import { calendarFromEnv } from '../src/schedule/calendar.ts';
import { dueUsers } from '../src/schedule/due.ts';
import { openDatabase } from '../src/store/database.ts';
import { pgDueSource } from '../src/store/schedules.ts';
import { makeDataDir, quietLog } from '../test/support/database.ts';

const { values } = parseArgs({ options: { users: { type: 'string' }, runs: { type: 'string' } } });
const USERS = Number(values.users ?? 50_000);
const RUNS = Number(values.runs ?? 15);
const ZONES = ['Asia/Tokyo', 'Europe/London', 'America/New_York', 'Asia/Singapore', 'America/Los_Angeles'];

const dataDir = makeDataDir();
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, log: quietLog });
try {
  const { pool } = db;
  await pool.query(`DELETE FROM user_days WHERE aad_object_id LIKE 'bench-%'`);
  await pool.query(`DELETE FROM user_schedules WHERE aad_object_id LIKE 'bench-%'`);
  await pool.query(`DELETE FROM users WHERE aad_object_id LIKE 'bench-%'`);
  // Most people in Tokyo; one in 50 with no zone and one in 100 with a zone we do not know (both count as Tokyo).
  await pool.query(
    `INSERT INTO users (aad_object_id, tenant_id, time_zone, installed, conversation_ref)
     SELECT 'bench-' || i, 't',
            CASE WHEN i % 50 = 0 THEN NULL WHEN i % 100 = 1 THEN 'Not/AZone'
                 WHEN i % 10 < 6 THEN ($2::text[])[1] ELSE ($2::text[])[2 + i % 4] END,
            i % 20 <> 0, '{}'::jsonb
     FROM generate_series(1, $1) AS i`,
    [USERS, ZONES],
  );
  // One in ten has their own hours (08:00–10:45 starts, Mon–Sat for some); one in twenty has a mark on 24 Nov.
  await pool.query(
    `INSERT INTO user_schedules (aad_object_id, working_days, start_minute, end_minute)
     SELECT 'bench-' || i, CASE WHEN i % 3 = 0 THEN 126 ELSE 62 END, 480 + (i % 12) * 15, 1020 + (i % 8) * 15
     FROM generate_series(1, $1) AS i WHERE i % 10 = 3`,
    [USERS],
  );
  await pool.query(
    `INSERT INTO user_days (aad_object_id, day, kind)
     SELECT 'bench-' || i, '2026-11-24', CASE WHEN i % 2 = 0 THEN 'office' ELSE 'leave' END
     FROM generate_series(1, $1) AS i WHERE i % 20 = 7`,
    [USERS],
  );
  await pool.query('ANALYZE users; ANALYZE user_schedules; ANALYZE user_days');

  const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' });
  const windows: Record<string, [string, number]> = {
    tokyo_0900_1min: ['2026-11-24T00:00:00Z', 1],
    tokyo_0900_15min: ['2026-11-24T00:00:00Z', 15],
    london_0900_1min: ['2026-11-24T09:00:00Z', 1],
    quiet_1min: ['2026-11-24T04:07:00Z', 1],
    whole_day: ['2026-11-24T00:00:00Z', 24 * 60],
  };
  const results: Record<string, unknown> = {};
  for (const [name, [from, minutes]] of Object.entries(windows)) {
    const w: [Date, Date] = [new Date(from), new Date(Date.parse(from) + minutes * 60_000)];
    const times: number[] = [];
    let due = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const t0 = process.hrtime.bigint();
      due = (await dueUsers(pgDueSource(pool), calendar, 'start', w)).length;
      if (i >= 2) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // two warm-up calls
    }
    times.sort((a, b) => a - b);
    results[name] = {
      due,
      p50_ms: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(2)),
      max_ms: Number((times[times.length - 1] ?? 0).toFixed(2)),
    };
  }
  // The morning rush as the scheduler runs it: cards and outbox rows for everyone due at 09:00 in Tokyo.
  const start = checkinJobs({
    stores: storesOn(pool),
    transaction: transactionOn(pool),
    calendar,
    renderer: checkinRenderer,
  }).find((j) => j.name === 'checkin-start');
  const slotStart = new Date('2026-11-24T00:00:00Z');
  const t0 = process.hrtime.bigint();
  await start!.run({
    job: start!.name,
    key: slotStart.toISOString(),
    scheduledAt: slotStart,
    windowStart: slotStart,
    windowEnd: new Date(slotStart.getTime() + 60_000),
    attempt: 1,
  });
  const slotMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const counted = await pool.query<{ cards: number; queued: number }>(
    `SELECT (SELECT count(*)::int FROM checkin_cards) AS cards,
            (SELECT count(*)::int FROM delivery_outbox WHERE campaign = 'checkin:2026-11-24') AS queued`,
  );
  const slot = { ...counted.rows[0], ms: Number(slotMs.toFixed(1)) };
  console.log(JSON.stringify({ users: USERS, zones: ZONES.length, runs: RUNS, windows: results, checkin_slot: slot }));
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
