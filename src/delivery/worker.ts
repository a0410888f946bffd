/**
 * The delivery worker: takes batches from the outbox within the shared budget, opens 1:1 conversations where
 * none is stored, sends through the Messenger and records each outcome. Start one per server instance.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import type { ConversationReference, UserStore } from '../ports.ts';
import { ConversationLimiter, retryDecision, finalReason } from './limits.ts';
import { releaseExpiredLeases, settle, type ClaimedMessage, type Settlement } from './outbox.ts';
import type { AppInstaller, Messenger, SendFailure } from './ports.ts';
import { ensureThrottleRow, pauseApp, takeBatch } from './throttle.ts';

export interface DeliveryLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

export interface DeliveryWorkerOptions {
  pool: pg.Pool;
  messenger: Messenger;
  /** Where the 1:1 conversations the worker opens are kept (the users store). */
  conversations: Pick<UserStore, 'recordConversation' | 'forgetConversation'>;
  installer?: AppInstaller;
  /** The bot's app id: the budget and the pause are per app. Default 'default'. */
  app?: string;
  /** Sends per second for the whole app, across all instances (DELIVERY_RATE, default 50). */
  ratePerSecond?: number;
  /** Sends in flight in this process (DELIVERY_MAX_IN_FLIGHT, default 32). */
  maxInFlight?: number;
  /** How long a claimed row stays ours before another instance may take it (DELIVERY_LEASE_MS, default 60 s). */
  leaseMs?: number;
  /** Poll interval when the queue is empty (default 100 ms). */
  idlePollMs?: number;
  /** Default 8. */
  maxAttempts?: number;
  log?: DeliveryLog;
  random?: () => number;
  /** Default `${hostname}:${pid}:${random}`. */
  workerId?: string;
}

export interface DeliveryWorker {
  readonly workerId: string;
  start(): void;
  /** Stops claiming, waits for sends in flight and records them. */
  stop(): Promise<void>;
  /** Counters since start (this process). */
  stats(): { sent: number; retried: number; failed: number; throttled: number; inFlight: number };
}

const silent: DeliveryLog = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createDeliveryWorker(o: DeliveryWorkerOptions): DeliveryWorker {
  const app = o.app ?? 'default';
  const rate = o.ratePerSecond ?? 50;
  const maxInFlight = o.maxInFlight ?? 32;
  const leaseMs = o.leaseMs ?? 60_000;
  const idlePollMs = o.idlePollMs ?? 100;
  const log = o.log ?? silent;
  const random = o.random ?? Math.random;
  const workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const conversations = new ConversationLimiter();
  const counters = { sent: 0, retried: 0, failed: 0, throttled: 0 };

  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<void>>();
  let pending: Settlement[] = [];
  let flushing: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  function record(s: Settlement): void {
    if (s.outcome === 'sent') counters.sent++;
    else if (s.outcome === 'failed') counters.failed++;
    else counters.retried++;
    pending.push(s);
    if (!flushing) flushing = flush();
  }

  // Outcomes are written in batches: under load one UPDATE records dozens of sends.
  async function flush(): Promise<void> {
    await Promise.resolve();
    while (pending.length > 0) {
      const items = pending;
      pending = [];
      for (let attempt = 0; ; attempt++) {
        try {
          await settle(o.pool, workerId, items);
          break;
        } catch (err) {
          // The row stays 'sending' and its lease will expire: at worst it is sent again, never lost.
          log.warn({ err: (err as Error).message, attempt }, 'could not record delivery outcomes');
          if (attempt >= 5) break;
          await sleep(200 * (attempt + 1));
        }
      }
    }
    flushing = undefined;
  }

  async function failure(m: ClaimedMessage, f: SendFailure, stage: string): Promise<void> {
    const error = `${stage}: HTTP ${f.status} ${f.reason}`;
    if (f.status === 429) {
      counters.throttled++;
      const until = await pauseApp(o.pool, app, f.retryAfterMs ?? 1_000, m.claimedAtMs);
      log.warn(
        { retryAfterMs: f.retryAfterMs, until: new Date(until).toISOString() },
        'Teams throttled the app: pausing',
      );
      if (m.attempts < (o.maxAttempts ?? 8)) {
        return record({ id: m.id, outcome: 'retry', delayMs: Math.max(0, until - Date.now()) + random() * 250, error });
      }
    }
    const d = retryDecision(f, m.attempts, random, o.maxAttempts);
    if (d.retry) return record({ id: m.id, outcome: 'retry', delayMs: d.delayMs, error });
    record({ id: m.id, outcome: 'failed', reason: d.reason, error });
  }

  async function openConversation(m: ClaimedMessage): Promise<ConversationReference | SendFailure> {
    const recipient = { aadObjectId: m.aadObjectId, tenantId: m.tenantId };
    let created = await o.messenger.createConversation(recipient);
    if (!created.ok && created.status === 403 && o.installer) {
      const installed = await o.installer.install(recipient);
      if (installed.ok) created = await o.messenger.createConversation(recipient);
      else return { ok: false, status: 403, reason: `app not installed; install failed: ${installed.reason}` };
    }
    if (!created.ok) return created;
    await o.conversations.recordConversation(recipient, created.conversationId, created.reference);
    return created.reference;
  }

  /** Opens the 1:1 chat, or records why it could not be opened and returns undefined. */
  async function opened(m: ClaimedMessage): Promise<ConversationReference | undefined> {
    const result = await openConversation(m);
    if (!('ok' in result && result.ok === false)) return result as ConversationReference;
    const f = result as SendFailure;
    if (f.status === 403) {
      record({ id: m.id, outcome: 'failed', reason: 'not_installed', error: `createConversation: ${f.reason}` });
    } else {
      await failure(m, f, 'createConversation');
    }
    return undefined;
  }

  async function deliver(m: ClaimedMessage): Promise<void> {
    try {
      const stored = m.conversationRef;
      const reference = stored ?? (await opened(m));
      if (!reference) return;
      const storedId = (reference.conversation as { id?: string } | undefined)?.id;
      const wait = conversations.tryTake(storedId ?? m.aadObjectId, Date.now());
      if (wait > 0) {
        return record({ id: m.id, outcome: 'retry', delayMs: wait, error: 'per-conversation limit', refund: true });
      }
      let r = await o.messenger.send(reference, m.payload);
      if (!r.ok && r.status === 404 && stored) {
        // Teams no longer knows the stored conversation (a reset chat, a moved tenant): forget it and open the
        // 1:1 chat again, once, rather than failing this person for good.
        log.info({ aadObjectId: m.aadObjectId }, 'stored conversation not found; opening it again');
        await o.conversations.forgetConversation(m.aadObjectId, storedId);
        const fresh = await opened(m);
        if (!fresh) return;
        r = await o.messenger.send(fresh, m.payload);
      }
      if (r.ok) return record({ id: m.id, outcome: 'sent', activityId: r.activityId });
      if (r.status === 403) {
        return record({ id: m.id, outcome: 'failed', reason: finalReason(r), error: `send: ${r.reason}` });
      }
      await failure(m, r, 'send');
    } catch (err) {
      await failure(m, { ok: false, status: 0, reason: (err as Error).message ?? String(err) }, 'deliver').catch(
        (e: unknown) => log.error({ err: (e as Error).message }, 'delivery bookkeeping failed'),
      );
    }
  }

  async function loop(): Promise<void> {
    await ensureThrottleRow(o.pool, app);
    let lastReap = 0;
    while (running) {
      try {
        if (Date.now() - lastReap > Math.min(5_000, leaseMs / 2)) {
          lastReap = Date.now();
          const n = await releaseExpiredLeases(o.pool);
          if (n > 0) log.warn({ rows: n }, 'requeued messages whose worker stopped mid-send');
        }
        const room = maxInFlight - inFlight.size;
        if (room <= 0) {
          await Promise.race(inFlight);
          continue;
        }
        const batch = await takeBatch(o.pool, { app, worker: workerId, ratePerSecond: rate, want: room, leaseMs });
        for (const m of batch.messages) {
          const p = deliver(m).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        const waitMs = batch.exhausted ? Math.max(batch.waitMs, idlePollMs) : batch.waitMs;
        if (waitMs > 0) await new Promise<void>((r) => ((wake = r), setTimeout(r, waitMs)));
      } catch (err) {
        log.error({ err: (err as Error).message }, 'delivery loop failed; retrying');
        await sleep(1_000);
      }
    }
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      running = false;
      wake?.();
      await loopDone;
      await Promise.allSettled([...inFlight]);
      while (flushing) await flushing;
    },
    stats: () => ({ ...counters, inFlight: inFlight.size }),
  };
}
