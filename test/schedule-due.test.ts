/** Day marks in PostgreSQL and the per-person fan-out: who is due at their local start/end of a working day. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFromEnv } from '../src/schedule/calendar.ts';
import { dueUsers } from '../src/schedule/due.ts';
import { parseClock } from '../src/schedule/time.ts';
import { pgDueSource, pgUserDays, pgUserSchedules } from '../src/store/schedules.ts';
import { pgUserStore } from '../src/store/users.ts';
import { startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' });
const seen = new Date('2026-11-01T00:00:00Z');

const people = {
  hanako: 'Asia/Tokyo',
  alice: 'Europe/London',
  taro: 'Asia/Tokyo', // on leave 24 Nov
  jiro: 'Asia/Tokyo', // at the office 24 Nov
  saburo: 'Mars/Olympus_Mons', // an unknown zone: Tokyo
  shiro: undefined, // never told us a zone: Tokyo
  weekend: 'Asia/Tokyo', // works Sat/Sun 10:00–19:00
} as Record<string, string | undefined>;

beforeAll(async () => {
  db = await startTestDatabase();
  const users = pgUserStore(db.pool);
  for (const [id, timeZone] of Object.entries(people)) {
    await users.recordSighting(
      { aadObjectId: id, tenantId: 't', timeZone, conversationReference: { conversation: { id } } },
      seen,
    );
  }
  await users.recordSighting({ aadObjectId: 'uninstalled', tenantId: 't', timeZone: 'Asia/Tokyo' }, seen);
  const days = pgUserDays(db.pool);
  await days.markDay('taro', '2026-11-24', 'leave', seen);
  await days.markDay('jiro', '2026-11-24', 'office', seen);
  await pgUserSchedules(db.pool).set(
    'weekend',
    { workingDays: [0, 6], startMinute: parseClock('10:00'), endMinute: parseClock('19:00') },
    seen,
  );
});
afterAll(async () => {
  await db?.close();
});

const window = (from: string, minutes = 1): [Date, Date] => {
  const t = new Date(from);
  return [t, new Date(t.getTime() + minutes * 60_000)];
};
const ids = async (kind: 'start' | 'end', w: [Date, Date], installedOnly = true) =>
  (await dueUsers(pgDueSource(db.pool), calendar, kind, w, { installedOnly })).map((u) => u.aadObjectId).sort();

describe('day marks', () => {
  it('marks, re-marks, lists and clears a person’s days', async () => {
    const days = pgUserDays(db.pool);
    await days.markDay('hanako', '2026-12-01', 'office', seen);
    await days.markDay('hanako', '2026-12-02', 'office', seen);
    await days.markDay('hanako', '2026-12-02', 'leave', new Date('2026-11-02T00:00:00Z'));
    await days.markDay('hanako', '2026-12-10', 'leave', seen);
    expect(await days.daysOf('hanako', { from: '2026-12-01', to: '2026-12-09' })).toEqual([
      { date: '2026-12-01', kind: 'office', setAt: seen },
      { date: '2026-12-02', kind: 'leave', setAt: new Date('2026-11-02T00:00:00Z') },
    ]);
    await days.clearDay('hanako', '2026-12-01');
    expect((await days.daysOf('hanako', { from: '2026-12-01', to: '2026-12-31' })).map((d) => d.date)).toEqual([
      '2026-12-02',
      '2026-12-10',
    ]);
    await expect(days.markDay('hanako', '2026-12-03', 'holiday' as never, seen)).rejects.toThrow();
  });
});

describe('a person’s working week', () => {
  it('combines their Teams time zone with their own hours, and defaults for the rest', async () => {
    const schedules = pgUserSchedules(db.pool);
    expect(await schedules.workScheduleOf('alice')).toEqual({
      timeZone: 'Europe/London',
      workingDays: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1080,
    });
    expect(await schedules.workScheduleOf('weekend')).toMatchObject({ workingDays: [0, 6], startMinute: 600 });
    expect((await schedules.workScheduleOf('saburo')).timeZone).toBe('Asia/Tokyo');
    expect((await schedules.workScheduleOf('nobody-yet')).timeZone).toBe('Asia/Tokyo');
  });
});

describe('dueUsers', () => {
  it('finds Tokyo people at 09:00 JST, skipping leave and office days, unknown zones as Tokyo', async () => {
    expect(await ids('start', window('2026-11-24T00:00:00Z'))).toEqual(['hanako', 'saburo', 'shiro']);
    expect(await ids('start', window('2026-11-24T00:00:00Z'), false)).toEqual([
      'hanako',
      'saburo',
      'shiro',
      'uninstalled',
    ]);
    const [first] = await dueUsers(pgDueSource(db.pool), calendar, 'start', window('2026-11-24T00:00:00Z'));
    expect(first).toMatchObject({ date: '2026-11-24', at: new Date('2026-11-24T00:00:00Z') });
    // Not a minute early or late.
    expect(await ids('start', window('2026-11-23T23:59:00Z'))).toEqual([]);
    expect(await ids('start', window('2026-11-24T00:01:00Z'))).toEqual([]);
    // The end of their day, 18:00 JST.
    expect(await ids('end', window('2026-11-24T09:00:00Z'))).toEqual(['hanako', 'saburo', 'shiro']);
  });

  it('finds London people at 09:00 local, 08:00Z in summer time and 09:00Z after October', async () => {
    expect(await ids('start', window('2026-11-24T09:00:00Z'))).toEqual(['alice']);
    expect(await ids('start', window('2026-10-23T08:00:00Z'))).toEqual(['alice']);
    expect(await ids('start', window('2026-10-26T09:00:00Z'))).toEqual(['alice']);
    expect(await ids('start', window('2026-10-26T08:00:00Z'))).toEqual([]);
    expect(await ids('start', window('2026-03-27T09:00:00Z'))).toEqual(['alice']);
    expect(await ids('start', window('2026-03-30T08:00:00Z'))).toEqual(['alice']);
  });

  it('sends nobody on 勤労感謝の日, in Tokyo or London, nor over the company’s year end', async () => {
    expect(await ids('start', window('2026-11-23T00:00:00Z'))).toEqual([]);
    expect(await ids('start', window('2026-11-23T09:00:00Z'))).toEqual([]);
    expect(await ids('start', window('2026-12-29T00:00:00Z'))).toEqual([]);
    expect(await ids('start', window('2027-01-04T00:00:00Z'))).toEqual(['hanako', 'jiro', 'saburo', 'shiro', 'taro']);
  });

  it('follows a person’s own week and hours', async () => {
    // Sat 28 Nov, 10:00 JST = 01:00Z.
    expect(await ids('start', window('2026-11-28T01:00:00Z'))).toEqual(['weekend']);
    expect(await ids('end', window('2026-11-28T10:00:00Z'))).toEqual(['weekend']);
    expect(await ids('start', window('2026-11-28T00:00:00Z'))).toEqual([]);
  });

  it('covers a long window across both zones in one call', async () => {
    // 24 Nov 00:00Z to 25 Nov 00:00Z: Tokyo's Tuesday 09:00 and London's Tuesday 09:00, Tokyo's Wednesday 09:00 not.
    const due = await dueUsers(pgDueSource(db.pool), calendar, 'start', window('2026-11-24T00:00:00Z', 24 * 60));
    expect(due.map((u) => `${u.aadObjectId} ${u.date} ${u.at.toISOString()}`).sort()).toEqual([
      'alice 2026-11-24 2026-11-24T09:00:00.000Z',
      'hanako 2026-11-24 2026-11-24T00:00:00.000Z',
      'saburo 2026-11-24 2026-11-24T00:00:00.000Z',
      'shiro 2026-11-24 2026-11-24T00:00:00.000Z',
    ]);
  });
});
