import { GUIDELINE_REVISION } from '../guideline/index.ts';
import { isGuid, isObject } from '../input/index.ts';
import { isLocalDate, type LocalDate } from '../schedule/time.ts';
import type { CheckinAnswers } from './evaluate.ts';
import { questionsOf, type CheckKind } from './questions.ts';

/** What the card carries in its action data besides the inputs (see bot/cards/checkin.ts). */
export interface CardData {
  cardId: string;
  owner: string;
  localDate: LocalDate;
  revision: string;
  /** The record a correction card corrects. */
  corrects?: string;
}

/** What an issued card carries in its action data: the server's record of it, echoed back on submit. */
export function cardDataOf(card: { cardId: string; aadObjectId: string; localDate: LocalDate }): CardData {
  return { cardId: card.cardId, owner: card.aadObjectId, localDate: card.localDate, revision: GUIDELINE_REVISION };
}

export const VERBS: Record<CheckKind, string> = { checkin: 'checkin.submit', checkout: 'checkout.submit' };

/** What the server knows, not what the card says. */
export interface SubmitContext {
  kind: CheckKind;
  /** The person in the authenticated activity (from.aadObjectId). */
  actor: string;
  /** The card the server issued under the submitted card id; undefined when it never issued one. */
  issued: { aadObjectId: string; kind: CheckKind; localDate: LocalDate } | undefined;
  /** The local date now in the time zone the card was issued in: the card is open only on its own day. */
  today: LocalDate;
  /** The guideline revision in force; defaults to the current one. */
  revision?: string;
}

export type RefusalCode =
  | 'wrong-verb'
  | 'bad-card-data'
  | 'not-owner'
  | 'not-issued'
  | 'day-closed'
  | 'stale-revision'
  | 'missing'
  | 'not-offered'
  | 'too-long';

export interface Refusal {
  code: RefusalCode;
  field?: string;
}

export type SubmitResult = { ok: true; card: CardData; answers: CheckinAnswers } | { ok: false; reasons: Refusal[] };

/** The submitted card id, when it has the form of one the server issues. */
export function cardIdOf(raw: unknown): string | undefined {
  const id = isObject(raw) ? raw.cardId : undefined;
  return isGuid(id) ? id : undefined;
}
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks a submitted card against what the server knows. All reasons are collected so a log shows the whole
 * tampering at once; nothing may be stored unless `ok`. Fields the card does not ask for are dropped, not
 * stored: clients add their own keys to action data.
 */
export function validateSubmit(ctx: SubmitContext, verb: unknown, raw: unknown): SubmitResult {
  const reasons: Refusal[] = [];
  if (verb !== VERBS[ctx.kind]) reasons.push({ code: 'wrong-verb' });
  const data = isObject(raw) ? raw : {};

  const { cardId, owner, localDate, revision, corrects } = data;
  const cardOk =
    isGuid(cardId) &&
    typeof owner === 'string' &&
    owner.length > 0 &&
    typeof localDate === 'string' &&
    isLocalDate(localDate) &&
    typeof revision === 'string' &&
    (corrects === undefined || isGuid(corrects));
  const issued = ctx.issued;
  if (!cardOk) {
    reasons.push({ code: 'bad-card-data' });
  } else {
    // The card's own owner and day are only echoes: what counts is the card the server recorded when it sent it.
    if (!issued) {
      reasons.push({ code: 'not-issued' });
    } else if (issued.aadObjectId !== ctx.actor || issued.kind !== ctx.kind || owner !== ctx.actor) {
      reasons.push({ code: 'not-owner' });
    } else if (issued.localDate !== ctx.today || localDate !== issued.localDate) {
      reasons.push({ code: 'day-closed' });
    }
    // Choices may change with the guideline; answers to an older card's questions are not comparable.
    if (revision !== (ctx.revision ?? GUIDELINE_REVISION)) reasons.push({ code: 'stale-revision' });
  }

  const answers: CheckinAnswers = {};
  for (const q of questionsOf(ctx.kind)) {
    const v = data[q.id];
    const empty = v === undefined || v === null || v === '';
    if (empty) {
      if (q.required) reasons.push({ code: 'missing', field: q.id });
      continue;
    }
    if (typeof v !== 'string') {
      reasons.push({ code: 'not-offered', field: q.id });
      continue;
    }
    if (q.type === 'text') {
      if (v.length > (q.maxLength ?? 500)) reasons.push({ code: 'too-long', field: q.id });
      else if (CONTROL.test(v)) reasons.push({ code: 'not-offered', field: q.id });
      else answers[q.id] = v.trim();
      continue;
    }
    if (!q.choices?.some((c) => c.value === v)) reasons.push({ code: 'not-offered', field: q.id });
    else answers[q.id] = v;
  }

  if (reasons.length) return { ok: false, reasons };
  const card: CardData = {
    cardId: cardId as string,
    owner: issued!.aadObjectId,
    localDate: issued!.localDate,
    revision: revision as string,
    ...(corrects ? { corrects: corrects as string } : {}),
  };
  return { ok: true, card, answers };
}
