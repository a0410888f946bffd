/**
 * Defect 9 (part): the welcome card no longer calls check-in "coming soon", and help lists every command the bot
 * understands (チェックイン, チェックアウト, 出社) — taken from the route table, so the two cannot drift apart.
 * Through the real server and the local Teams channel.
 */
import { describe, expect, it } from 'vitest';
import { useBotServer, replyText } from './support/bot-server.ts';

const bot = useBotServer();

async function reply(activity: Record<string, unknown>, locale = 'ja-JP'): Promise<string> {
  const user = bot.channel.addUser();
  const res = await bot.channel.send(bot.server.url, { ...activity, locale } as never, { user });
  expect(res.status).toBe(200);
  return replyText(
    await bot.channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id && c.status === 200),
  );
}

describe('what a newcomer is told', () => {
  it('welcomes with the check-in as something to use today, not "coming soon"', async () => {
    const ja = await reply(bot.channel.activities.botAdded());
    expect(ja).toMatch(/テレワーク開始・終了チェック[^\n]*「チェックイン」/);
    expect(ja).toContain('「出社」');
    expect(ja).not.toMatch(/チェック[^\n]*順次提供予定/);
    const en = await reply(bot.channel.activities.botAdded(), 'en-US');
    expect(en).toMatch(/check-in and check-out[^\n]*"checkin"/);
    expect(en).not.toMatch(/check-out[^\n]*coming soon/);
  });

  it('lists チェックイン, チェックアウト and 出社 on ヘルプ, and checkin, checkout and office on help', async () => {
    const ja = await reply(bot.channel.activities.message('ヘルプ'));
    for (const word of ['質問する', 'チェックイン', 'チェックアウト', '出社', 'ヘルプ']) expect(ja).toContain(word);
    expect(ja).toContain('テレワーク開始チェックのカードを表示します');
    const en = await reply(bot.channel.activities.message('help'), 'en-US');
    for (const word of ['Ask', 'checkin', 'checkout', 'office', 'help']) expect(en.split('\n')).toContain(word);
  });

  it('understands the words as typed on a Japanese keyboard in full width, with a closing 。', async () => {
    expect(await reply(bot.channel.activities.message('ＣｈｅｃｋＩｎ'))).toContain('テレワーク開始チェック');
    expect(await reply(bot.channel.activities.message('ﾁｪｯｸｱｳﾄ。'))).toContain('テレワーク終了チェック');
    expect(await reply(bot.channel.activities.message('？'))).toContain('使い方');
  });
});
