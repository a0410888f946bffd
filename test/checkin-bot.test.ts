/**
 * The check-in through the real server and the local Teams channel: the card on request, Action.Execute submits
 * (receipt in place of the form, guidance for a violation), the Action.Submit fallback (card updated with PUT),
 * and refusals that store nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import type { ConnectorCall, LocalChannel, TeamsUser } from './harness/channel.ts';
import { spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { startBotServer, type BotServer } from './support/bot-server.ts';
import { quietLog } from './support/database.ts';

let bot: BotServer;
let channel: LocalChannel;
let server: SpawnedServer;
let dataDir: string;

beforeAll(async () => {
  bot = await startBotServer();
  ({ channel, server, dataDir } = bot);
});

afterAll(async () => {
  if (bot) bot.server = server; // a test restarted it
  await bot?.stop();
});

beforeEach(() => channel.clear());

const COMPLIANT = {
  place: 'home',
  network: 'home-wifi',
  device: 'company-pc',
  access: 'vpn',
  workspace: 'private',
  mood: '4',
};

function cardContent(call: ConnectorCall): Record<string, unknown> {
  return (call.activity?.attachments as { content: Record<string, unknown> }[])[0]!.content;
}

/** Types 「チェックイン」 and returns the submit action's data from the card that comes back. */
async function requestCard(user: TeamsUser, word = 'チェックイン') {
  const res = await channel.send(server.url, channel.activities.message(word), { user });
  expect(res.status).toBe(200);
  const reply = await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id && c.status === 200);
  const found = findAction(cardContent(reply));
  expect(found).toBeDefined();
  return { reply, verb: found!.verb, data: found!.data };
}

function findAction(node: unknown): { verb: string; data: Record<string, string> } | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findAction(n);
      if (f) return f;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Record<string, unknown>;
  if (o.type === 'Action.Execute') return { verb: o.verb as string, data: o.data as Record<string, string> };
  for (const v of Object.values(o)) {
    const f = findAction(v);
    if (f) return f;
  }
  return undefined;
}

async function execute(user: TeamsUser, verb: string, data: Record<string, unknown>) {
  const res = await channel.send(server.url, channel.activities.adaptiveCardAction({ verb, data }), { user });
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: unknown };
}

describe('daily check-in in chat', () => {
  it("brings up the card on 「チェックイン」, with the guideline sections and today's date", async () => {
    const user = channel.addUser();
    const { reply, verb, data } = await requestCard(user);
    expect(verb).toBe('checkin.submit');
    expect(data).toMatchObject({ owner: user.aadObjectId, revision: '2026-02-01' });
    expect(data.localDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(cardContent(reply));
    expect(text).toContain('テレワーク開始チェック');
    expect(text).toContain('§2.1');
    expect(text).toContain('公衆・フリーWi-Fi');
    expect(text).toContain('在宅勤務時のセキュリティ遵守に関する誓約書');
  });

  it('replaces the form with a receipt; a second submit changes nothing and says so', async () => {
    const user = channel.addUser();
    const { verb, data } = await requestCard(user);
    const first = await execute(user, verb, { ...data, ...COMPLIANT });
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.value)).toContain('開始チェックを受け付けました');
    expect(JSON.stringify(first.value)).toContain('連続 1 日目のチェックインです');
    const again = await execute(user, verb, { ...data, ...COMPLIANT, network: 'wired' });
    expect(JSON.stringify(again.value)).toContain('既に提出済み');
    expect(JSON.stringify(again.value)).toContain('自宅Wi-Fi');
    // Only the card before the first telework day carries the pledge requirement.
    const next = await requestCard(user);
    expect(JSON.stringify(cardContent(next.reply))).not.toContain('誓約書');
  });

  it('answers public Wi-Fi with guidance citing §2.2 at once', async () => {
    const user = channel.addUser();
    const { verb, data } = await requestCard(user);
    const res = await execute(user, verb, { ...data, ...COMPLIANT, network: 'public-wifi' });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    const guidance = await channel.waitFor(
      (c) =>
        c.status === 200 &&
        c.conversationId === channel.personalConversationId(user) &&
        JSON.stringify(c.activity).includes('§2.2'),
    );
    expect(JSON.stringify(cardContent(guidance))).toMatch(/Wi-Fi/);
  });

  it("refuses another person's card, a tampered value and yesterday's card, storing nothing", async () => {
    const owner = channel.addUser();
    const intruder = channel.addUser();
    const { verb, data } = await requestCard(owner);
    const foreign = await execute(intruder, verb, { ...data, ...COMPLIANT });
    expect(foreign).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(String(foreign.value)).toContain('別の方');
    const tampered = await execute(owner, verb, { ...data, ...COMPLIANT, network: 'neighbours-wifi' });
    expect(String(tampered.value)).toContain('受け付けられませんでした');
    const stale = await execute(owner, verb, { ...data, ...COMPLIANT, localDate: '2020-01-01' });
    expect(String(stale.value)).toContain('受付期間');

    await server.stop();
    const db = await openDatabase({ dataDir, log: quietLog });
    try {
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM checkins WHERE aad_object_id = ANY($1)', [
        [owner.aadObjectId, intruder.aadObjectId],
      ]);
      expect(rows[0].n).toBe(0);
      const refused = await db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'checkin.refused'");
      expect(refused.rows[0].n).toBeGreaterThanOrEqual(3);
    } finally {
      await db.close();
      server = await spawnServer('server/main.ts', { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    }
  });

  it('takes the Action.Submit fallback too, updating the card in place', async () => {
    const user = channel.addUser();
    const { reply, verb, data } = await requestCard(user, 'checkout');
    expect(verb).toBe('checkout.submit');
    const res = await channel.send(
      server.url,
      channel.activities.message('', {
        value: { ...data, verb, disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' },
        replyToId: reply.assignedId,
      }),
      { user },
    );
    expect(res.status).toBe(200);
    const update = await channel.waitFor((c) => c.kind === 'update' && c.activityId === reply.assignedId);
    expect(JSON.stringify(update.activity)).toContain('終了チェックを受け付けました');
  });

  it('marks today as an office day on 「出社」', async () => {
    const user = channel.addUser();
    const res = await channel.send(server.url, channel.activities.message('出社'), { user });
    const reply = await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id);
    expect(JSON.stringify(cardContent(reply))).toContain('出社日として記録しました');
  });
});
