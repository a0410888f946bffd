import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { enqueue, type OutgoingMessage } from '../delivery/outbox.ts';
import type { DeliveryPayload } from '../delivery/ports.ts';
import { GUIDELINE_REVISION } from '../guideline/index.ts';
import type { Calendar } from '../schedule/calendar.ts';
import { dueUsers } from '../schedule/due.ts';
import type { JobDefinition, JobSlot } from '../schedule/jobs.ts';
import type { CheckKind } from './questions.ts';
import type { CardData } from './validate.ts';
import { pgCheckins } from '../store/checkins.ts';

const everCheckedIn = (pool: pg.Pool, ids: string[]) => pgCheckins(pool).everCheckedIn(ids);

/** Builds the message a person receives; the bot's card builders, kept outside the core. */
export interface CheckinRenderer {
  render(
    kind: CheckKind,
    lang: 'ja' | 'en',
    data: CardData,
    opts: { reminder: boolean; firstTelework: boolean },
  ): DeliveryPayload;
}

export interface CheckinScheduleOptions {
  pool: pg.Pool;
  calendar: Calendar;
  renderer: CheckinRenderer;
  /** How long after the start time a missing check-in earns its one reminder (default 2 h). */
  reminderAfterMs?: number;
}

/**
 * The three daily jobs: the check-in card at each person's start time, one reminder if nothing came back, the
 * check-out card at their end time. Each slot only decides who is due and queues outbox rows; the dedupe keys
 * (one per person, day and kind) make a re-run of a slot harmless.
 */
export function checkinJobs(o: CheckinScheduleOptions): JobDefinition[] {
  const reminderAfterMs = o.reminderAfterMs ?? 2 * 3_600_000;

  async function queue(kind: CheckKind, slot: JobSlot, reminder: boolean): Promise<void> {
    const shift = reminder ? reminderAfterMs : 0;
    const window: [Date, Date] = [
      new Date(slot.windowStart.getTime() - shift),
      new Date(slot.windowEnd.getTime() - shift),
    ];
    let due = await dueUsers(o.pool, o.calendar, kind === 'checkin' ? 'start' : 'end', window);
    if (reminder && due.length) {
      const { rows } = await o.pool.query<{ aad_object_id: string; local_date: string }>(
        // Only the days this window is about (at most two): a person's whole history is not needed.
        `SELECT aad_object_id, to_char(local_date, 'YYYY-MM-DD') AS local_date FROM checkins
          WHERE kind = 'checkin' AND local_date = ANY($2::date[]) AND aad_object_id = ANY($1)`,
        [due.map((u) => u.aadObjectId), [...new Set(due.map((u) => u.date))]],
      );
      const answered = new Set(rows.map((r) => `${r.aad_object_id}|${r.local_date}`));
      due = due.filter((u) => !answered.has(`${u.aadObjectId}|${u.date}`));
    }
    if (!due.length) return;
    const people = await o.pool.query<{ aad_object_id: string; tenant_id: string; locale: string | null }>(
      'SELECT aad_object_id, tenant_id, locale FROM users WHERE aad_object_id = ANY($1)',
      [due.map((u) => u.aadObjectId)],
    );
    const byId = new Map(people.rows.map((r) => [r.aad_object_id, r]));
    const veterans =
      kind === 'checkin'
        ? await everCheckedIn(
            o.pool,
            due.map((u) => u.aadObjectId),
          )
        : new Set<string>();
    const label = reminder ? `${kind}-reminder` : kind;
    const byDate = new Map<string, OutgoingMessage[]>();
    for (const u of due) {
      const person = byId.get(u.aadObjectId);
      if (!person) continue;
      const lang = person.locale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
      const data: CardData = {
        cardId: randomUUID(),
        owner: u.aadObjectId,
        localDate: u.date,
        revision: GUIDELINE_REVISION,
      };
      const list = byDate.get(u.date) ?? [];
      list.push({
        aadObjectId: u.aadObjectId,
        tenantId: person.tenant_id,
        payload: o.renderer.render(kind, lang, data, {
          reminder,
          firstTelework: kind === 'checkin' && !veterans.has(u.aadObjectId),
        }),
        dedupeKey: `${label}:${u.date}:user:${u.aadObjectId}`,
      });
      byDate.set(u.date, list);
    }
    for (const [date, messages] of byDate) {
      await enqueue(o.pool, { campaign: `${label}:${date}`, kind: reminder ? 'reminder' : 'checkin', messages });
    }
  }

  return [
    { name: 'checkin-start', schedule: { every: '1m' }, run: (slot) => queue('checkin', slot, false) },
    { name: 'checkin-reminder', schedule: { every: '1m' }, run: (slot) => queue('checkin', slot, true) },
    { name: 'checkout-end', schedule: { every: '1m' }, run: (slot) => queue('checkout', slot, false) },
  ];
}
