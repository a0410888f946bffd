/**
 * The real server (server/main.ts, as `npm start` runs it) in a child process, talking to the local Teams channel:
 * real Bot Framework JWT validation on the way in, real connector calls with MSAL tokens on the way out,
 * and the embedded PostgreSQL in a fresh data directory.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { BAD_TOKEN_KINDS, startLocalChannel, type ConnectorCall, type LocalChannel } from './harness/channel.ts';
import { spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir, quietLog } from './support/database.ts';

let channel: LocalChannel;
let server: SpawnedServer;
let dataDir: string;

const SERVER = 'server/main.ts';

beforeAll(async () => {
  channel = await startLocalChannel();
  dataDir = makeDataDir();
  server = await spawnServer(SERVER, { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
});

afterAll(async () => {
  await server?.stop();
  await channel?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => channel.clear());

type CardElement = Record<string, unknown> & {
  type: string;
  text?: string;
  items?: CardElement[];
  rows?: { cells: { items: CardElement[] }[] }[];
};

function cardOf(call: ConnectorCall): { body: CardElement[]; actions?: { title: string }[] } {
  const attachment = (call.activity?.attachments as { contentType: string; content: never }[] | undefined)?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment!.content;
}

/** Every text a person would read on the card, in order. */
function cardText(call: ConnectorCall): string {
  const out: string[] = [];
  const walk = (e: unknown): void => {
    if (Array.isArray(e)) return e.forEach(walk);
    if (!e || typeof e !== 'object') return;
    const o = e as Record<string, unknown>;
    if (typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string') out.push(o.title);
    if (typeof o.value === 'string' && o.type !== 'Action.Submit') out.push(o.value);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'data') walk(v);
  };
  walk(cardOf(call));
  return out.join('\n');
}

async function ask(text: string, overrides: Record<string, unknown> = {}) {
  const res = await channel.send(server.url, channel.activities.message(text, overrides));
  expect(res.status).toBe(200);
  return channel.waitFor((c) => c.kind === 'reply' && c.status === 200 && c.replyToId === res.activity.id);
}

describe('chatting with Telework Guard through the local Teams channel', () => {
  it('welcomes a person who installs the app, in Japanese', async () => {
    const res = await channel.send(server.url, channel.activities.botAdded());
    expect(res.status).toBe(200);
    const reply = await channel.waitFor(
      (c) =>
        c.kind === 'reply' &&
        c.replyToId === res.activity.id &&
        c.status === 200 &&
        c.conversationId === channel.personalConversationId(),
    );
    const text = cardText(reply);
    expect(text).toContain('テレワークガードへようこそ');
    expect(text).toContain('私用スマホでTeamsアプリ使える？');
    expect(reply.auth.ok).toBe(true);
  });

  it('welcomes in English when Teams runs in English', async () => {
    const user = channel.addUser({ name: 'Alex Smith' });
    const res = await channel.send(server.url, channel.activities.botAdded({ locale: 'en-US' }), { user });
    expect(res.status).toBe(200);
    const reply = await channel.waitFor(
      (c) => c.kind === 'reply' && c.replyToId === res.activity.id && c.status === 200,
    );
    expect(cardText(reply)).toContain('Welcome to Telework Guard');
  });

  it('answers 「私用スマホでTeamsアプリ使える？」 with ×, the reason, the matrix row and §3.5', async () => {
    const reply = await ask('私用スマホでTeamsアプリ使える？');
    const text = cardText(reply);
    expect(text).toMatch(/^× /m);
    expect(text).toContain('§3.5');
    expect(text).toContain('私用スマホ');
    expect(text).toContain('アプリ版');
    expect(reply.activity?.summary).toBeTruthy();
  });

  it('answers every matching matrix cell of an ambiguous question', async () => {
    const card = cardOf(await ask('個人のPCでOutlookは使える？'));
    const table = card.body.find((e) => e.type === 'Table');
    const rows = table?.rows?.slice(1).map((r) => r.cells.map((c) => c.items[0]?.text).join(' '));
    expect(rows).toEqual(['Outlook 私用PC WEB版 ○', 'Outlook 私用PC アプリ版 ×']);
  });

  it('says what it read in the question, and offers the guideline behind the answer', async () => {
    const reply = await ask('カフェのフリーWi-Fiで仕事していい？');
    expect(cardText(reply)).toMatch(/^読み取った状況：.*カフェ/m);
    expect(cardOf(reply).actions?.map((a) => a.title)).toEqual(['ガイドラインの該当箇所を見る']);
  });

  it('answers an English question in English', async () => {
    const text = cardText(await ask('Can I work from a café?', { locale: 'en-US' }));
    expect(text).toMatch(/Prohibited/);
    expect(text).toContain('§2.1');
  });

  it('does not guess outside the guideline: it points to 管理部門', async () => {
    const text = cardText(await ask('今日のランチどこにする？'));
    expect(text).toContain('ガイドラインに記載がありません');
    expect(text).toContain('管理部門');
  });

  it('shows how to use it on ヘルプ and on help', async () => {
    expect(cardText(await ask('ヘルプ'))).toContain('使い方');
    expect(cardText(await ask('help', { locale: 'en-US' }))).toContain('How to use Telework Guard');
  });

  it('asks for a shorter question rather than failing on a very long one', async () => {
    expect(cardText(await ask('あ'.repeat(600)))).toContain('質問が長すぎます');
  });
});

describe('refusals', () => {
  it('accepts a valid token and refuses every bad one with 401, saying nothing', async () => {
    expect((await channel.send(server.url, channel.activities.message('help'))).status).toBe(200);
    const kinds = ['missing', ...BAD_TOKEN_KINDS] as const;
    for (const kind of kinds) {
      const token = kind === 'missing' ? null : await channel.badToken(kind);
      const res = await channel.send(server.url, channel.activities.message(`bad ${kind}`), { token });
      expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
      expect(JSON.stringify(res.body)).not.toMatch(/at |Error|stack/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(channel.calls((c) => c.kind === 'reply' && /bad /.test(String(c.activity?.replyToId))).length).toBe(0);
    expect(channel.calls().filter((c) => c.kind === 'reply').length).toBe(1);
  });

  it('refuses malformed JSON with 400 and an oversized body with 413', async () => {
    // The token is checked before the body is read (a request without one is a 401 whatever its body).
    const token = await channel.signToken();
    const post = (body: string) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
    expect((await post('{"type": "message",')).status).toBe(400);
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) });
    expect((await post(huge)).status).toBe(413);
    expect((await post(JSON.stringify({ text: 'hi' }))).status).toBe(400);
  });

  it('serves health and the tab', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'embedded' });
    const tab = await fetch(`${server.url}/tab/`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('テレワークガード');
  });

  it('makes no connection outside this machine', () => {
    expect(server.blockedConnections()).toEqual([]);
  });
});

describe('what the server remembers', () => {
  it('keeps each person, their conversation reference and an audit trail across a restart, and drops the reference on uninstall', async () => {
    const user = channel.addUser({ name: '佐藤 一郎' });
    await channel.send(server.url, channel.activities.botAdded(), { user });
    await channel.send(server.url, channel.activities.message('カフェで仕事していい？'), { user });
    await channel.waitFor(
      (c) =>
        c.kind === 'reply' &&
        c.status === 200 &&
        c.conversationId === channel.personalConversationId(user) &&
        cardText(c).includes('§2.1'),
    );

    // One server per embedded data directory: a second is refused with a message that says what to do.
    const second = spawnSync(process.execPath, ['--import', 'tsx', SERVER], {
      env: { ...process.env, ...channel.botEnv(), DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).not.toBe(0);
    expect(second.stdout + second.stderr).toMatch(/already using the embedded database/);

    await server.stop();
    const db = await openDatabase({ dataDir, log: quietLog });
    try {
      const { rows } = await db.pool.query('SELECT * FROM users WHERE aad_object_id = $1', [user.aadObjectId]);
      expect(rows[0]).toMatchObject({
        name: '佐藤 一郎',
        tenant_id: channel.tenantId,
        locale: 'ja-JP',
        time_zone: 'Asia/Tokyo',
        installed: true,
      });
      expect(rows[0].conversation_ref).toMatchObject({
        conversation: { id: channel.personalConversationId(user) },
        serviceUrl: channel.serviceUrl,
        user: { aadObjectId: user.aadObjectId },
      });
      const audit = await db.pool.query('SELECT action, detail FROM audit_log WHERE subject = $1 ORDER BY id', [
        user.aadObjectId,
      ]);
      expect(audit.rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['user.first-seen', 'welcome.sent', 'question.answered']),
      );
      expect(audit.rows.find((r) => r.action === 'question.answered')?.detail).toMatchObject({
        verdict: 'prohibited',
        citations: expect.arrayContaining(['§2.1']),
      });
    } finally {
      await db.close();
    }

    server = await spawnServer(SERVER, { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect((await channel.send(server.url, channel.activities.installationUpdate('remove'), { user })).status).toBe(
      200,
    );
    await server.stop();
    const again = await openDatabase({ dataDir, log: quietLog });
    try {
      const { rows } = await again.pool.query(
        'SELECT installed, conversation_ref FROM users WHERE aad_object_id = $1',
        [user.aadObjectId],
      );
      expect(rows[0]).toEqual({ installed: false, conversation_ref: null });
    } finally {
      await again.close();
    }
    server = await spawnServer(SERVER, { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  });
});
