import type { Lang, Strings } from '../locale.ts';
import { card, text, type Card } from './card.ts';

const strings: Strings<(date: string) => string> = {
  ja: (date) => `${date} を出社日として記録しました。この日のテレワーク開始チェックはお送りしません。`,
  en: (date) => `${date} is recorded as an office day; no telework check-in will be sent for it.`,
};

export function officeDayCard(lang: Lang, date: string): Card {
  return card([text(strings[lang](date))]);
}
