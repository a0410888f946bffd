import { randomUUID } from 'node:crypto';
import type { OutgoingMessage, Outbox } from '../delivery/outbox.ts';
import type { DeliveryPayload } from '../delivery/ports.ts';
import { langOf, type Lang } from '../lang.ts';
import type { Transact, UserStore } from '../ports.ts';
import type { Calendar } from '../schedule/calendar.ts';
import { dueUsers, type DueSource } from '../schedule/due.ts';
import type { JobDefinition, JobSlot } from '../schedule/jobs.ts';
import { needingPledge } from './pledge.ts';
import type { CheckKind } from './questions.ts';
import type { CheckinCards, CheckinStore, IssuedCard } from './store.ts';
import { cardDataOf, type CardData } from './validate.ts';

/** Builds the message a person receives; the bot's card builders, kept outside the core. */
export interface CheckinRenderer {
  render(
    kind: CheckKind,
    lang: Lang,
    data: CardData,
    opts: { reminder: boolean; needsPledge: boolean },
  ): DeliveryPayload;
}

const CARD_RETENTION_MS = 31 * 86_400_000;
const PURGE_BATCH = 10_000;

/** What a slot reads (bound to the pool) and writes (bound to one transaction). */
export interface CheckinJobStores {
  due: DueSource;
  cards: Pick<CheckinCards, 'purgeIssuedBefore'>;
  checkins: Pick<CheckinStore, 'checkedInOn' | 'everCheckedIn'>;
  users: Pick<UserStore, 'profiles'>;
}

export interface CheckinJobWrites {
  cards: CheckinCards;
  outbox: Outbox;
}

export interface CheckinJobOptions {
  stores: CheckinJobStores;
  transaction: Transact<CheckinJobWrites>;
  calendar: Calendar;
  renderer: CheckinRenderer;
  /** How long after the start time a missing check-in earns its one reminder (default 2 h). */
  reminderAfterMs?: number;
  /** When cards are recorded as issued; default the wall clock. */
  now?: () => Date;
}

/**
 * The three daily jobs: the check-in card at each person's start time, one reminder if nothing came back, the
 * check-out card at their end time (and a nightly purge of issued cards older than a month). Each slot decides who
 * is due, then records the cards it issues and queues their outbox rows in one transaction; the dedupe keys (one per
 * person, day and kind) make a re-run of a slot harmless.
 */
export function checkinJobs(o: CheckinJobOptions): JobDefinition[] {
  const reminderAfterMs = o.reminderAfterMs ?? 2 * 3_600_000;
  const now = o.now ?? (() => new Date());

  async function queue(kind: CheckKind, slot: JobSlot, reminder: boolean): Promise<void> {
    const shift = reminder ? reminderAfterMs : 0;
    const window: [Date, Date] = [
      new Date(slot.windowStart.getTime() - shift),
      new Date(slot.windowEnd.getTime() - shift),
    ];
    let due = await dueUsers(o.stores.due, o.calendar, kind === 'checkin' ? 'start' : 'end', window);
    if (reminder && due.length) {
      const answered = await o.stores.checkins.checkedInOn(
        due.map((u) => u.aadObjectId),
        [...new Set(due.map((u) => u.date))],
      );
      due = due.filter((u) => !answered.has(`${u.aadObjectId}|${u.date}`));
    }
    if (!due.length) return;
    const ids = due.map((u) => u.aadObjectId);
    const [people, pledge] = await Promise.all([
      o.stores.users.profiles(ids),
      kind === 'checkin' ? needingPledge(o.stores.checkins, ids) : new Set<string>(),
    ]);
    const label = reminder ? `${kind}-reminder` : kind;
    const issuedAt = now();
    const cards: IssuedCard[] = [];
    const byDate = new Map<string, OutgoingMessage[]>();
    for (const u of due) {
      const person = people.get(u.aadObjectId);
      if (!person?.tenantId) continue;
      // The day the card counts for is the one it is due on, in the person's stored zone: fixed here, not by the client.
      const card: IssuedCard = {
        cardId: randomUUID(),
        aadObjectId: u.aadObjectId,
        kind,
        localDate: u.date,
        timeZone: u.timeZone,
        issuedAt,
      };
      cards.push(card);
      const list = byDate.get(u.date) ?? [];
      list.push({
        aadObjectId: u.aadObjectId,
        tenantId: person.tenantId,
        payload: o.renderer.render(kind, langOf(person.locale), cardDataOf(card), {
          reminder,
          needsPledge: pledge.has(u.aadObjectId),
        }),
        dedupeKey: `${label}:${u.date}:user:${u.aadObjectId}`,
      });
      byDate.set(u.date, list);
    }
    // A card goes out only if it is on record: one commit for both. (A re-run whose rows are skipped as duplicates
    // leaves card rows nobody received, which nobody can submit.)
    await o.transaction(async (tx) => {
      await tx.cards.issue(cards);
      for (const [date, messages] of byDate) {
        await tx.outbox.enqueue({ campaign: `${label}:${date}`, kind: reminder ? 'reminder' : 'checkin', messages });
      }
    });
  }

  /** A card is open on its own day only; a month later its record only grows the table. */
  async function purgeCards(slot: JobSlot): Promise<void> {
    const before = new Date(slot.scheduledAt.getTime() - CARD_RETENTION_MS);
    // In batches, so that no DELETE holds locks for long next to the morning's inserts.
    for (let n = PURGE_BATCH; n === PURGE_BATCH;) n = await o.stores.cards.purgeIssuedBefore(before, PURGE_BATCH);
  }

  return [
    { name: 'checkin-cards-purge', schedule: { at: '03:30', tz: 'Asia/Tokyo', days: 'daily' }, run: purgeCards },
    { name: 'checkin-start', schedule: { every: '1m' }, run: (slot) => queue('checkin', slot, false) },
    { name: 'checkin-reminder', schedule: { every: '1m' }, run: (slot) => queue('checkin', slot, true) },
    { name: 'checkout-end', schedule: { every: '1m' }, run: (slot) => queue('checkout', slot, false) },
  ];
}
