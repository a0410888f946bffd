import type { QuestionLogStore } from '../questions/retention.ts';
import type { Queryable } from './transaction.ts';

/** question_log (migration 007): the text of answered questions, without who asked, while the retention lasts. */
export function pgQuestionLog(db: Queryable): QuestionLogStore {
  return {
    async add(q) {
      await db.query('INSERT INTO question_log (asked_on, language, verdict, text) VALUES ($1, $2, $3, $4)', [
        q.askedOn,
        q.lang,
        q.verdict,
        q.text,
      ]);
    },
    async deleteAskedBefore(day) {
      const result =
        day === undefined
          ? await db.query('DELETE FROM question_log')
          : await db.query('DELETE FROM question_log WHERE asked_on < $1::date', [day]);
      return result.rowCount ?? 0;
    },
  };
}
