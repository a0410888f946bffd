import { VERBS } from '../../src/checkin/index.ts';
import type { Lang, Strings } from '../locale.ts';
import { card, text, type Card } from './card.ts';

const COMMANDS: Record<string, 'checkin' | 'checkout' | 'office'> = {
  checkin: 'checkin',
  'check-in': 'checkin',
  チェックイン: 'checkin',
  開始チェック: 'checkin',
  checkout: 'checkout',
  'check-out': 'checkout',
  チェックアウト: 'checkout',
  終了チェック: 'checkout',
  office: 'office',
  出社: 'office',
  今日は出社: 'office',
};

/** The typed words that bring up a check-in or check-out card, or mark today as an office day. */
export function checkinCommand(typed: string): 'checkin' | 'checkout' | 'office' | undefined {
  return COMMANDS[
    typed
      .trim()
      .toLowerCase()
      .replace(/[。！!]+$/u, '')
  ];
}

export function isCheckinVerb(verb: unknown): verb is string {
  return verb === VERBS.checkin || verb === VERBS.checkout;
}

const strings: Strings<(date: string) => string> = {
  ja: (date) => `${date} を出社日として記録しました。この日のテレワーク開始チェックはお送りしません。`,
  en: (date) => `${date} is recorded as an office day; no telework check-in will be sent for it.`,
};

export function officeDayCard(lang: Lang, date: string): Card {
  return card([text(strings[lang](date))]);
}
