import type { CheckinRenderer } from '../src/checkin/jobs.ts';
import type { CheckKind } from '../src/checkin/questions.ts';
import type { CardData } from '../src/checkin/validate.ts';
import { checkinCard, checkoutCard } from './cards/checkin.ts';
import { text, type Card } from './cards/card.ts';
import { pledgeNotice } from './cards/pledge-notice.ts';
import type { Lang, Strings } from './locale.ts';

const strings: Strings<{ checkin: string; checkout: string; reminder: string }> = {
  ja: {
    checkin: 'テレワーク開始チェックのお願い',
    checkout: 'テレワーク終了チェックのお願い',
    reminder: '本日のテレワーク開始チェックがまだ届いていません。お手すきの際にご回答ください。',
  },
  en: {
    checkin: 'Your telework check-in for today',
    checkout: 'Your telework check-out for today',
    reminder: "We have not received today's telework check-in yet. Please answer when you have a moment.",
  },
};

/** The form of an issued card, headed by the pledge requirement when the core says it is needed. */
export function checkinForm(kind: CheckKind, lang: Lang, issued: { data: CardData; needsPledge: boolean }): Card {
  const card = kind === 'checkin' ? checkinCard(lang, issued.data) : checkoutCard(lang, issued.data);
  if (issued.needsPledge) card.body.unshift(pledgeNotice(lang));
  return card;
}

/** The scheduled cards as outbox payloads: the summary is what notifications and screen readers show. */
export const checkinRenderer: CheckinRenderer = {
  render(kind, lang, data, { reminder, needsPledge }) {
    const s = strings[lang];
    const card = checkinForm(kind, lang, { data, needsPledge });
    if (reminder) card.body.unshift(text(s.reminder, { weight: 'Bolder', color: 'Attention' }));
    return { summary: reminder ? s.reminder : s[kind], card };
  },
};
