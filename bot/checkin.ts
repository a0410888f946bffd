/**
 * The check-in feature in chat: its typed commands and its card verbs. Every call into the check-in core is in this
 * file, so a change of the core's signatures touches only here.
 */
import { VERBS } from '../src/checkin/index.ts';
import { errorCard } from './cards/error.ts';
import { officeDayCard } from './cards/office-day.ts';
import { submitView } from './checkin-actions.ts';
import { checkinForm } from './checkin-renderer.ts';
import type { ActionResult, Feature, Turn } from './router.ts';
import { tenantOf } from './sighting.ts';

async function issueCard(turn: Turn, kind: 'checkin' | 'checkout'): Promise<void> {
  const { ctx, core, lang } = turn;
  const aadObjectId = ctx.activity.from?.aadObjectId;
  if (!aadObjectId) return turn.sendCard(errorCard(lang, 'unsupported'), 'error.sent');
  const form = checkinForm(kind, lang, await core.checkins.issueCard(aadObjectId, kind));
  await turn.sendCard(form, `${kind}.card.sent`);
}

async function markOfficeDay(turn: Turn): Promise<void> {
  const { ctx, core, lang } = turn;
  const aadObjectId = ctx.activity.from?.aadObjectId;
  if (!aadObjectId) return turn.sendCard(errorCard(lang, 'unsupported'), 'error.sent');
  const date = await core.checkins.markOfficeDay(aadObjectId);
  await turn.sendCard(officeDayCard(lang, date), 'office-day.marked');
}

async function submit(turn: Turn, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
  const { ctx, core, lang } = turn;
  const aadObjectId = ctx.activity.from?.aadObjectId;
  // Without an Entra ID user nobody can own a card: refuse as a tampered submit would be.
  const outcome = aadObjectId
    ? await core.checkins.submit({ aadObjectId, tenantId: tenantOf(ctx.activity) }, verb, data)
    : { status: 'refused' as const, reasons: [{ code: 'not-owner' as const }] };
  if (outcome.status === 'refused') turn.log.warn({ aadObjectId, reasons: outcome.reasons }, 'check-in submit refused');
  const view = submitView(outcome, lang);
  if ('message' in view) return view;
  return {
    card: view.replaceWith,
    ...(view.guidance ? { followUps: [{ card: view.guidance, action: 'guidance.sent' }] } : {}),
  };
}

export const checkin: Feature = {
  commands: [
    {
      words: ['チェックイン', '開始チェック', 'checkin', 'check-in', 'check in'],
      help: {
        ja: { word: 'チェックイン', text: 'テレワーク開始チェックのカードを表示します。' },
        en: { word: 'checkin', text: "Shows today's telework check-in card." },
      },
      handle: (turn) => issueCard(turn, 'checkin'),
    },
    {
      words: ['チェックアウト', '終了チェック', 'checkout', 'check-out', 'check out'],
      help: {
        ja: { word: 'チェックアウト', text: 'テレワーク終了チェックのカードを表示します。' },
        en: { word: 'checkout', text: "Shows today's telework check-out card." },
      },
      handle: (turn) => issueCard(turn, 'checkout'),
    },
    {
      words: ['出社', '今日は出社', 'office'],
      help: {
        ja: { word: '出社', text: '今日を出社日として記録します。この日のテレワーク開始チェックは届きません。' },
        en: { word: 'office', text: 'Records today as an office day; no telework check-in is sent for it.' },
      },
      handle: markOfficeDay,
    },
  ],
  verbs: { [VERBS.checkin]: submit, [VERBS.checkout]: submit },
};
