import { answer } from './answer/answer.ts';
import type { Answer } from './answer/types.ts';
import { createCheckins, type CheckinStores } from './checkin/checkins.ts';
import type { ComplianceNotifier } from './checkin/notify.ts';
import type { Calendar } from './schedule/calendar.ts';
import { createPeople } from './people/people.ts';
import type { Clock, Transact } from './ports.ts';
import type { QuestionKeeper, QuestionLogStore } from './questions/retention.ts';

export const MAX_QUESTION_LENGTH = 500;

/** The stores (bound to the pool), the same stores bound to one transaction, and the rest of the outside world. */
export interface CoreDeps extends CheckinStores {
  transaction: Transact<CheckinStores & { questionLog: QuestionLogStore }>;
  clock: Clock;
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
    checkins: createCheckins(deps),
    audit: deps.audit,

    async ask(asker: { aadObjectId?: string }, question: string): Promise<Answer> {
      const text = question.slice(0, MAX_QUESTION_LENGTH);
      const result = answer(text);
      const at = deps.clock.now();
      // The audit log cannot be purged, so it holds how the question was answered and never what was asked.
      const answered = {
        at,
        actor: asker.aadObjectId ?? 'anonymous',
        action: 'question.answered',
        subject: asker.aadObjectId,
        detail: { verdict: result.verdict, citations: result.citations, cells: result.cells.length },
      };
      const kept = deps.questions?.toKeep({ at, text, answer: result });
      if (!kept) await deps.audit.record(answered);
      else
        await deps.transaction(async (tx) => {
          await tx.audit.record(answered);
          await tx.questionLog.add(kept);
        });
      return result;
    },
  };
}

export type Core = ReturnType<typeof createCore>;
