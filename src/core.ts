import { answer } from './answer/answer.ts';
import type { Answer } from './answer/types.ts';
import { createCheckins, type DayMarks } from './checkin/checkins.ts';
import type { ComplianceNotifier } from './checkin/notify.ts';
import type { CheckinStore } from './checkin/store.ts';
import type { Calendar } from './schedule/calendar.ts';
import { createPeople } from './people/people.ts';
import type { AuditLog, Clock, UserStore } from './ports.ts';
import type { QuestionKeeper } from './questions/retention.ts';

export const MAX_QUESTION_LENGTH = 500;

export interface CoreDeps {
  users: UserStore;
  audit: AuditLog;
  clock: Clock;
  checkins: CheckinStore;
  days: DayMarks;
  notifier?: ComplianceNotifier;
  calendar: Calendar;
  /** Keeps question text when a retention period is configured; without it nothing typed is kept. */
  questions?: QuestionKeeper;
}

/** The use cases the bot and the tab call, with plain values in and out. */
export function createCore(deps: CoreDeps) {
  const people = createPeople(deps);
  return {
    people,
    checkins: createCheckins({
      store: deps.checkins,
      users: deps.users,
      days: deps.days,
      audit: deps.audit,
      clock: deps.clock,
      calendar: deps.calendar,
      ...(deps.notifier ? { notifier: deps.notifier } : {}),
    }),
    audit: deps.audit,

    async ask(asker: { aadObjectId?: string }, question: string): Promise<Answer> {
      const text = question.slice(0, MAX_QUESTION_LENGTH);
      const result = answer(text);
      const at = deps.clock.now();
      // The audit log cannot be purged, so it holds how the question was answered and never what was asked.
      await deps.audit.record({
        at,
        actor: asker.aadObjectId ?? 'anonymous',
        action: 'question.answered',
        subject: asker.aadObjectId,
        detail: { verdict: result.verdict, citations: result.citations, cells: result.cells.length },
      });
      await deps.questions?.keep({ at, text, answer: result });
      return result;
    },
  };
}

export type Core = ReturnType<typeof createCore>;
