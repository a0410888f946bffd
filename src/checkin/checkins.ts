import { randomUUID } from 'node:crypto';
import { GUIDELINE_REVISION } from '../guideline/index.ts';
import type { AuditLog, Clock, UserStore } from '../ports.ts';
import type { Calendar } from '../schedule/calendar.ts';
import { addDays, effectiveTimeZone, localDateOf, type LocalDate } from '../schedule/time.ts';
import { streakOf } from './streak.ts';
import { evaluate, type CheckinAnswers, type Finding } from './evaluate.ts';
import type { CheckKind } from './questions.ts';
import type { ComplianceNotifier } from './notify.ts';
import type { CheckinStore, CheckRecord } from './store.ts';
import { validateSubmit, type CardData, type Refusal } from './validate.ts';

export type SubmitOutcome =
  | { status: 'refused'; reasons: Refusal[] }
  | { status: 'stored'; kind: CheckKind; record: CheckRecord; findings: Finding[]; streak: number }
  | { status: 'duplicate'; kind: CheckKind; record: CheckRecord; findings: Finding[]; streak: number }
  | { status: 'superseded' | 'not-found'; kind: CheckKind };

export interface DayMarks {
  markDay(aadObjectId: string, date: LocalDate, kind: 'office' | 'leave', at: Date): Promise<void>;
  daysOf(aadObjectId: string, range: { from: LocalDate; to: LocalDate }): Promise<{ date: LocalDate }[]>;
}

/** The check-in use cases: issue a card for today, take a submitted card, mark an office day. */
export function createCheckins(deps: {
  store: CheckinStore;
  users: UserStore;
  days: DayMarks;
  audit: AuditLog;
  clock: Clock;
  calendar: Calendar;
  notifier?: ComplianceNotifier;
}) {
  async function streak(aadObjectId: string, today: LocalDate): Promise<number> {
    const since = addDays(today, -400);
    const [dates, marks] = await Promise.all([
      deps.store.checkinDates(aadObjectId, since),
      deps.days.daysOf(aadObjectId, { from: since, to: today }),
    ]);
    return streakOf(today, dates, new Set(marks.map((m) => m.date)), deps.calendar);
  }

  /** The person's local date now; Teams' time zone on the activity first, then the stored one, then Tokyo. */
  async function today(aadObjectId: string, timeZone?: string): Promise<LocalDate> {
    const zone = timeZone ?? (await deps.users.get(aadObjectId))?.timeZone;
    return localDateOf(deps.clock.now(), effectiveTimeZone(zone));
  }

  return {
    /** Before the first telework day the pledge must be signed (§0): the first check-in card says so. */
    async isFirstTelework(aadObjectId: string): Promise<boolean> {
      return !(await deps.store.everCheckedIn([aadObjectId])).has(aadObjectId);
    },

    async cardData(aadObjectId: string, timeZone?: string): Promise<CardData> {
      return {
        cardId: randomUUID(),
        owner: aadObjectId,
        localDate: await today(aadObjectId, timeZone),
        revision: GUIDELINE_REVISION,
      };
    },

    /** Validates on the server (owner, offered values, open day, revision), then stores once; nothing on refusal. */
    async submit(
      actor: { aadObjectId: string; timeZone?: string; tenantId?: string },
      verb: unknown,
      data: unknown,
    ): Promise<SubmitOutcome> {
      const kind: CheckKind = verb === 'checkout.submit' ? 'checkout' : 'checkin';
      const at = deps.clock.now();
      const result = validateSubmit(
        { kind, actor: actor.aadObjectId, today: await today(actor.aadObjectId, actor.timeZone) },
        verb,
        data,
      );
      if (!result.ok) {
        await deps.audit.record({
          at,
          actor: actor.aadObjectId,
          action: `${kind}.refused`,
          subject: actor.aadObjectId,
          detail: { reasons: result.reasons },
        });
        return { status: 'refused', reasons: result.reasons };
      }
      const findings = evaluate(kind, result.answers);
      const saved = await deps.store.save(
        {
          aadObjectId: actor.aadObjectId,
          localDate: result.card.localDate,
          kind,
          cardId: result.card.cardId,
          answers: result.answers,
          guidelineRevision: result.card.revision,
          ...(result.card.corrects ? { correctsId: result.card.corrects } : {}),
        },
        findings,
        at,
      );
      if (!('record' in saved)) return { status: saved.status, kind };
      if (saved.status === 'stored') {
        await deps.audit.record({
          at,
          actor: actor.aadObjectId,
          action: `${kind}.submitted`,
          subject: actor.aadObjectId,
          detail: { id: saved.record.id, localDate: saved.record.localDate, findings: findings.map((f) => f.ruleId) },
        });
        if (findings.length && deps.notifier && actor.tenantId) {
          await deps.notifier.notify(saved.record, findings, actor.tenantId);
        }
      }
      // A duplicate shows what was stored the first time, with that record's own findings.
      const shown = saved.status === 'stored' ? findings : evaluate(kind, saved.record.answers as CheckinAnswers);
      return {
        status: saved.status,
        kind,
        record: saved.record,
        findings: shown,
        streak: kind === 'checkin' ? await streak(actor.aadObjectId, saved.record.localDate) : 0,
      };
    },

    async markOfficeDay(aadObjectId: string, timeZone?: string): Promise<LocalDate> {
      const date = await today(aadObjectId, timeZone);
      await deps.days.markDay(aadObjectId, date, 'office', deps.clock.now());
      return date;
    },
  };
}

export type Checkins = ReturnType<typeof createCheckins>;
