/**
 * Defect 5: odd characters and odd ids, sent through the local Teams channel to the real server. Text (a question, a
 * check-in note, a display name) is cleaned and answered; an id of the wrong shape or length is refused with a clear
 * card or a 4xx. Never a 5xx, never a failed turn in the log, and nothing half-stored.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import type { ConnectorCall, TeamsUser } from './harness/channel.ts';
import { useBotServer, replyText } from './support/bot-server.ts';
import { quietLog } from './support/database.ts';

const bot = useBotServer();

const NUL = '\u0000';
const LONE_HIGH = '\ud83d';
const LONE_LOW = '\udc00';

async function say(text: string, user: TeamsUser, overrides: Record<string, unknown> = {}) {
  const res = await bot.channel.send(bot.server.url, bot.channel.activities.message(text, overrides), { user });
  expect(res.status).toBe(200);
  return res;
}

async function replyTo(activityId: string): Promise<ConnectorCall> {
  return bot.channel.waitFor((c) => c.kind === 'reply' && c.replyToId === activityId && c.status === 200);
}

async function noReplyTo(activityId: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
  expect(bot.channel.calls((c) => c.replyToId === activityId || c.activityId === activityId)).toEqual([]);
}

function findExecute(node: unknown): { verb: string; data: Record<string, unknown> } | undefined {
  if (Array.isArray(node)) return node.map(findExecute).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Record<string, unknown>;
  if (o.type === 'Action.Execute') return { verb: o.verb as string, data: o.data as Record<string, unknown> };
  return Object.values(o).map(findExecute).find(Boolean);
}

const refusedIds: string[] = [];
const storedUsers: { user: TeamsUser; name: string }[] = [];
let noteUser: TeamsUser;

describe('odd characters in what people type are cleaned, and the turn is answered', () => {
  it('answers a question with a NUL in it', async () => {
    const user = bot.channel.addUser();
    const res = await say(`私用スマホで${NUL}Teamsアプリ使える？`, user);
    const text = replyText(await replyTo(res.activity.id!));
    expect(text).toMatch(/^× /m);
    expect(text).toContain('§3.5');
  });

  it('answers a question ending in half an emoji (a lone surrogate)', async () => {
    const user = bot.channel.addUser();
    const res = await say(`カフェで仕事していい？${LONE_HIGH}`, user);
    expect(replyText(await replyTo(res.activity.id!))).toContain('§2.1');
    const low = await say(`${LONE_LOW}ヘルプ`, user);
    expect(replyText(await replyTo(low.activity.id!))).not.toContain('申し訳ありません');
  });

  it('takes a check-in whose note has a NUL, a control character and a lone surrogate; the note is stored cleaned', async () => {
    noteUser = bot.channel.addUser();
    const res = await say('チェックイン', noteUser);
    const action = findExecute((await replyTo(res.activity.id!)).activity);
    expect(action).toBeDefined();
    const answers = {
      place: 'home',
      network: 'home-wifi',
      device: 'company-pc',
      access: 'vpn',
      workspace: 'private',
      note: `今日は${NUL}在宅\u0007です${LONE_LOW}`,
    };
    const submit = await bot.channel.send(
      bot.server.url,
      bot.channel.activities.adaptiveCardAction({ verb: action!.verb, data: { ...action!.data, ...answers } }),
      { user: noteUser },
    );
    expect(submit.status).toBe(200);
    expect(JSON.stringify(submit.body)).toContain('開始チェックを受け付けました');
  });

  it('stores a display name with a NUL and a lone surrogate, cleaned', async () => {
    const user = bot.channel.addUser({ name: `佐藤${NUL} 花子${LONE_HIGH}` });
    const res = await say('ヘルプ', user);
    expect(replyText(await replyTo(res.activity.id!))).toContain('使い方');
    storedUsers.push({ user, name: '佐藤 花子\ufffd' });
    const welcome = await bot.channel.send(bot.server.url, bot.channel.activities.botAdded(), {
      user: bot.channel.addUser({ name: `${LONE_LOW}鈴木${NUL}` }),
    });
    expect(welcome.status).toBe(200);
    expect(replyText(await replyTo(welcome.activity.id!))).toContain('\ufffd鈴木 さん');
  });
});

describe('ids of the wrong shape are refused, and nothing is stored', () => {
  it('refuses a message whose from.aadObjectId is not an Entra object id, with a clear card', async () => {
    for (const aadObjectId of [
      'not-a-guid',
      `${randomUUID()}${NUL}`,
      randomUUID().repeat(3),
      `${randomUUID()}${LONE_LOW}`,
    ]) {
      const user = bot.channel.addUser({ aadObjectId });
      refusedIds.push(aadObjectId);
      const res = await say('カフェで仕事していい？', user);
      const text = replyText(await replyTo(res.activity.id!));
      expect(text).toContain('確認できなかった');
      expect(text).not.toContain('§2.1');
    }
  });

  it('refuses a tenant id that is not a GUID, with a clear card', async () => {
    const user = bot.channel.addUser();
    refusedIds.push(user.aadObjectId);
    const res = await say('ヘルプ', user, { conversation: { tenantId: `tenant${NUL}` } });
    expect(replyText(await replyTo(res.activity.id!))).toContain('確認できなかった');
    const en = await say('help', user, { locale: 'en-US', channelData: { tenant: { id: 'x'.repeat(600) } } });
    expect(replyText(await replyTo(en.activity.id!))).toContain('could not be verified');
  });

  it('answers nothing to a conversation or user id that is not a Teams id (NUL, over-long), and stores nothing', async () => {
    const user = bot.channel.addUser();
    refusedIds.push(user.aadObjectId);
    const cases = [
      { conversation: { id: `a:1${NUL}x` } },
      { conversation: { id: `a:1${'x'.repeat(600)}` } },
      { from: { id: `29:${'y'.repeat(600)}` } },
      { from: { id: `29:1${LONE_HIGH}` } },
      { id: `${Date.now()}${NUL}` },
    ];
    for (const overrides of cases) {
      const res = await say('カフェで仕事していい？', user, overrides);
      await noReplyTo(res.activity.id!);
    }
    const welcome = await bot.channel.send(
      bot.server.url,
      bot.channel.activities.botAdded({ conversation: { id: `a:1${'z'.repeat(700)}` } }),
      { user },
    );
    expect(welcome.status).toBe(200);
  });

  it('answers an invoke with a malformed id or a member list that is not a list with 400', async () => {
    const user = bot.channel.addUser();
    refusedIds.push(user.aadObjectId);
    const action = bot.channel.activities.adaptiveCardAction({ verb: 'checkin.submit', data: {} });
    for (const overrides of [
      { from: { aadObjectId: 'nope' } },
      { conversation: { id: 'a'.repeat(1000) } },
      { conversation: { tenantId: 'x' } },
      { from: { name: { first: '太郎' } } },
    ]) {
      const res = await bot.channel.send(bot.server.url, { ...action, ...overrides }, { user });
      expect({ overrides, status: res.status }).toEqual({ overrides, status: 400 });
    }
    const members = await bot.channel.send(
      bot.server.url,
      { ...bot.channel.activities.botAdded(), membersAdded: 'everyone' } as never,
      { user },
    );
    expect(members.status).toBeLessThan(500);
  });
});

describe('afterwards', () => {
  it('logged no failed turn, and stored cleaned text only and nothing for refused activities', async () => {
    expect([...bot.server.stdout, ...bot.server.stderr].filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
    await bot.server.stop();
    const db = await openDatabase({ dataDir: bot.dataDir, log: quietLog });
    try {
      // An id with a NUL cannot even be a query parameter: look for anything starting with its printable part.
      const like = refusedIds.map((id) => `${id.replace(/[^\x21-\x7e][\s\S]*$/, '')}%`);
      const users = await db.pool.query('SELECT aad_object_id FROM users WHERE aad_object_id LIKE ANY($1)', [like]);
      expect(users.rows).toEqual([]);
      const audit = await db.pool.query(
        'SELECT action FROM audit_log WHERE subject LIKE ANY($1) OR actor LIKE ANY($1)',
        [like],
      );
      expect(audit.rows).toEqual([]);
      for (const { user, name } of storedUsers) {
        const { rows } = await db.pool.query('SELECT name, conversation_ref FROM users WHERE aad_object_id = $1', [
          user.aadObjectId,
        ]);
        expect(rows[0]?.name).toBe(name);
        expect(rows[0]?.conversation_ref?.user?.name).toBe(name);
      }
      const note = await db.pool.query("SELECT answers->>'note' AS note FROM checkins WHERE aad_object_id = $1", [
        noteUser.aadObjectId,
      ]);
      expect(note.rows).toEqual([{ note: '今日は在宅です\ufffd' }]);
    } finally {
      await db.close();
    }
  });
});
