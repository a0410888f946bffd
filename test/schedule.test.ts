/** Local working days and times across zones, DST and the company calendar: pure, no database. */
import { describe, expect, it } from 'vitest';
import {
  CalendarConfigError,
  calendarFromEnv,
  combineCalendars,
  japaneseNationalHolidays,
  parseCompanyHolidays,
} from '../src/schedule/calendar.ts';
import { isWorkingDay, nextOccurrence, workSchedule, type DayKind } from '../src/schedule/work-week.ts';
import { effectiveTimeZone, localDateOf, zonedInstant } from '../src/schedule/time.ts';
import { latestSlot } from '../src/schedule/jobs.ts';

const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03,08-13..08-15,2026-05-01' });
const tokyo = workSchedule({ timeZone: 'Asia/Tokyo' });
const london = workSchedule({ timeZone: 'Europe/London' });
const iso = (d: Date | undefined) => d?.toISOString();

describe('a working day in the person’s own zone', () => {
  it('starts a Tokyo day at 09:00 JST and a London day at 09:00 GMT in winter', () => {
    const after = new Date('2026-11-24T12:00:00Z'); // Tue 21:00 JST, 12:00 GMT
    expect(iso(nextOccurrence(tokyo, 'start', after, calendar))).toBe('2026-11-25T00:00:00.000Z');
    expect(iso(nextOccurrence(london, 'start', after, calendar))).toBe('2026-11-25T09:00:00.000Z');
    expect(iso(nextOccurrence(tokyo, 'end', after, calendar))).toBe('2026-11-25T09:00:00.000Z');
    expect(iso(nextOccurrence(london, 'end', new Date('2026-11-25T09:00:00Z'), calendar))).toBe(
      '2026-11-25T18:00:00.000Z',
    );
  });

  it('keeps London at 09:00 local across the March and October 2026 clock changes', () => {
    // Fri 27 March is still GMT; the clocks go forward on Sunday 29 March; Monday 30 March is BST.
    expect(iso(nextOccurrence(london, 'start', new Date('2026-03-27T00:00:00Z'), calendar))).toBe(
      '2026-03-27T09:00:00.000Z',
    );
    expect(iso(nextOccurrence(london, 'start', new Date('2026-03-27T09:00:00Z'), calendar))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    // Fri 23 October is BST; the clocks go back on Sunday 25 October; Monday 26 October is GMT.
    expect(iso(nextOccurrence(london, 'start', new Date('2026-10-23T00:00:00Z'), calendar))).toBe(
      '2026-10-23T08:00:00.000Z',
    );
    expect(iso(nextOccurrence(london, 'start', new Date('2026-10-23T08:00:00Z'), calendar))).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('reads a time in the spring gap forward and a repeated autumn time as the first one', () => {
    // 01:30 does not exist in London on 29 March 2026: it is read as 01:30 GMT, which the clocks show as 02:30.
    expect(iso(zonedInstant('2026-03-29', 90, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedInstant('2026-03-29', 150, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice on 25 October 2026: BST first (00:30Z), then GMT (01:30Z). We take the first.
    expect(iso(zonedInstant('2026-10-25', 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', 120, 'Europe/London'))).toBe('2026-10-25T02:00:00.000Z');
    const lateStart = workSchedule({ timeZone: 'Europe/London', start: '01:30', workingDays: [0] });
    expect(iso(nextOccurrence(lateStart, 'start', new Date('2026-03-28T12:00:00Z'), calendar))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('tells the local date of an instant in each zone', () => {
    const t = new Date('2026-11-23T20:00:00Z');
    expect(localDateOf(t, 'Asia/Tokyo')).toBe('2026-11-24');
    expect(localDateOf(t, 'Europe/London')).toBe('2026-11-23');
    expect(localDateOf(t, 'America/Los_Angeles')).toBe('2026-11-23');
  });

  it('treats a missing or unknown zone as Tokyo', () => {
    expect(effectiveTimeZone(undefined)).toBe('Asia/Tokyo');
    expect(effectiveTimeZone('Mars/Olympus_Mons')).toBe('Asia/Tokyo');
    expect(effectiveTimeZone('')).toBe('Asia/Tokyo');
    expect(workSchedule({ timeZone: 'Not/AZone' }).timeZone).toBe('Asia/Tokyo');
    expect(effectiveTimeZone('America/New_York')).toBe('America/New_York');
  });

  it('uses the person’s own weekdays and hours', () => {
    const weekend = workSchedule({ timeZone: 'Asia/Tokyo', workingDays: [0, 6], start: '10:30', end: '19:15' });
    // After Tue 24 Nov the next of their days is Sat 28 Nov, 10:30 JST.
    expect(iso(nextOccurrence(weekend, 'start', new Date('2026-11-24T00:00:00Z'), calendar))).toBe(
      '2026-11-28T01:30:00.000Z',
    );
    expect(() => workSchedule({ start: '25:00' })).toThrow(/HH:MM/);
    expect(() => workSchedule({ workingDays: [7] })).toThrow(/Working days/);
  });
});

describe('holidays', () => {
  it('skips 勤労感謝の日 (Mon 23 Nov 2026) for Tokyo and London alike', () => {
    const fridayEvening = new Date('2026-11-20T12:00:00Z');
    expect(iso(nextOccurrence(tokyo, 'start', fridayEvening, calendar))).toBe('2026-11-24T00:00:00.000Z');
    expect(iso(nextOccurrence(london, 'start', fridayEvening, calendar))).toBe('2026-11-24T09:00:00.000Z');
    expect(japaneseNationalHolidays.holidayOn('2026-11-23')).toBe('勤労感謝の日');
  });

  it('skips 振替休日 and 国民の休日 from the maintained list', () => {
    expect(isWorkingDay(tokyo, '2026-05-06', calendar)).toBe(false); // こどもの日 振替休日 (Wed)
    expect(isWorkingDay(tokyo, '2027-03-22', calendar)).toBe(false); // 春分の日 振替休日 (Mon)
    expect(isWorkingDay(tokyo, '2026-09-22', calendar)).toBe(false); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isWorkingDay(tokyo, '2026-05-07', calendar)).toBe(true);
    expect(iso(nextOccurrence(tokyo, 'start', new Date('2027-03-19T10:00:00Z'), calendar))).toBe(
      '2027-03-23T00:00:00.000Z',
    );
  });

  it('skips the company’s 12/29–1/3 across the year end, and explicit dates', () => {
    // Mon 28 Dec 2026 is the last working day; Mon 4 Jan 2027 the first.
    expect(isWorkingDay(tokyo, '2026-12-28', calendar)).toBe(true);
    expect(iso(nextOccurrence(tokyo, 'start', new Date('2026-12-28T01:00:00Z'), calendar))).toBe(
      '2027-01-04T00:00:00.000Z',
    );
    expect(isWorkingDay(london, '2026-12-31', calendar)).toBe(false);
    expect(isWorkingDay(tokyo, '2026-05-01', calendar)).toBe(false);
    expect(isWorkingDay(tokyo, '2027-05-07', calendar)).toBe(true);
    expect(isWorkingDay(tokyo, '2026-08-14', calendar)).toBe(false);
  });

  it('rejects a bad COMPANY_HOLIDAYS with the variable, the item and the expected format', () => {
    expect(() => parseCompanyHolidays('12-29..01-03, 13-01, 2026-02-30')).toThrow(CalendarConfigError);
    expect(() => parseCompanyHolidays('12-29..01-03, 13-01')).toThrow(/COMPANY_HOLIDAYS: item 2 "13-01"/);
    expect(() => parseCompanyHolidays('2026-05-05..2026-05-01')).toThrow(/ends before it starts/);
    expect(() => parseCompanyHolidays('12-29..2027-01-03')).toThrow(/MM-DD or MM-DD\.\.MM-DD/);
    expect(() => calendarFromEnv({ NATIONAL_HOLIDAYS: 'UK' })).toThrow(/NATIONAL_HOLIDAYS/);
    expect(parseCompanyHolidays('').holidayOn('2026-12-31')).toBeUndefined();
    expect(parseCompanyHolidays(' 02-29 ').holidayOn('2028-02-29')).toMatch(/会社休日/);
  });

  it('can drop the national calendar', () => {
    const companyOnly = calendarFromEnv({ NATIONAL_HOLIDAYS: 'none', COMPANY_HOLIDAYS: '12-29..01-03' });
    expect(isWorkingDay(london, '2026-11-23', companyOnly)).toBe(true);
    expect(isWorkingDay(london, '2026-12-30', combineCalendars(companyOnly))).toBe(false);
  });
});

describe('the person’s own day marks', () => {
  it('takes leave off the working days, keeps an office day a working day', () => {
    const marks = new Map<string, DayKind>([
      ['2026-11-24', 'leave'],
      ['2026-11-25', 'office'],
    ]);
    expect(isWorkingDay(tokyo, '2026-11-24', calendar, marks.get('2026-11-24'))).toBe(false);
    expect(isWorkingDay(tokyo, '2026-11-25', calendar, marks.get('2026-11-25'))).toBe(true);
    expect(iso(nextOccurrence(tokyo, 'start', new Date('2026-11-20T12:00:00Z'), calendar, (d) => marks.get(d)))).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });
});

describe('job slots', () => {
  it('finds the latest 08:30 Tokyo working-day slot, skipping weekends and holidays', () => {
    const digest = { at: '08:30', tz: 'Asia/Tokyo', days: 'working' } as const;
    // Mon 23 Nov (holiday) 10:00 JST: the latest slot is Fri 20 Nov.
    expect(latestSlot(digest, new Date('2026-11-23T01:00:00Z'), calendar)?.key).toBe('2026-11-20');
    expect(latestSlot(digest, new Date('2026-11-23T23:29:59Z'), calendar)?.key).toBe('2026-11-20');
    expect(latestSlot(digest, new Date('2026-11-23T23:30:00Z'), calendar)?.key).toBe('2026-11-24');
    expect(latestSlot({ ...digest, days: 'daily' }, new Date('2026-11-23T01:00:00Z'), calendar)?.key).toBe(
      '2026-11-23',
    );
    expect(iso(latestSlot({ every: '15m' }, new Date('2026-11-24T00:29:59Z'), calendar)?.scheduledAt)).toBe(
      '2026-11-24T00:15:00.000Z',
    );
    expect(() => latestSlot({ every: '15 minutes' }, new Date(), calendar)).toThrow(/15m/);
  });
});
