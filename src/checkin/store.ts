import type { LocalDate } from '../schedule/time.ts';
import type { CheckinAnswers, Finding } from './evaluate.ts';
import type { CheckKind, Severity } from './questions.ts';

export interface CheckRecord {
  id: string;
  aadObjectId: string;
  localDate: LocalDate;
  kind: CheckKind;
  cardId: string;
  answers: CheckinAnswers;
  guidelineRevision: string;
  submittedAt: Date;
  correctsId?: string;
}

export type NewCheck = Omit<CheckRecord, 'id' | 'submittedAt'>;

export interface StoredFinding {
  checkinId: string;
  ruleId: string;
  section: string;
  severity: Severity;
  guidelineRevision: string;
  notify?: string;
}

/**
 * stored: a new record. duplicate: this card, or today's original, is already stored; nothing changed and the
 * existing record is returned. superseded: the record to correct has been corrected already (an old card).
 * not-found: the record to correct is not this person's record of that day and kind.
 */
export type SaveResult =
  { status: 'stored' | 'duplicate'; record: CheckRecord } | { status: 'superseded' | 'not-found' };

/** Where check-ins, check-outs and their findings are kept; src/store/checkins.ts is the PostgreSQL one. */
export interface CheckinStore {
  save(check: NewCheck, findings: readonly Finding[], at: Date): Promise<SaveResult>;
  /** The record in force: the last correction of the day's original, if any. */
  current(aadObjectId: string, localDate: LocalDate, kind: CheckKind): Promise<CheckRecord | undefined>;
  /** The original and every correction, oldest first. */
  chain(aadObjectId: string, localDate: LocalDate, kind: CheckKind): Promise<CheckRecord[]>;
  findingsOf(checkinId: string): Promise<StoredFinding[]>;
  /** The local dates on which the person checked in, from `since` on. */
  checkinDates(aadObjectId: string, since: LocalDate): Promise<Set<LocalDate>>;
  /** `${aadObjectId}|${localDate}` for each of these people who checked in on one of these dates. */
  checkedInOn(aadObjectIds: string[], dates: LocalDate[]): Promise<Set<string>>;
  /** Those of `aadObjectIds` who have ever checked in (the others have not had a first telework day yet). */
  everCheckedIn(aadObjectIds: string[]): Promise<Set<string>>;
}

/**
 * A card the server sent: whose it is, what it asks and the day it counts for, fixed when it was issued in the
 * person's stored time zone. A submit is taken only for a card issued to the person submitting it.
 */
export interface IssuedCard {
  cardId: string;
  aadObjectId: string;
  kind: CheckKind;
  localDate: LocalDate;
  /** The zone the day was read in; the card stays open while it is still that day there. */
  timeZone: string;
  issuedAt: Date;
}

/** The record of issued cards; src/store/checkin-cards.ts is the PostgreSQL one. */
export interface CheckinCards {
  /** Records cards in bulk (a morning's fan-out is one statement per few thousand people). */
  issue(cards: readonly IssuedCard[]): Promise<void>;
  get(cardId: string): Promise<IssuedCard | undefined>;
  /** Forgets up to `limit` cards issued before `before`; returns how many. */
  purgeIssuedBefore(before: Date, limit: number): Promise<number>;
}
