/**
 * The daily check-in jobs against a real PostgreSQL: who gets the card at their own 09:00, the one reminder,
 * the check-out at 18:00, holidays and office days skipped, and a re-run of a slot queuing nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinRenderer } from '../bot/checkin-renderer.ts';
import { checkinJobs } from '../src/checkin/jobs.ts';
import { storesOn, transactionOn } from '../server/stores.ts';
import { calendarFromEnv } from '../src/schedule/calendar.ts';
import type { JobDefinition } from '../src/schedule/jobs.ts';
import { pgCheckins } from '../src/store/checkins.ts';
import { pgUserDays } from '../src/store/schedules.ts';
import { pgUserStore } from '../src/store/users.ts';
import { startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
let jobs: Record<string, JobDefinition>;
const tokyo = 'a0000000-0000-4000-8000-000000000001';
const london = 'a0000000-0000-4000-8000-000000000002';
const officeGoer = 'a0000000-0000-4000-8000-000000000003';

beforeAll(async () => {
  db = await startTestDatabase();
  const users = pgUserStore(db.pool);
  for (const [id, tz, locale] of [
    [tokyo, 'Asia/Tokyo', 'ja-JP'],
    [london, 'Europe/London', 'en-GB'],
    [officeGoer, 'Asia/Tokyo', 'ja-JP'],
  ] as const) {
    await users.recordSighting(
      {
        aadObjectId: id,
        tenantId: 't1',
        locale,
        timeZone: tz,
        conversationId: `a:${id}`,
        conversationReference: { conversation: { id: `a:${id}` } },
      },
      new Date('2026-11-01T00:00:00Z'),
    );
  }
  await pgUserDays(db.pool).markDay(officeGoer, '2026-11-25', 'office', new Date());
  const defs = checkinJobs({
    stores: storesOn(db.pool),
    transaction: transactionOn(db.pool),
    calendar: calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' }),
    renderer: checkinRenderer,
  });
  jobs = Object.fromEntries(defs.map((j) => [j.name, j]));
});

afterAll(async () => {
  await db?.close();
});

async function runSlot(job: string, startIso: string) {
  const start = new Date(startIso);
  const end = new Date(start.getTime() + 60_000);
  await jobs[job]!.run({ job, key: startIso, scheduledAt: end, windowStart: start, windowEnd: end, attempt: 1 });
}

async function queued(prefix: string) {
  const { rows } = await db.pool.query(
    `SELECT aad_object_id, kind, dedupe_key, payload FROM delivery_outbox WHERE dedupe_key LIKE $1 || '%' ORDER BY id`,
    [prefix],
  );
  return rows as {
    aad_object_id: string;
    kind: string;
    dedupe_key: string;
    payload: { summary: string; card: unknown };
  }[];
}

describe('scheduled check-ins', () => {
  it("sends the check-in at 09:00 in each person's own time zone, skipping an office day", async () => {
    await runSlot('checkin-start', '2026-11-25T00:00:00Z'); // 09:00 in Tokyo, midnight in London
    const rows = await queued('checkin:2026-11-25');
    expect(rows.map((r) => r.aad_object_id)).toEqual([tokyo]);
    expect(rows[0]).toMatchObject({ kind: 'checkin', payload: { summary: 'テレワーク開始チェックのお願い' } });
    expect(JSON.stringify(rows[0]!.payload.card)).toContain(`"owner":"${tokyo}"`);
    expect(JSON.stringify(rows[0]!.payload.card)).toContain('"localDate":"2026-11-25"');
    // The card is on record as issued to that person for that day, so only they can submit it.
    const cardId = /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(rows[0]!.payload.card))![1];
    const issued = await db.pool.query(
      `SELECT aad_object_id, kind, to_char(local_date, 'YYYY-MM-DD') AS local_date, time_zone FROM checkin_cards
        WHERE card_id = $1`,
      [cardId],
    );
    expect(issued.rows).toEqual([
      { aad_object_id: tokyo, kind: 'checkin', local_date: '2026-11-25', time_zone: 'Asia/Tokyo' },
    ]);

    await runSlot('checkin-start', '2026-11-25T09:00:00Z'); // 09:00 in London (GMT in November)
    const london9 = await queued('checkin:2026-11-25');
    expect(london9.map((r) => r.aad_object_id)).toEqual([tokyo, london]);
    expect(london9[1]!.payload.summary).toBe('Your telework check-in for today');
  });

  it('follows British Summer Time: 09:00 in London is 08:00Z in July', async () => {
    await runSlot('checkin-start', '2026-07-01T09:00:00Z');
    expect(await queued('checkin:2026-07-01')).toEqual([]);
    await runSlot('checkin-start', '2026-07-01T08:00:00Z');
    expect((await queued('checkin:2026-07-01')).map((r) => r.aad_object_id)).toEqual([london]);
  });

  it('queues nothing twice when a slot runs again', async () => {
    await runSlot('checkin-start', '2026-11-25T00:00:00Z');
    expect(await queued('checkin:2026-11-25')).toHaveLength(2);
  });

  it('sends nothing on a national holiday (勤労感謝の日) or a company holiday', async () => {
    await runSlot('checkin-start', '2026-11-23T00:00:00Z');
    await runSlot('checkin-start', '2026-12-30T00:00:00Z');
    expect(await queued('checkin:2026-11-23')).toEqual([]);
    expect(await queued('checkin:2026-12-30')).toEqual([]);
  });

  it('reminds once, two hours after the start, only those who have not checked in', async () => {
    const store = pgCheckins(db.pool);
    await store.save(
      {
        aadObjectId: tokyo,
        localDate: '2026-11-26',
        kind: 'checkin',
        cardId: 'c0000000-0000-4000-8000-000000000001',
        answers: { place: 'home', network: 'wired', device: 'company-pc', access: 'vpn', workspace: 'private' },
        guidelineRevision: '2026-02-01',
      },
      [],
      new Date('2026-11-26T00:05:00Z'),
    );
    await runSlot('checkin-reminder', '2026-11-26T02:00:00Z'); // 11:00 Tokyo: 2 h after 09:00
    // Tokyo answered on the 26th; the office-goer is in the office on the 25th only, so is reminded on the 26th.
    expect((await queued('checkin-reminder:2026-11-26')).map((r) => r.aad_object_id)).toEqual([officeGoer]);
    await runSlot('checkin-reminder', '2026-11-25T02:00:00Z');
    const reminders = await queued('checkin-reminder:2026-11-25');
    expect(reminders.map((r) => r.aad_object_id)).toEqual([tokyo]);
    expect(reminders[0]).toMatchObject({ kind: 'reminder' });
    expect(reminders[0]!.payload.summary).toContain('まだ届いていません');
  });

  it('forgets issued cards older than a month, at night, and keeps the recent ones', async () => {
    await db.pool.query(
      `INSERT INTO checkin_cards (card_id, aad_object_id, kind, local_date, time_zone, issued_at)
       VALUES ('c1000000-0000-4000-8000-000000000001', $1, 'checkin', '2026-10-01', 'Asia/Tokyo', '2026-10-01T00:00:00Z')`,
      [tokyo],
    );
    const before = await db.pool.query('SELECT count(*)::int AS n FROM checkin_cards');
    const night = new Date('2026-11-26T18:30:00Z'); // 03:30 in Tokyo on the 27th
    await jobs['checkin-cards-purge']!.run({
      job: 'checkin-cards-purge',
      key: '2026-11-27',
      scheduledAt: night,
      windowStart: night,
      windowEnd: night,
      attempt: 1,
    });
    const after = await db.pool.query('SELECT count(*)::int AS n FROM checkin_cards');
    expect(after.rows[0].n).toBe(before.rows[0].n - 1);
    expect(after.rows[0].n).toBeGreaterThan(0);
  });

  it('sends the check-out at 18:00 local time', async () => {
    await runSlot('checkout-end', '2026-11-25T09:00:00Z'); // 18:00 in Tokyo
    const rows = await queued('checkout:2026-11-25');
    expect(rows.map((r) => r.aad_object_id)).toEqual([tokyo]);
    expect(rows[0]!.payload.summary).toBe('テレワーク終了チェックのお願い');
  });
});
