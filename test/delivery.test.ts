/**
 * The delivery engine against a real PostgreSQL and the local Teams channel, through the real Bot Framework adapter
 * (connector retries off) and messenger. Rate-limit and retry arithmetic is tested with a controllable clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker, type DeliveryWorker } from '../src/delivery/worker.ts';
import { campaignStatus, enqueue, unreachableReport, type MessageKind } from '../src/delivery/outbox.ts';
import { ConversationLimiter, bucketCapacity, refillBucket, retryDecision } from '../src/delivery/limits.ts';
import type { AppInstaller, Messenger } from '../src/delivery/ports.ts';
import { parseRetryAfter } from '../bot/messenger.ts';
import { startLocalChannel, type ConnectorCall, type LocalChannel } from './harness/channel.ts';
import { channelMessenger, seedUsers } from './harness/delivery-child.ts';
import { startTestDatabase } from './support/database.ts';
import { pgUserStore } from '../src/store/users.ts';
import type { TeamsUser } from './harness/activities.ts';

describe('limits and retries (controllable clock)', () => {
  it('the global bucket refills at the rate, is capped, and accrues nothing during a pause', () => {
    const rate = 50;
    const cap = bucketCapacity(rate);
    expect(cap).toBe(10);
    expect(refillBucket({ tokens: 0, refilledAtMs: 0 }, 100, rate, cap)).toBeCloseTo(5);
    expect(refillBucket({ tokens: 0, refilledAtMs: 0 }, 10_000, rate, cap)).toBe(cap);
    const paused = { tokens: 8, refilledAtMs: 0, pausedUntilMs: 1_000 };
    expect(refillBucket(paused, 500, rate, cap)).toBe(0);
    expect(refillBucket(paused, 1_000, rate, cap)).toBe(0);
    expect(refillBucket(paused, 1_100, rate, cap)).toBeCloseTo(5);
  });

  it("a conversation gets at most 7 messages a second and 60 in 30 seconds (Teams' limits)", () => {
    const limiter = new ConversationLimiter();
    let t = 0;
    const sentAt: number[] = [];
    while (sentAt.length < 70 && t < 60_000) {
      const wait = limiter.tryTake('a:1', t);
      if (wait === 0) sentAt.push(t);
      t += wait > 0 ? wait : 10;
    }
    for (const s of sentAt) expect(sentAt.filter((x) => x > s - 1_000 && x <= s).length).toBeLessThanOrEqual(7);
    for (const s of sentAt) expect(sentAt.filter((x) => x > s - 30_000 && x <= s).length).toBeLessThanOrEqual(60);
    expect(sentAt.filter((x) => x < 30_000)).toHaveLength(60);
    expect(limiter.tryTake('a:2', 0)).toBe(0); // another person is not held up
  });

  it('retries throttling and transient errors with backoff, gives up after 8, and never retries a 403', () => {
    const half = () => 0.5;
    expect(retryDecision({ status: 429, retryAfterMs: 1_000, reason: '' }, 1, half)).toEqual({
      retry: true,
      delayMs: 1_000,
    });
    expect(retryDecision({ status: 503, reason: '' }, 1, half)).toEqual({ retry: true, delayMs: 750 });
    expect(retryDecision({ status: 502, reason: '' }, 3, half)).toEqual({ retry: true, delayMs: 3_000 });
    expect(retryDecision({ status: 504, reason: '' }, 20, half, 30)).toEqual({ retry: true, delayMs: 45_000 });
    expect(retryDecision({ status: 412, reason: '' }, 8, half)).toEqual({ retry: false, reason: 'gave_up' });
    expect(retryDecision({ status: 403, reason: 'blocked' }, 1, half)).toEqual({
      retry: false,
      reason: 'not_reachable',
    });
    expect(retryDecision({ status: 400, reason: '' }, 1, half)).toEqual({ retry: false, reason: 'rejected_400' });
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
  });
});

describe('proactive delivery through the local Teams channel', () => {
  let channel: LocalChannel;
  let db: Awaited<ReturnType<typeof startTestDatabase>>;
  let messenger: Messenger;
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    [channel, db] = await Promise.all([startLocalChannel({ seed: 7 }), startTestDatabase()]);
    messenger = channelMessenger(channel);
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.close();
    await channel?.close();
  });
  beforeEach(async () => {
    await worker?.stop();
    worker = undefined;
    channel.clear();
    await db.pool.query('UPDATE delivery_throttle SET paused_until = NULL, tokens = 0');
  });

  const start = (o: { rate?: number; installer?: AppInstaller } = {}) => {
    worker = createDeliveryWorker({
      pool: db.pool,
      conversations: pgUserStore(db.pool),
      messenger,
      app: channel.appId,
      ratePerSecond: o.rate ?? 200,
      idlePollMs: 20,
      ...(o.installer ? { installer: o.installer } : {}),
    });
    worker.start();
    return worker;
  };

  const send = (campaign: string, kind: MessageKind, users: TeamsUser[]) =>
    enqueue(db.pool, {
      campaign,
      kind,
      messages: users.map((u) => ({
        aadObjectId: u.aadObjectId,
        tenantId: u.tenantId,
        payload: { summary: campaign, text: `${campaign} ${u.name}` },
      })),
    });

  async function settled(campaign: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await campaignStatus(db.pool, campaign);
      if (s.counts.queued + s.counts.sending === 0) return s;
      if (Date.now() > deadline) throw new Error(`${campaign} not settled: ${JSON.stringify(s.counts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const delivered = (campaign: string) =>
    channel.calls((c) => c.kind === 'send' && c.status === 200 && c.activity?.summary === campaign);

  it('fans out 300 messages through 429s (Retry-After 1) and 503s: everyone gets exactly one', async () => {
    const users = await seedUsers(db.pool, channel, 300);
    channel.failShare(0.02, { status: 429, retryAfterSeconds: 1, kinds: ['send'] });
    channel.failNext(6, { status: 503, kinds: ['send'] });
    expect(await send('rollcall:1', 'rollcall', users)).toEqual({ queued: 300, skipped: 0 });
    start({ rate: 300 });
    const status = await settled('rollcall:1');
    expect(status.counts).toEqual({ queued: 0, sending: 0, sent: 300, failed: 0 });
    const perConversation = new Map<string, number>();
    for (const c of delivered('rollcall:1'))
      perConversation.set(c.conversationId!, (perConversation.get(c.conversationId!) ?? 0) + 1);
    expect(perConversation.size).toBe(300);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    expect(channel.calls((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(channel.calls((c) => c.status === 503)).toHaveLength(6);
    // who was reached: each recipient's row carries the activity id Teams gave
    const byUser = new Map(status.recipients.map((r) => [r.aadObjectId, r]));
    const first = byUser.get(users[0]!.aadObjectId)!;
    expect(first.status).toBe('sent');
    expect(delivered('rollcall:1').some((c) => c.assignedId === first.activityId)).toBe(true);
    expect((await campaignStatus(db.pool, 'rollcall:1:user:', { byPrefix: true })).counts.sent).toBe(300);
  });

  it('a 429 pauses every send for the Retry-After window', async () => {
    const users = await seedUsers(db.pool, channel, 60);
    channel.failNext(1, { status: 429, retryAfterSeconds: 1, kinds: ['send'] });
    await send('checkin:pause', 'checkin', users);
    start({ rate: 100 });
    await settled('checkin:pause');
    const throttled = channel.calls((c) => c.status === 429)[0]!;
    const during = channel.calls(
      (c) => c.kind === 'send' && c.time > throttled.time + 50 && c.time < throttled.time + 950,
    );
    expect(during).toEqual([]);
    expect(delivered('checkin:pause')).toHaveLength(60);
    const after = channel.calls((c) => c.kind === 'send' && c.time >= throttled.time + 950);
    expect(after.length).toBeGreaterThan(0);
  });

  it('403 from Teams is final: recorded as not reachable with the reason, not retried', async () => {
    const [blocked, ok] = await seedUsers(db.pool, channel, 2);
    channel.setInstalled(blocked!.aadObjectId, false);
    await send('reminder:403', 'reminder', [blocked!, ok!]);
    start();
    const s = await settled('reminder:403');
    expect(s.counts).toMatchObject({ sent: 1, failed: 1 });
    const row = s.recipients.find((r) => r.aadObjectId === blocked!.aadObjectId)!;
    expect(row).toMatchObject({ status: 'failed', reason: 'not_reachable', attempts: 1 });
    expect(row.lastError).toContain('BotNotInConversationRoster');
    expect(channel.calls((c) => c.conversationId === channel.personalConversationId(blocked!))).toHaveLength(1);
    expect(await unreachableReport(db.pool, 'reminder:403')).toEqual({ not_reachable: 1 });
  });

  it('opens the 1:1 chat for people without a stored reference; installs the app where it is missing', async () => {
    const fresh = await seedUsers(db.pool, channel, 2, { stored: false });
    const notInstalled = await seedUsers(db.pool, channel, 2, { stored: false, installed: false });
    await send('digest:new', 'digest', [...fresh, notInstalled[0]!]);
    start();
    let s = await settled('digest:new');
    expect(s.counts).toMatchObject({ sent: 2, failed: 1 });
    expect(s.recipients.find((r) => r.aadObjectId === notInstalled[0]!.aadObjectId)).toMatchObject({
      reason: 'not_installed',
    });
    const stored = await db.pool.query('SELECT conversation_id FROM users WHERE aad_object_id = $1', [
      fresh[0]!.aadObjectId,
    ]);
    expect(stored.rows[0].conversation_id).toBe(channel.personalConversationId(fresh[0]!));
    // Sends run concurrently: find this person's request rather than assuming it came first.
    const create = channel.calls(
      (c) =>
        c.kind === 'createConversation' &&
        c.status === 201 &&
        (c.body as { members?: { id: string }[] }).members?.[0]?.id === fresh[0]!.aadObjectId,
    )[0]!;
    expect(create.body).toMatchObject({
      isGroup: false,
      members: [{ id: fresh[0]!.aadObjectId }],
      tenantId: channel.tenantId,
    });
    expect(await unreachableReport(db.pool, 'digest:new')).toEqual({ not_installed: 1 });

    await worker!.stop();
    const installs: string[] = [];
    const installer: AppInstaller = {
      async install(r) {
        installs.push(r.aadObjectId);
        channel.setInstalled(r.aadObjectId, true);
        return { ok: true };
      },
    };
    await send('digest:install', 'digest', [notInstalled[1]!]);
    start({ installer });
    s = await settled('digest:install');
    expect(s.counts.sent).toBe(1);
    expect(installs).toEqual([notInstalled[1]!.aadObjectId]);
  });

  it('a stored conversation Teams no longer knows (404) is forgotten and the 1:1 chat opened again', async () => {
    const [moved] = await seedUsers(db.pool, channel, 1);
    await db.pool.query(
      `UPDATE users SET conversation_id = 'a:stale',
         conversation_ref = jsonb_set(conversation_ref, '{conversation,id}', '"a:stale"') WHERE aad_object_id = $1`,
      [moved!.aadObjectId],
    );
    channel.failNext(1, { status: 404, code: 'ConversationNotFound', kinds: ['send'] });
    await send('reminder:404', 'reminder', [moved!]);
    start();
    const s = await settled('reminder:404');
    expect(s.counts).toMatchObject({ sent: 1, failed: 0 });
    expect(channel.calls((c) => c.kind === 'send').map((c) => c.status)).toEqual([404, 200]);
    expect(channel.calls((c) => c.kind === 'createConversation' && c.status === 201)).toHaveLength(1);
    const stored = await db.pool.query('SELECT conversation_id, conversation_ref FROM users WHERE aad_object_id = $1', [
      moved!.aadObjectId,
    ]);
    expect(stored.rows[0].conversation_id).toBe(channel.personalConversationId(moved!));
    expect(stored.rows[0].conversation_ref.conversation.id).toBe(channel.personalConversationId(moved!));
  });

  it('a roll call overtakes check-ins and digests already queued', async () => {
    const users = await seedUsers(db.pool, channel, 40);
    await send('digest:queued', 'digest', users.slice(0, 20));
    await send('checkin:queued', 'checkin', users.slice(20));
    start({ rate: 20 });
    await channel.waitFor((c) => c.kind === 'send' && c.status === 200 && c.activity?.summary === 'checkin:queued');
    const before = channel.calls((c) => c.kind === 'send').length;
    await send('rollcall:urgent', 'rollcall', users.slice(0, 5));
    await settled('digest:queued');
    const order = channel.calls((c) => c.kind === 'send').map((c) => String(c.activity?.summary));
    // every check-in goes before every digest, and the roll call goes before whatever was still queued
    expect(order.lastIndexOf('checkin:queued')).toBeLessThan(order.indexOf('digest:queued'));
    const lastRollcall = order.lastIndexOf('rollcall:urgent');
    expect(lastRollcall).toBeLessThan(before + 5 + 8); // at most the budget already claimed went first
    expect(order.slice(lastRollcall + 1).length).toBeGreaterThan(10);
  });

  it('enqueueing the same messages again queues nothing and sends nothing twice', async () => {
    const users = await seedUsers(db.pool, channel, 10);
    expect(await send('rollcall:again', 'rollcall', users)).toEqual({ queued: 10, skipped: 0 });
    expect(await send('rollcall:again', 'rollcall', users)).toEqual({ queued: 0, skipped: 10 });
    start();
    await settled('rollcall:again');
    expect(await send('rollcall:again', 'rollcall', users)).toEqual({ queued: 0, skipped: 10 });
    await new Promise((r) => setTimeout(r, 200));
    expect(delivered('rollcall:again')).toHaveLength(10);
  });
});

export type { ConnectorCall };
