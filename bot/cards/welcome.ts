import type { Lang, Strings } from '../locale.ts';
import { askButton, bullets, buttonColumn, card, heading, text, type Card } from './card.ts';

const strings: Strings<{
  title: string;
  intro: string;
  features: string[];
  try: string;
  samples: string[];
  help: string;
}> = {
  ja: {
    title: 'テレワークガードへようこそ',
    intro: '在宅勤務のセキュリティガイドライン（テレワーク版）を、Teams の中でいつでも確認できるアシスタントです。',
    features: [
      'ガイドラインについての質問に、該当する条項を示してお答えします',
      '毎日のテレワーク開始・終了チェック（「チェックイン」「チェックアウト」と入力すると、いつでも表示します）',
      '出社する日は「出社」と入力してください。その日のテレワーク開始チェックはお送りしません',
      '在宅勤務時のセキュリティ遵守に関する誓約書の提出（順次提供予定）',
      '災害時の安否確認は、この Teams アプリから届きます',
    ],
    try: '例えば、こんな質問ができます。',
    samples: ['私用スマホでTeamsアプリ使える？', 'カフェで仕事してもいい？', '自分のUSBメモリを挿していい？'],
    help: '使い方は「ヘルプ」と入力してください。',
  },
  en: {
    title: 'Welcome to Telework Guard',
    intro: "Your assistant for the company's telework security guideline, right inside Teams.",
    features: [
      'Answers your questions about the guideline, citing the section',
      'A daily telework check-in and check-out (type "checkin" or "checkout" to get one at any time)',
      'Going to the office? Type "office" and no telework check-in is sent that day',
      'The telework security pledge (coming soon)',
      'Disaster roll calls reach you through this Teams app',
    ],
    try: 'Try asking:',
    samples: [
      'Can I use the Teams app on my personal phone?',
      'Can I work from a café?',
      'Can I plug in my own USB stick?',
    ],
    help: 'Type "help" to see what I can do.',
  },
};

export function welcomeCard(lang: Lang, name?: string): Card {
  const s = strings[lang];
  const greeting = name ? (lang === 'ja' ? `${name} さん、` : `Hi ${name}, `) : '';
  return card([
    heading(s.title),
    text(greeting + s.intro),
    bullets(s.features),
    text(s.try, { weight: 'Bolder', spacing: 'Medium' }),
    ...buttonColumn(s.samples.map((q) => askButton(q))),
    text(s.help, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
}
