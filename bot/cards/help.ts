import type { Lang, Strings } from '../locale.ts';
import { askButton, buttonColumn, card, heading, text, type Card } from './card.ts';

const strings: Strings<{ title: string; lines: [string, string][]; note: string; samples: string[] }> = {
  ja: {
    title: '使い方',
    lines: [
      [
        '質問する',
        'ガイドラインについて、そのまま文章で質問してください（例：「家のパソコンからメール見ていい？」）。',
      ],
      ['ヘルプ', 'この説明を表示します。'],
    ],
    note: 'ガイドラインに記載のない事柄は、推測でお答えせず管理部門へのお問い合わせをご案内します。',
    samples: ['個人のPCでOutlookは使える？', '公衆Wi-Fiにつないでいい？'],
  },
  en: {
    title: 'How to use Telework Guard',
    lines: [
      ['Ask', 'Ask about the guideline in your own words (e.g. "Can I read mail on my home PC?").'],
      ['help', 'Shows this message.'],
    ],
    note: 'When the guideline does not cover something, I will not guess; I will point you to the administration department.',
    samples: ['Can I use Outlook on my personal PC?', 'Can I connect to public Wi-Fi?'],
  },
};

export function helpCard(lang: Lang): Card {
  const s = strings[lang];
  return card([
    heading(s.title),
    ...s.lines.map(([title, value]) => ({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'auto', items: [text(title, { weight: 'Bolder' })] },
        { type: 'Column', width: 'stretch', items: [text(value)] },
      ],
    })),
    ...buttonColumn(s.samples.map((q) => askButton(q))),
    text(s.note, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
}

const HELP_WORDS = new Set([
  'help',
  'ヘルプ',
  'へるぷ',
  '使い方',
  'つかいかた',
  '?',
  '？',
  'hi',
  'hello',
  'こんにちは',
  'はじめまして',
  'メニュー',
  'menu',
]);

export function isHelpRequest(textValue: string): boolean {
  return HELP_WORDS.has(
    textValue
      .trim()
      .toLowerCase()
      .replace(/[。！!]+$/u, ''),
  );
}
