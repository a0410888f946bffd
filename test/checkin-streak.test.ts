import { describe, expect, it } from 'vitest';
import { streakOf } from '../src/checkin/streak.ts';
import { calendarFromEnv } from '../src/schedule/calendar.ts';

const calendar = calendarFromEnv({ COMPANY_HOLIDAYS: '12-29..01-03' });
const set = (...d: string[]) => new Set(d);

describe('check-in streak shown on the receipt', () => {
  it('counts telework days in a row; weekends, holidays and office days neither count nor break it', () => {
    // Fri 11-20, (weekend), (Mon 11-23 勤労感謝の日), Tue 11-24 office day, Wed 11-25 today.
    expect(streakOf('2026-11-25', set('2026-11-19', '2026-11-20', '2026-11-25'), set('2026-11-24'), calendar)).toBe(3);
  });

  it('ends at a working day without a check-in', () => {
    expect(streakOf('2026-11-25', set('2026-11-20', '2026-11-25'), set(), calendar)).toBe(1);
  });

  it('spans the company holidays at the year end', () => {
    expect(streakOf('2027-01-04', set('2026-12-28', '2027-01-04'), set(), calendar)).toBe(2);
  });
});
