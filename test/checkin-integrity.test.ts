/**
 * What a check-in submit must never do, through the whole app in one process (bot, outbox, real PostgreSQL) and the
 * local Teams channel: answer anyone but the person the card was issued to, let the client's time zone decide the
 * day, or store a check-in whose security notice was lost.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createApp, type App } from '../server/app.ts';
import { startLocalChannel, type LocalChannel, type TeamsUser } from './harness/channel.ts';
import { trustChannelInProcess } from './harness/delivery-child.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let channel: LocalChannel;
let db: Awaited<ReturnType<typeof startTestDatabase>>;
let app: App;
let url: string;
// 23:30 in Tokyo on the 25th; already 04:30 on the 26th in Kiritimati (UTC+14).
const now = new Date('2026-11-25T14:30:00Z');
const SECURITY = 'e0000000-0000-4000-8000-000000000009';
const COMPLIANT = { place: 'home', network: 'wired', device: 'company-pc', access: 'vpn', workspace: 'private' };
const CHECKOUT_OK = { disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' };

beforeAll(async () => {
  channel = await startLocalChannel();
  trustChannelInProcess(channel);
  db = await startTestDatabase();
  const config = loadConfig({
    ...channel.botEnv(),
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'silent',
    SECURITY_CONTACTS: SECURITY,
  });
  app = createApp(config, { db, log: quietLog, clock: { now: () => now } });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.stopBackground();
  await new Promise<void>((resolve) => app?.server.close(() => resolve()));
  await db?.close();
  await channel?.close();
});

/** Types the command and returns the submit action of the card that comes back. */
async function requestCard(user: TeamsUser, word = 'チェックイン', localTimezone = 'Asia/Tokyo') {
  const res = await channel.send(url, { ...channel.activities.message(word), localTimezone }, { user });
  expect(res.status).toBe(200);
  const reply = await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id, 10_000);
  const found: { verb: string; data: Record<string, string> }[] = [];
  JSON.stringify(reply.activity, (_k, v: unknown) => {
    const o = v as { type?: string; verb?: string; data?: Record<string, string> } | null;
    if (o && o.type === 'Action.Execute') found.push({ verb: o.verb!, data: o.data! });
    return v;
  });
  expect(found[0]).toBeDefined();
  return found[0]!;
}

async function execute(user: TeamsUser, verb: string, data: Record<string, unknown>, localTimezone = 'Asia/Tokyo') {
  const res = await channel.send(
    url,
    { ...channel.activities.adaptiveCardAction({ verb, data }), localTimezone },
    { user },
  );
  return { status: res.status, body: res.body as { type?: string; value?: unknown } };
}

async function stored(user: TeamsUser): Promise<{ local_date: string; answers: Record<string, string> }[]> {
  const { rows } = await db.pool.query(
    `SELECT to_char(local_date, 'YYYY-MM-DD') AS local_date, answers FROM checkins WHERE aad_object_id = $1
      ORDER BY submitted_at`,
    [user.aadObjectId],
  );
  return rows;
}

describe('a check-in card answers only the person it was issued to', () => {
  it('another person can neither take the card before its owner submits nor read it afterwards', async () => {
    const owner = channel.addUser({ name: '山田 花子' });
    const intruder = channel.addUser({ name: '鈴木 次郎' });
    const { verb, data } = await requestCard(owner);

    // The intruder sends the owner's card id with `owner` rewritten to themselves.
    const forged = { ...data, owner: intruder.aadObjectId };
    const taken = await execute(intruder, verb, { ...forged, ...COMPLIANT });
    expect(taken.status).toBe(200);
    expect(taken.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(taken.body.value)).toContain('別の方');
    expect(await stored(intruder)).toEqual([]);
    expect(await stored(owner)).toEqual([]);

    const mine = await execute(owner, verb, { ...data, ...COMPLIANT, mood: '2', note: '頭痛がする' });
    expect(JSON.stringify(mine.body)).toContain('開始チェックを受け付けました');

    const peek = await execute(intruder, verb, { ...forged, ...COMPLIANT });
    expect(peek.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(peek.body.value)).toContain('別の方');
    expect(JSON.stringify(peek.body)).not.toContain('頭痛');
    expect(JSON.stringify(peek.body)).not.toContain('受け付けました');

    // The owner's own second submit still shows their receipt.
    const again = await execute(owner, verb, { ...data, ...COMPLIANT });
    expect(JSON.stringify(again.body)).toContain('既に提出済み');
    expect(await stored(owner)).toHaveLength(1);
    expect(await stored(intruder)).toEqual([]);

    const { rows } = await db.pool.query(
      `SELECT detail FROM audit_log WHERE action = 'checkin.refused' AND actor = $1`,
      [intruder.aadObjectId],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.detail).toEqual({ reasons: [{ code: 'not-owner' }] });
    }
  });

  it('refuses a card id the server never issued', async () => {
    const user = channel.addUser();
    const { verb, data } = await requestCard(user);
    const made = await execute(user, verb, { ...data, cardId: '0f0f0f0f-0000-4000-8000-000000000001', ...COMPLIANT });
    expect(String(made.body.value)).toContain('受付期間');
    expect(await stored(user)).toEqual([]);
    const { rows } = await db.pool.query(
      `SELECT detail FROM audit_log WHERE action = 'checkin.refused' AND actor = $1`,
      [user.aadObjectId],
    );
    expect(rows.map((r) => r.detail)).toEqual([{ reasons: [{ code: 'not-issued' }] }]);
  });
});

describe('the day a card counts for', () => {
  it("is fixed on the server when the card is issued, in the person's stored time zone, whatever the client says", async () => {
    const user = channel.addUser();
    const first = await requestCard(user);
    expect(first.data.localDate).toBe('2026-11-25');
    // The same card sent from a client that says it is already the 26th: it counts for the 25th.
    const r1 = await execute(user, first.verb, { ...first.data, ...COMPLIANT }, 'Pacific/Kiritimati');
    expect(JSON.stringify(r1.body)).toContain('開始チェックを受け付けました');

    // A card asked for from that client is still today's card in Tokyo: the second submit is the same day's.
    const second = await requestCard(user, 'チェックイン', 'Pacific/Kiritimati');
    const r2 = await execute(user, second.verb, { ...second.data, ...COMPLIANT }, 'Pacific/Kiritimati');
    expect(JSON.stringify(r2.body)).toContain('既に提出済み');

    // A card made up for the 26th is not one the server issued.
    const r3 = await execute(
      user,
      second.verb,
      { ...second.data, cardId: '0f0f0f0f-0000-4000-8000-000000000002', localDate: '2026-11-26', ...COMPLIANT },
      'Pacific/Kiritimati',
    );
    expect(JSON.stringify(r3.body)).not.toContain('受け付けました');
    expect((await stored(user)).map((r) => r.local_date)).toEqual(['2026-11-25']);
  });
});

describe('a check-in and its security notice commit together', () => {
  it('when the notice cannot be queued nothing is stored, and the same card resubmitted stores and notifies', async () => {
    const user = channel.addUser({ name: '佐藤 美咲' });
    const { verb, data } = await requestCard(user, 'チェックアウト');
    const lostDevice = { ...data, ...CHECKOUT_OK, report: 'lost-device' };
    await db.pool.query(`CREATE FUNCTION refuse_compliance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await db.pool.query(`CREATE TRIGGER refuse_compliance BEFORE INSERT ON delivery_outbox FOR EACH ROW
      WHEN (NEW.dedupe_key LIKE 'compliance:%') EXECUTE FUNCTION refuse_compliance()`);
    try {
      const failed = await execute(user, verb, lostDevice);
      expect(JSON.stringify(failed.body ?? '')).not.toContain('受け付けました');
      expect(await stored(user)).toEqual([]);
    } finally {
      await db.pool.query('DROP TRIGGER refuse_compliance ON delivery_outbox');
      await db.pool.query('DROP FUNCTION refuse_compliance()');
    }

    const retried = await execute(user, verb, lostDevice);
    expect(JSON.stringify(retried.body)).toContain('終了チェックを受け付けました');
    expect(await stored(user)).toHaveLength(1);
    const { rows } = await db.pool.query(
      `SELECT o.aad_object_id, o.kind FROM delivery_outbox o JOIN checkins c ON o.dedupe_key LIKE 'compliance:' || c.id || ':%'
        WHERE c.aad_object_id = $1`,
      [user.aadObjectId],
    );
    expect(rows).toEqual([{ aad_object_id: SECURITY, kind: 'compliance' }]);
  });
});
