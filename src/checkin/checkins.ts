import { randomUUID } from 'node:crypto';
import type { Outbox } from '../delivery/outbox.ts';
import type { AuditLog, Clock, Transact, UserStore } from '../ports.ts';
import type { Calendar } from '../schedule/calendar.ts';
import type { DayKind, WorkSchedule } from '../schedule/work-week.ts';
import { addDays, effectiveTimeZone, localDateOf, type LocalDate } from '../schedule/time.ts';
import { evaluate, type CheckinAnswers, type Finding } from './evaluate.ts';
import type { ComplianceNotifier } from './notify.ts';
import { needingPledge } from './pledge.ts';
import type { CheckKind } from './questions.ts';
import type { CheckinCards, CheckinStore, CheckRecord, IssuedCard } from './store.ts';
import { STREAK_LOOK_BACK_DAYS, streakOf } from './streak.ts';
import { cardDataOf, cardIdOf, validateSubmit, VERBS, type CardData, type Refusal } from './validate.ts';

export type SubmitOutcome =
  | { status: 'refused'; reasons: Refusal[] }
  | { status: 'stored'; kind: CheckKind; record: CheckRecord; findings: Finding[]; streak: number }
  | { status: 'duplicate'; kind: CheckKind; record: CheckRecord; findings: Finding[]; streak: number }
  | { status: 'superseded' | 'not-found'; kind: CheckKind };

export interface DayMarks {
  markDay(aadObjectId: string, date: LocalDate, kind: DayKind, at: Date): Promise<void>;
  daysOf(aadObjectId: string, range: { from: LocalDate; to: LocalDate }): Promise<{ date: LocalDate; kind: DayKind }[]>;
}

export interface WorkWeeks {
  /** The person's working week and time zone, company defaults for what they have not set. */
  workScheduleOf(aadObjectId: string): Promise<WorkSchedule>;
}

/** The stores the check-in use cases read and write; the same shape bound to one transaction is `Tx`. */
export interface CheckinStores {
  checkins: CheckinStore;
  cards: CheckinCards;
  users: UserStore;
  days: DayMarks;
  schedules: WorkWeeks;
  audit: AuditLog;
  outbox: Outbox;
  directory: { managerOf(aadObjectId: string): Promise<string | undefined> };
}

/** An issued card and whether it must first ask for the pledge (§0); the bot only renders it. */
export interface IssuedCardView {
  data: CardData;
  needsPledge: boolean;
}

/** The check-in use cases: issue a card for today, take a submitted card, mark an office day. */
export function createCheckins(
  deps: CheckinStores & {
    transaction: Transact<CheckinStores>;
    clock: Clock;
    calendar: Calendar;
    notifier?: ComplianceNotifier;
  },
) {
  async function streak(aadObjectId: string, today: LocalDate): Promise<number> {
    const since = addDays(today, -STREAK_LOOK_BACK_DAYS);
    const [dates, marks, schedule] = await Promise.all([
      deps.checkins.checkinDates(aadObjectId, since),
      deps.days.daysOf(aadObjectId, { from: since, to: today }),
      deps.schedules.workScheduleOf(aadObjectId),
    ]);
    return streakOf(today, dates, new Map(marks.map((m) => [m.date, m.kind])), schedule, deps.calendar);
  }

  /**
   * The person's local date now, in their stored time zone (Tokyo when none): what a client says about its zone
   * on one activity does not move the day.
   */
  async function today(aadObjectId: string): Promise<{ timeZone: string; date: LocalDate }> {
    const timeZone = effectiveTimeZone((await deps.users.get(aadObjectId))?.timeZone);
    return { timeZone, date: localDateOf(deps.clock.now(), timeZone) };
  }

  async function refuse(actor: string, kind: CheckKind, reasons: Refusal[], at: Date): Promise<SubmitOutcome> {
    // Codes and question ids only: nothing the person typed, nothing of anyone else's card.
    await deps.audit.record({ at, actor, action: `${kind}.refused`, subject: actor, detail: { reasons } });
    return { status: 'refused', reasons };
  }

  return {
    /** Issues today's card to the person, recorded so that only they can submit it, for the day fixed now. */
    async issueCard(aadObjectId: string, kind: CheckKind): Promise<IssuedCardView> {
      const { timeZone, date } = await today(aadObjectId);
      const card: IssuedCard = {
        cardId: randomUUID(),
        aadObjectId,
        kind,
        localDate: date,
        timeZone,
        issuedAt: deps.clock.now(),
      };
      const [, pledge] = await Promise.all([
        deps.cards.issue([card]),
        kind === 'checkin' ? needingPledge(deps.checkins, [aadObjectId]) : new Set<string>(),
      ]);
      return {
        data: cardDataOf(card),
        needsPledge: pledge.has(aadObjectId),
      };
    },

    /**
     * Validates on the server (the issued card's owner and day, offered values, revision), then stores the record,
     * its findings, its audit row and its compliance notices in one transaction; nothing on refusal.
     */
    async submit(
      actor: { aadObjectId: string; tenantId?: string },
      verb: unknown,
      data: unknown,
    ): Promise<SubmitOutcome> {
      const kind: CheckKind = verb === VERBS.checkout ? 'checkout' : 'checkin';
      const at = deps.clock.now();
      const cardId = cardIdOf(data);
      const issued = cardId ? await deps.cards.get(cardId) : undefined;
      const result = validateSubmit(
        {
          kind,
          actor: actor.aadObjectId,
          issued,
          today: issued ? localDateOf(at, issued.timeZone) : '',
        },
        verb,
        data,
      );
      if (!result.ok) return refuse(actor.aadObjectId, kind, result.reasons, at);

      const findings = evaluate(kind, result.answers);
      const saved = await deps.transaction(async (tx) => {
        const s = await tx.checkins.save(
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
        if (s.status !== 'stored') return s;
        await tx.audit.record({
          at,
          actor: actor.aadObjectId,
          action: `${kind}.submitted`,
          subject: actor.aadObjectId,
          detail: { id: s.record.id, localDate: s.record.localDate, findings: findings.map((f) => f.ruleId) },
        });
        if (findings.length && deps.notifier && actor.tenantId) {
          await deps.notifier.notify(tx, s.record, findings, actor.tenantId);
        }
        return s;
      });
      if (!('record' in saved)) return { status: saved.status, kind };
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

    async markOfficeDay(aadObjectId: string): Promise<LocalDate> {
      const { date } = await today(aadObjectId);
      await deps.days.markDay(aadObjectId, date, 'office', deps.clock.now());
      return date;
    },
  };
}

export type Checkins = ReturnType<typeof createCheckins>;
