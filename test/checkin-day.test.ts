/**
 * A telework day end to end, in one process with a controllable clock: the whole app (bot, outbox worker,
 * scheduler) against the local Teams channel and a real PostgreSQL. The scheduled check-in card arrives at 09:00
 * Tokyo time, a public Wi-Fi answer gets its receipt and guidance, the one who did not answer gets one reminder,
 * and the check-out card at 18:00 is answered through the Action.Submit fallback, updating the card with PUT.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createApp, type App } from '../server/app.ts';
import { startLocalChannel, type ConnectorCall, type LocalChannel, type TeamsUser } from './harness/channel.ts';
import { trustChannelInProcess } from './harness/delivery-child.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let channel: LocalChannel;
let db: Awaited<ReturnType<typeof startTestDatabase>>;
let app: App;
let url: string;
let now = new Date('2026-11-24T12:00:00Z');
const clock = { now: () => now };
let answering: TeamsUser;
let silent: TeamsUser;

beforeAll(async () => {
  channel = await startLocalChannel();
  trustChannelInProcess(channel);
  db = await startTestDatabase();
  const config = loadConfig({ ...channel.botEnv(), DATA_DIR: db.dataDir, LOG_LEVEL: 'silent' });
  app = createApp(config, { db, log: quietLog, clock });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  app.start({ schedulerTimer: false });
  answering = channel.addUser({ name: '山田 花子' });
  silent = channel.addUser({ name: '鈴木 次郎' });
  for (const user of [answering, silent]) {
    expect((await channel.send(url, channel.activities.botAdded(), { user })).status).toBe(200);
  }
});

afterAll(async () => {
  await app?.stopBackground();
  await new Promise<void>((resolve) => app?.server.close(() => resolve()));
  await db?.close();
  await channel?.close();
});

async function at(iso: string) {
  now = new Date(iso);
  await app.scheduler.tick(now);
}

const to = (user: TeamsUser) => (c: ConnectorCall) =>
  c.kind === 'send' && c.status === 200 && c.conversationId === channel.personalConversationId(user);

function action(call: ConnectorCall): { verb: string; data: Record<string, string> } {
  const found: { verb: string; data: Record<string, string> }[] = [];
  JSON.stringify(call.activity, (_k, v: unknown) => {
    const o = v as { type?: string; verb?: string; data?: Record<string, string> } | null;
    if (o && o.type === 'Action.Execute') found.push({ verb: o.verb!, data: o.data! });
    return v;
  });
  return found[0]!;
}

describe('a telework day', () => {
  it('brings the check-in card at 09:00 Tokyo time and answers public Wi-Fi with a receipt and §2.2 guidance', async () => {
    await at('2026-11-25T00:00:20Z');
    const card = await channel.waitFor(to(answering), 10_000);
    expect(card.activity?.summary).toBe('テレワーク開始チェックのお願い');
    const { verb, data } = action(card);
    expect(data).toMatchObject({ owner: answering.aadObjectId, localDate: '2026-11-25' });
    // Their first telework day: the card asks for the pledge first (§0).
    expect(JSON.stringify(card.activity)).toContain('誓約書');

    const res = await channel.send(
      url,
      channel.activities.adaptiveCardAction({
        verb,
        data: {
          ...data,
          place: 'home',
          network: 'public-wifi',
          device: 'company-pc',
          access: 'vpn',
          workspace: 'private',
        },
      }),
      { user: answering },
    );
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(res.body)).toContain('開始チェックを受け付けました');
    const guidance = await channel.waitFor(
      (c) =>
        c.status === 200 &&
        c.conversationId === channel.personalConversationId(answering) &&
        JSON.stringify(c.activity).includes('§2.2'),
    );
    expect(JSON.stringify(guidance.activity)).toContain('Wi-Fi');
  });

  it('reminds only the person who has not answered, two hours later', async () => {
    channel.clear();
    await at('2026-11-25T02:00:20Z');
    const reminder = await channel.waitFor(to(silent), 10_000);
    expect(reminder.activity?.summary).toContain('まだ届いていません');
    await new Promise((r) => setTimeout(r, 300));
    expect(channel.calls(to(answering))).toEqual([]);
  });

  it('brings the check-out card at 18:00 and takes the Action.Submit fallback, updating the card in place', async () => {
    channel.clear();
    await at('2026-11-25T09:00:20Z');
    const card = await channel.waitFor(to(answering), 10_000);
    expect(card.activity?.summary).toBe('テレワーク終了チェックのお願い');
    expect(JSON.stringify(card.activity)).not.toContain('誓約書');
    const { verb, data } = action(card);
    const res = await channel.send(
      url,
      channel.activities.message('', {
        value: { ...data, verb, disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' },
        replyToId: card.assignedId,
      }),
      { user: answering },
    );
    expect(res.status).toBe(200);
    const update = await channel.waitFor((c) => c.kind === 'update' && c.activityId === card.assignedId);
    expect(JSON.stringify(update.activity)).toContain('終了チェックを受け付けました');
  });
});
