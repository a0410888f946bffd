/** The help command: lists what the route table understands, so help and the bot cannot drift apart. */
import { helpCard } from './cards/help.ts';
import type { HelpLine } from './cards/help.ts';
import type { Lang } from './locale.ts';
import type { Feature, RouteTable, Turn } from './router.ts';

/** The help card's lines: every listed command of the table, in registration order. */
export function helpLines(routes: RouteTable, lang: Lang): HelpLine[] {
  return routes.commands.flatMap((c) => (c.help ? [c.help[lang]] : []));
}

async function showHelp(turn: Turn): Promise<void> {
  await turn.sendCard(helpCard(turn.lang, helpLines(turn.routes, turn.lang)), 'help.sent');
}

export const help: Feature = {
  commands: [
    {
      // Full-width ？ and ｈｅｌｐ match too: commands are compared after NFKC (src/input/text.ts commandKey).
      words: ['ヘルプ', 'へるぷ', '使い方', 'つかいかた', '?', 'help', 'メニュー', 'menu'],
      help: {
        ja: { word: 'ヘルプ', text: 'この説明を表示します。' },
        en: { word: 'help', text: 'Shows this message.' },
      },
      handle: showHelp,
    },
    // A greeting is what a newcomer types first; it gets the same card but is not listed on it.
    { words: ['hi', 'hello', 'こんにちは', 'はじめまして'], handle: showHelp },
  ],
};
