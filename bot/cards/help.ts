import type { Lang, Strings } from '../locale.ts';
import { askButton, buttonColumn, card, heading, text, type Card, type ColumnSet } from './card.ts';

/** One line of the help card: what to type and what it does. */
export interface HelpLine {
  word: string;
  text: string;
}

const strings: Strings<{ title: string; ask: HelpLine; note: string; samples: string[] }> = {
  ja: {
    title: '使い方',
    ask: {
      word: '質問する',
      text: 'ガイドラインについて、そのまま文章で質問してください（例：「家のパソコンからメール見ていい？」）。',
    },
    note: 'ガイドラインに記載のない事柄は、推測でお答えせず管理部門へのお問い合わせをご案内します。',
    samples: ['個人のPCでOutlookは使える？', '公衆Wi-Fiにつないでいい？'],
  },
  en: {
    title: 'How to use Telework Guard',
    ask: { word: 'Ask', text: 'Ask about the guideline in your own words (e.g. "Can I read mail on my home PC?").' },
    note: 'When the guideline does not cover something, I will not guess; I will point you to the administration department.',
    samples: ['Can I use Outlook on my personal PC?', 'Can I connect to public Wi-Fi?'],
  },
};

const line = ({ word, text: value }: HelpLine): ColumnSet => ({
  type: 'ColumnSet',
  spacing: 'Small',
  columns: [
    { type: 'Column', width: 'auto', items: [text(word, { weight: 'Bolder' })] },
    { type: 'Column', width: 'stretch', items: [text(value)] },
  ],
});

/** `commands` come from the route table (bot/routes.ts), so the card lists exactly what the bot understands. */
export function helpCard(lang: Lang, commands: readonly HelpLine[]): Card {
  const s = strings[lang];
  return card([
    heading(s.title),
    line(s.ask),
    ...commands.map(line),
    ...buttonColumn(s.samples.map((q) => askButton(q))),
    text(s.note, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
}
