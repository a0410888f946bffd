import type { CheckinRenderer } from '../src/checkin/schedule.ts';
import { checkinCard, checkoutCard } from './cards/checkin.ts';
import { text } from './cards/card.ts';
import { pledgeNotice } from './cards/pledge-notice.ts';
import type { Strings } from './locale.ts';

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

/** The scheduled cards as outbox payloads: the summary is what notifications and screen readers show. */
export const checkinRenderer: CheckinRenderer = {
  render(kind, lang, data, { reminder, firstTelework }) {
    const s = strings[lang];
    const card = kind === 'checkin' ? checkinCard(lang, data) : checkoutCard(lang, data);
    if (firstTelework) card.body.unshift(pledgeNotice(lang));
    if (reminder) card.body.unshift(text(s.reminder, { weight: 'Bolder', color: 'Attention' }));
    return { summary: reminder ? s.reminder : s[kind], card };
  },
};
