/**
 * What is kept of a question once it is answered. The audit log records that it was answered (core.ts `ask`);
 * the text itself is kept only when the company chose a retention period (QUESTION_RETENTION_DAYS, default 0 =
 * never), apart from the audit log, without who asked, and a daily job deletes it once the period has passed.
 * Why no user id, not even a salted hash: improving the answers needs the questions, not the people; a hash kept
 * with its salt is still personal data (a pseudonym) and would link one person's questions over time.
 */
import type { Answer, Lang, Verdict } from '../answer/types.ts';
import { cleanText } from '../input/index.ts';
import type { Logger } from '../log.ts';
import type { JobDefinition } from '../schedule/jobs.ts';
import { addDays, DEFAULT_TIME_ZONE, localDateOf, type LocalDate } from '../schedule/time.ts';

export interface KeptQuestion {
  /** The day only, in the company's time zone: the time of day would match the question to its audit row. */
  askedOn: LocalDate;
  lang: Lang;
  verdict: Verdict;
  text: string;
}

/** Where kept questions live (src/store/question-log.ts). */
export interface QuestionLogStore {
  add(question: KeptQuestion): Promise<void>;
  /** Deletes the questions asked before `day`, or every one when `day` is undefined; returns how many. */
  deleteAskedBefore(day: LocalDate | undefined): Promise<number>;
}

/**
 * The core's port: offered every answered question, says what of it to keep according to the retention (nothing
 * when it is 0); the core writes that in the same transaction as the question's audit row.
 */
export interface QuestionKeeper {
  toKeep(asked: { at: Date; text: string; answer: Answer }): KeptQuestion | undefined;
}

export const MAX_KEPT_LENGTH = 500;
/** Days are counted, and the purge runs, on the company's calendar. */
const RETENTION_TIME_ZONE = DEFAULT_TIME_ZONE;

export function createQuestionKeeper(opts: { retentionDays: number }): QuestionKeeper {
  return {
    toKeep({ at, text, answer }) {
      if (opts.retentionDays <= 0) return undefined;
      const kept = minimise(text);
      if (!kept) return undefined;
      return { askedOn: localDateOf(at, RETENTION_TIME_ZONE), lang: answer.lang, verdict: answer.verdict, text: kept };
    },
  };
}

/**
 * The text as it is worth keeping: cleaned as all input is (src/input: no NUL or lone surrogate, which PostgreSQL
 * cannot store), and e-mail addresses and long digit runs (phone, employee and card numbers) masked, since they
 * never help an answer.
 */
export function minimise(text: string): string {
  return cleanText(text)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\d(?:[\s-]?\d){5,}/g, '[number]')
    .trim()
    .slice(0, MAX_KEPT_LENGTH);
}

/** Every day at 03:15 Tokyo time: deletes the questions older than the retention period, or all when it is 0. */
export function questionPurgeJob(opts: { store: QuestionLogStore; retentionDays: number; log: Logger }): JobDefinition {
  return {
    name: 'question-log-purge',
    schedule: { at: '03:15', tz: RETENTION_TIME_ZONE, days: 'daily' },
    async run(slot) {
      // The slot's key is its local date: a retried or late run deletes by the day it was due, never more.
      const before = opts.retentionDays > 0 ? addDays(slot.key, -opts.retentionDays) : undefined;
      const deleted = await opts.store.deleteAskedBefore(before);
      opts.log.info({ deleted, before: before ?? 'all', retentionDays: opts.retentionDays }, 'kept questions purged');
    },
  };
}
