import type { SubmitOutcome } from '../src/checkin/checkins.ts';
import { guidanceCard, receiptCard } from './cards/checkin.ts';
import { text, type Card } from './cards/card.ts';
import type { Lang, Strings } from './locale.ts';

const strings: Strings<{
  alreadySent: string;
  streak: (n: number) => string;
  notOwner: string;
  dayClosed: string;
  invalid: string;
  superseded: string;
  notFound: string;
}> = {
  ja: {
    alreadySent: '本日分は既に提出済みです。内容は変更されていません。',
    streak: (n) => `連続 ${n} 日目のチェックインです。`,
    notOwner: 'このカードは別の方に送られたものです。ご自身のチェックは「チェックイン」と入力して表示してください。',
    dayClosed: 'このカードは受付期間が終わっています。今日のチェックは「チェックイン」と入力して表示してください。',
    invalid: '回答を受け付けられませんでした。必須の項目をすべて選んでから、もう一度送信してください。',
    superseded: 'この回答は既に修正済みです。最新のカードから送信してください。',
    notFound: '修正する元の回答が見つかりませんでした。',
  },
  en: {
    alreadySent: "Today's answers were already submitted; nothing was changed.",
    streak: (n) => (n === 1 ? 'Checked in today.' : `${n} check-ins in a row.`),
    notOwner: 'This card was sent to someone else. Type "checkin" to get your own.',
    dayClosed: 'This card is no longer open. Type "checkin" to get today\'s card.',
    invalid: 'Your answers could not be accepted. Please answer every required question and submit again.',
    superseded: 'These answers were already corrected. Please use the latest card.',
    notFound: 'The answers to correct could not be found.',
  },
};

/** What the person sees after pressing submit: the card that replaces the form, or a short message, plus guidance. */
export type SubmitView = { replaceWith: Card; guidance?: Card } | { message: string };

export function submitView(outcome: SubmitOutcome, lang: Lang): SubmitView {
  const s = strings[lang];
  switch (outcome.status) {
    case 'stored':
    case 'duplicate': {
      const receipt = receiptCard(
        lang,
        outcome.kind,
        outcome.record.localDate,
        outcome.record.answers,
        outcome.findings,
      );
      if (outcome.streak > 0) receipt.body.push(text(s.streak(outcome.streak), { isSubtle: true, spacing: 'Small' }));
      if (outcome.status === 'duplicate') {
        receipt.body.push(text(s.alreadySent, { isSubtle: true, size: 'Small', spacing: 'Small' }));
        return { replaceWith: receipt };
      }
      return {
        replaceWith: receipt,
        ...(outcome.findings.length ? { guidance: guidanceCard(lang, outcome.findings) } : {}),
      };
    }
    case 'refused': {
      const codes = new Set(outcome.reasons.map((r) => r.code));
      if (codes.has('not-owner')) return { message: s.notOwner };
      // A card id never issued is most likely a card from before cards were recorded: ask for today's.
      if (codes.has('day-closed') || codes.has('stale-revision') || codes.has('not-issued')) {
        return { message: s.dayClosed };
      }
      return { message: s.invalid };
    }
    case 'superseded':
      return { message: s.superseded };
    case 'not-found':
      return { message: s.notFound };
  }
}
