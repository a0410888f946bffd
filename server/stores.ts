/**
 * The PostgreSQL adapters behind the core's ports, bound either to the pool or to one transaction's client.
 * Wired here, at the composition root, so that features never import src/store themselves.
 */
import type pg from 'pg';
import type { CheckinStores } from '../src/checkin/checkins.ts';
import { outboxOn } from '../src/delivery/outbox.ts';
import type { Transact } from '../src/ports.ts';
import { pgAuditLog } from '../src/store/audit.ts';
import { pgCheckinCards } from '../src/store/checkin-cards.ts';
import { pgCheckins } from '../src/store/checkins.ts';
import { pgDirectory } from '../src/store/directory.ts';
import { pgQuestionLog } from '../src/store/question-log.ts';
import { pgDueSource, pgUserDays, pgUserSchedules } from '../src/store/schedules.ts';
import { withTransaction, type Queryable } from '../src/store/transaction.ts';
import { pgUserStore } from '../src/store/users.ts';

export function storesOn(q: Queryable) {
  return {
    checkins: pgCheckins(q),
    cards: pgCheckinCards(q),
    users: pgUserStore(q),
    days: pgUserDays(q),
    schedules: pgUserSchedules(q),
    audit: pgAuditLog(q),
    outbox: outboxOn(q),
    directory: pgDirectory(q),
    due: pgDueSource(q),
    questionLog: pgQuestionLog(q),
  } satisfies CheckinStores & Record<string, unknown>;
}

export type Stores = ReturnType<typeof storesOn>;

/** One transaction with every store bound to it. */
export function transactionOn(pool: pg.Pool): Transact<Stores> {
  return (work) => withTransaction(pool, (client) => work(storesOn(client)));
}
