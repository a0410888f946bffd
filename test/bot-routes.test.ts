/** The route table: what is typed finds its command, help and welcome name only words the table knows. */
import { describe, expect, it } from 'vitest';
import { welcomeCard } from '../bot/cards/welcome.ts';
import { helpLines } from '../bot/help.ts';
import { routeTable, type Command } from '../bot/router.ts';
import { ROUTES } from '../bot/routes.ts';
import { VERBS } from '../src/checkin/index.ts';

const texts = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(texts)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : texts(v)))
      : [];

describe('the route table', () => {
  it('finds commands whatever the width, case or closing punctuation', () => {
    const checkin = ROUTES.command('チェックイン');
    expect(checkin).toBeDefined();
    for (const typed of [
      'checkin',
      'CheckIn',
      'ｃｈｅｃｋｉｎ',
      ' check-in ',
      'チェックイン。',
      'ﾁｪｯｸｲﾝ！',
      'check  in',
    ]) {
      expect({ typed, found: ROUTES.command(typed) === checkin }).toEqual({ typed, found: true });
    }
    expect(ROUTES.command('チェックインしたい')).toBeUndefined();
    expect(ROUTES.command('')).toBeUndefined();
  });

  it('routes both check-in verbs, and nothing else by accident', () => {
    expect(ROUTES.verb(VERBS.checkin)).toBeDefined();
    expect(ROUTES.verb(VERBS.checkout)).toBeDefined();
    for (const v of ['checkin', 'toString', '__proto__', 42, undefined, null]) expect(ROUTES.verb(v)).toBeUndefined();
    expect(ROUTES.command('toString')).toBeUndefined();
  });

  it('refuses two features claiming the same word (after normalising) or the same verb', () => {
    const noop = async () => {};
    const a: Command = { words: ['チェックイン'], handle: noop };
    const b: Command = { words: ['ﾁｪｯｸｲﾝ'], handle: noop };
    expect(() => routeTable([{ commands: [a] }, { commands: [b] }], noop)).toThrow(/registered twice/);
    const verb = async () => ({ message: '' });
    expect(() => routeTable([{ verbs: { x: verb } }, { verbs: { x: verb } }], noop)).toThrow(/registered twice/);
  });

  it('help lists every described command, and each listed word finds that command', () => {
    for (const lang of ['ja', 'en'] as const) {
      const lines = helpLines(ROUTES, lang);
      const described = ROUTES.commands.filter((c) => c.help);
      expect(lines).toHaveLength(described.length);
      lines.forEach((line, i) => expect(ROUTES.command(line.word)).toBe(described[i]));
    }
    expect(helpLines(ROUTES, 'ja').map((l) => l.word)).toEqual(['チェックイン', 'チェックアウト', '出社', 'ヘルプ']);
  });

  it('the welcome card quotes only words the table understands', () => {
    const quoted = {
      ja: texts(welcomeCard('ja')).flatMap((t) => [...t.matchAll(/「([^」]+)」/g)].map((m) => m[1]!)),
      en: texts(welcomeCard('en')).flatMap((t) => [...t.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)),
    };
    expect(quoted.ja).toEqual(expect.arrayContaining(['チェックイン', 'チェックアウト', '出社', 'ヘルプ']));
    expect(quoted.en).toEqual(expect.arrayContaining(['checkin', 'checkout', 'office', 'help']));
    for (const word of [...quoted.ja, ...quoted.en])
      expect({ word, known: !!ROUTES.command(word) }).toEqual({ word, known: true });
  });
});
