import { describe, expect, it } from 'vitest';
import { streakOf } from '../src/checkin/streak.ts';
import { calendarFromEnv } from '../src/schedule/calendar.ts';
import { workSchedule, type DayKind } from '../src/schedule/work-week.ts';

const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' });
const set = (...d: string[]) => new Set(d);
const office = (...d: string[]) => new Map(d.map((day): [string, DayKind] => [day, 'office']));
const weekdays = workSchedule({});

describe('check-in streak shown on the receipt', () => {
  it('counts telework days in a row; weekends, holidays and office days neither count nor break it', () => {
    // Fri 11-20, (weekend), (Mon 11-23 勤労感謝の日), Tue 11-24 office day, Wed 11-25 today.
    expect(
      streakOf('2026-11-25', set('2026-11-19', '2026-11-20', '2026-11-25'), office('2026-11-24'), weekdays, calendar),
    ).toBe(3);
  });

  it('ends at a working day without a check-in', () => {
    expect(streakOf('2026-11-25', set('2026-11-20', '2026-11-25'), office(), weekdays, calendar)).toBe(1);
  });

  it('spans the company holidays at the year end', () => {
    expect(streakOf('2027-01-04', set('2026-12-28', '2027-01-04'), office(), weekdays, calendar)).toBe(2);
  });

  it("follows the person's own working week: Monday is no working day for someone who works Tuesday to Saturday", () => {
    const tueToSat = workSchedule({ workingDays: [2, 3, 4, 5, 6] });
    // Sat 11-21, (Sun 11-22 and Mon 11-23 are their days off), Tue 11-24, Wed 11-25 today.
    const checkedIn = set('2026-11-20', '2026-11-21', '2026-11-24', '2026-11-25');
    expect(streakOf('2026-11-25', checkedIn, office(), tueToSat, calendar)).toBe(4);
    // A Monday that is no holiday: Sat 11-28, (Sun, Mon 11-30 off), Tue 12-01 today.
    expect(streakOf('2026-12-01', set('2026-11-28', '2026-12-01'), office(), tueToSat, calendar)).toBe(2);
    // Their Saturday is a working day: missing it ends the streak.
    expect(streakOf('2026-12-01', set('2026-11-27', '2026-12-01'), office(), tueToSat, calendar)).toBe(1);
  });
});
