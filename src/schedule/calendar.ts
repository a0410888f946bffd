/**
 * Days off that apply to everyone: Japanese national holidays (from @holiday-jp/holiday_jp, which follows the
 * Cabinet Office list including 振替休日 and 国民の休日) and the company's own holidays from configuration.
 *
 * Who gets which calendar: this is a Japanese company, so its national holidays are company days off for every
 * employee, wherever they sit (a person in London gets 勤労感謝の日 off, not the UK bank holidays). A deployment
 * that wants otherwise sets NATIONAL_HOLIDAYS=none and lists its days in COMPANY_HOLIDAYS.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { isLocalDate, parseLocalDate, type LocalDate } from './time.ts';

export interface Calendar {
  /** The holiday's name when the whole company is off on that local date. */
  holidayOn(date: LocalDate): string | undefined;
}

const nationalTable = holidayJp.holidays as Record<string, { name: string } | undefined>;

export const japaneseNationalHolidays: Calendar = {
  holidayOn: (date) => nationalTable[date]?.name,
};

export const noHolidays: Calendar = { holidayOn: () => undefined };

export function combineCalendars(...calendars: Calendar[]): Calendar {
  return {
    holidayOn(date) {
      for (const c of calendars) {
        const name = c.holidayOn(date);
        if (name) return name;
      }
      return undefined;
    },
  };
}

export class CalendarConfigError extends Error {
  override name = 'CalendarConfigError';
}

type Rule =
  | { kind: 'recurring'; from: number; to: number; text: string } // month*100+day, may wrap the year end
  | { kind: 'dates'; from: LocalDate; to: LocalDate; text: string };

export const COMPANY_HOLIDAYS_FORMAT =
  'comma-separated items: MM-DD or MM-DD..MM-DD every year (a range may wrap the year end, e.g. 12-29..01-03), ' +
  'or YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD once';

function monthDay(text: string): number | undefined {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 2024 is a leap year, so 02-29 is accepted and simply matches nothing in other years.
  if (month < 1 || month > 12 || !isLocalDate(`2024-${m[1]}-${m[2]}`)) return undefined;
  return month * 100 + day;
}

/** Parses COMPANY_HOLIDAYS; every mistake is reported with its item so the operator can fix the setting. */
export function parseCompanyHolidays(spec: string | undefined, envName = 'COMPANY_HOLIDAYS'): Calendar {
  const rules: Rule[] = [];
  const items = (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const errors: string[] = [];
  items.forEach((item, i) => {
    const [a, b, ...rest] = item.split('..').map((s) => s.trim());
    const where = `item ${i + 1} "${item}"`;
    if (rest.length > 0 || a === undefined || a === '' || b === '') {
      errors.push(`${where}: a range is FROM..TO`);
      return;
    }
    const to = b ?? a;
    const mdFrom = monthDay(a);
    const mdTo = monthDay(to);
    if (mdFrom !== undefined && mdTo !== undefined) {
      rules.push({ kind: 'recurring', from: mdFrom, to: mdTo, text: item });
      return;
    }
    if (isLocalDate(a) && isLocalDate(to)) {
      if (to < a) errors.push(`${where}: ends before it starts`);
      else rules.push({ kind: 'dates', from: a, to, text: item });
      return;
    }
    errors.push(`${where}: not MM-DD, YYYY-MM-DD, or a range of one kind`);
  });
  if (errors.length > 0) {
    throw new CalendarConfigError(`${envName}: ${errors.join('; ')}. Expected ${COMPANY_HOLIDAYS_FORMAT}.`);
  }
  return {
    holidayOn(date) {
      const { month, day } = parseLocalDate(date);
      const md = month * 100 + day;
      for (const r of rules) {
        if (r.kind === 'dates' ? date >= r.from && date <= r.to : inRecurring(md, r.from, r.to)) {
          return `会社休日 (${r.text})`;
        }
      }
      return undefined;
    },
  };
}

function inRecurring(md: number, from: number, to: number): boolean {
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/**
 * The company calendar from the environment: NATIONAL_HOLIDAYS = 'JP' (default) | 'none', and COMPANY_HOLIDAYS
 * (default empty). Throws CalendarConfigError naming the variable on a bad value.
 */
export function calendarFromEnv(env: Record<string, string | undefined>): Calendar {
  const national = (env.NATIONAL_HOLIDAYS ?? 'JP').trim().toUpperCase();
  if (national !== 'JP' && national !== 'NONE') {
    throw new CalendarConfigError(`NATIONAL_HOLIDAYS: "${env.NATIONAL_HOLIDAYS}" is not JP or none.`);
  }
  const company = parseCompanyHolidays(env.COMPANY_HOLIDAYS);
  return national === 'JP' ? combineCalendars(japaneseNationalHolidays, company) : company;
}
