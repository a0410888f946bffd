/**
 * Our delivery outbox against pg-boss 12 on the same embedded PostgreSQL, to back "pg-boss unless our own outbox
 * measures better" with numbers. Rounds alternate the two systems; medians are reported.
 *   node --import tsx bench/outbox-vs-pgboss.ts [--messages 20000] [--rounds 3] [--pgboss-batch 5000] [--pgboss-policy short|standard] --json
 * Per round and system: enqueue `messages` (ours: one enqueue() call; pg-boss: insert() in batches, singletonKey on
 * a `short` queue, its only policy where that key dedupes), drain them with a no-op send, 50 claimed and completed
 * at a time, with 1 and with 4 consumers, and a priority check (100 urgent behind 20,000 queued).
 * Ours is drained as the worker does (takeBatch: the shared budget row + claim in one transaction, then settle) and
 * also with bare claim + settle, so the cost of the app-wide budget shows separately.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PgBoss } from 'pg-boss';
import { claim, enqueue, settle, type OutgoingMessage } from '../src/delivery/outbox.ts';
import { ensureThrottleRow, takeBatch } from '../src/delivery/throttle.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { startEmbeddedPostgres } from '../src/store/embedded.ts';
import { makeDataDir, quietLog } from '../test/support/database.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    'pgboss-batch': { type: 'string', default: '5000' },
    // `standard` stores singletonKey but does not dedupe on it; `short` dedupes while the job is queued.
    'pgboss-policy': { type: 'string', default: 'short' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.messages);
const ROUNDS = Math.max(1, Number(values.rounds));
const BOSS_BATCH = Number(values['pgboss-batch']);
const BOSS_POLICY = values['pgboss-policy'] === 'standard' ? 'standard' : 'short';
const BATCH = 50;
const URGENT = 100;
const LEASE_MS = 60_000;
const QUEUE = 'delivery';
const APP = 'bench';
// Far above any real budget: the bench measures the queue, not the rate limit, but pays for the budget row.
const UNLIMITED_RATE = 1e9;
const LOW = 30; // PRIORITY.digest
const HIGH = 100; // PRIORITY.rollcall

/** One message as both systems carry it; `urgent` marks the roll-call ones in the priority check. */
interface Item {
  key: string;
  aadObjectId: string;
  urgent: boolean;
}

interface Claimed {
  id: string;
  urgent: boolean;
}

interface System {
  reset(): Promise<void>;
  /** Returns how many were new (the rest were deduplicated). */
  enqueue(campaign: string, items: Item[], priority: number): Promise<number>;
  /** Claims up to BATCH ready messages and records them all as sent; [] when nothing is ready. */
  takeAndComplete(consumer: string): Promise<Claimed[]>;
}

const tenantId = '00000000-0000-0000-0000-00000000beef';

function items(campaign: string, n: number, urgent = false): Item[] {
  return Array.from({ length: n }, (_, i) => {
    const aadObjectId = `${urgent ? 'u' : 'p'}-${i}`;
    return { key: `${campaign}:user:${aadObjectId}`, aadObjectId, urgent };
  });
}

function ours(db: Database, mode: 'worker' | 'claim'): System {
  const pool = db.pool;
  return {
    async reset() {
      await pool.query('TRUNCATE delivery_outbox');
      await pool.query('DELETE FROM delivery_throttle WHERE app = $1', [APP]);
      await ensureThrottleRow(pool, APP);
    },
    async enqueue(campaign, list, priority) {
      const messages: OutgoingMessage[] = list.map((m) => ({
        aadObjectId: m.aadObjectId,
        tenantId,
        dedupeKey: m.key,
        payload: { summary: m.urgent ? 'urgent' : 'routine' },
      }));
      const r = await enqueue(pool, { campaign, kind: priority === HIGH ? 'rollcall' : 'digest', priority, messages });
      return r.queued;
    },
    async takeAndComplete(consumer) {
      const claimed =
        mode === 'worker'
          ? (
              await takeBatch(pool, {
                app: APP,
                worker: consumer,
                ratePerSecond: UNLIMITED_RATE,
                want: BATCH,
                leaseMs: LEASE_MS,
              })
            ).messages
          : await claim(pool, consumer, BATCH, LEASE_MS);
      if (claimed.length === 0) return [];
      await settle(
        pool,
        consumer,
        claimed.map((m) => ({ id: m.id, outcome: 'sent' as const, activityId: `a-${m.id}` })),
      );
      return claimed.map((m) => ({ id: m.id, urgent: m.payload.summary === 'urgent' }));
    },
  };
}

interface BossData {
  aadObjectId: string;
  tenantId: string;
  payload: { summary: string };
}

function pgboss(boss: PgBoss): System {
  return {
    async reset() {
      // A partitioned queue has its own table: dropping the queue leaves no dead rows, like our TRUNCATE.
      if (await boss.getQueue(QUEUE)) await boss.deleteQueue(QUEUE);
      await boss.createQueue(QUEUE, { policy: BOSS_POLICY, partition: true, retryLimit: 7 });
    },
    async enqueue(_campaign, list, priority) {
      let inserted = 0;
      for (let i = 0; i < list.length; i += BOSS_BATCH) {
        const chunk = list.slice(i, i + BOSS_BATCH).map((m) => ({
          data: { aadObjectId: m.aadObjectId, tenantId, payload: { summary: m.urgent ? 'urgent' : 'routine' } },
          priority,
          singletonKey: m.key,
        }));
        const ids = await boss.insert(QUEUE, chunk, { returnId: true });
        inserted += ids?.length ?? 0;
      }
      return inserted;
    },
    async takeAndComplete() {
      const jobs = await boss.fetch<BossData>(QUEUE, { batchSize: BATCH });
      if (jobs.length === 0) return [];
      await boss.complete(
        QUEUE,
        jobs.map((j) => j.id),
      );
      return jobs.map((j) => ({ id: j.id, urgent: j.data.payload.summary === 'urgent' }));
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await work();
  return [r, (performance.now() - t0) / 1000];
}

/** Fresh queue, N enqueued (timed), then drained by `consumers` loops. Returns [enqueue s, drained per s]. */
async function enqueueAndDrain(sys: System, round: number, consumers: number): Promise<[number, number]> {
  await sys.reset();
  const campaign = `bench:${round}:${consumers}`;
  const [queued, enqueueS] = await timed(() => sys.enqueue(campaign, items(campaign, N), LOW));
  if (queued !== N) throw new Error(`enqueued ${queued} of ${N}`);
  const seen = new Set<string>();
  const [, drainS] = await timed(() =>
    Promise.all(
      Array.from({ length: consumers }, async (_, c) => {
        // SKIP LOCKED: an empty answer means every remaining row is held by another consumer, not that we are done.
        while (seen.size < N) {
          const batch = await sys.takeAndComplete(`bench-${c}`);
          if (batch.length === 0) {
            await new Promise((r) => setTimeout(r, 1));
            continue;
          }
          for (const m of batch) {
            if (seen.has(m.id)) throw new Error(`message ${m.id} claimed twice`);
            seen.add(m.id);
          }
        }
      }),
    ),
  );
  return [enqueueS, N / drainS];
}

/** With N routine queued, 100 urgent arrive: how many routine ones are still claimed before the last urgent one. */
async function priorityOvertaken(sys: System, round: number): Promise<number> {
  await sys.reset();
  const campaign = `prio:${round}`;
  await sys.enqueue(`${campaign}:low`, items(`${campaign}:low`, N), LOW);
  await sys.enqueue(`${campaign}:high`, items(`${campaign}:high`, URGENT, true), HIGH);
  let urgentSeen = 0;
  let routineBefore = 0;
  while (urgentSeen < URGENT) {
    const batch = await sys.takeAndComplete('bench-prio');
    if (batch.length === 0) throw new Error(`only ${urgentSeen} of ${URGENT} urgent messages were claimed`);
    for (const m of batch) {
      if (m.urgent) urgentSeen++;
      else routineBefore++;
    }
  }
  return routineBefore;
}

/** Enqueue the same 1,000 twice while queued, then again once they are all sent: how many got in each time. */
async function dedupe(sys: System): Promise<{ while_queued: number; after_sent: number }> {
  await sys.reset();
  const list = items('dedupe', 1_000);
  await sys.enqueue('dedupe', list, LOW);
  const whileQueued = await sys.enqueue('dedupe', list, LOW);
  while ((await sys.takeAndComplete('bench-dedupe')).length > 0);
  const afterSent = await sys.enqueue('dedupe', list, LOW);
  return { while_queued: whileQueued, after_sent: afterSent };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Samples {
  enqueue_s: number[];
  drain_per_s_1: number[];
  drain_per_s_4: number[];
  priority_overtaken_after: number[];
}
const empty = (): Samples => ({ enqueue_s: [], drain_per_s_1: [], drain_per_s_4: [], priority_overtaken_after: [] });

const dataDir = makeDataDir();
const embedded = await startEmbeddedPostgres(dataDir, quietLog);
let db: Database | undefined;
let boss: PgBoss | undefined;
try {
  db = await openDatabase({ databaseUrl: embedded.url, dataDir, log: quietLog });
  // Same pool size as ours (openDatabase: max 10); no cron or maintenance loop in the measurement.
  boss = new PgBoss({ connectionString: embedded.url, max: 10, schedule: false, supervise: false });
  boss.on('error', (err: Error) => console.error('pg-boss:', err.message));
  await boss.start();

  const systems = {
    ours: ours(db, 'worker'),
    ours_claim_only: ours(db, 'claim'),
    pgboss: pgboss(boss),
  } as const;
  const names = Object.keys(systems) as (keyof typeof systems)[];
  const samples = Object.fromEntries(names.map((n) => [n, empty()])) as Record<keyof typeof systems, Samples>;

  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so neither always runs on the warmer cache.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const sys = systems[name];
      const s = samples[name];
      for (const consumers of [1, 4] as const) {
        const [enqueueS, perS] = await enqueueAndDrain(sys, round, consumers);
        s.enqueue_s.push(enqueueS);
        s[consumers === 1 ? 'drain_per_s_1' : 'drain_per_s_4'].push(perS);
      }
      s.priority_overtaken_after.push(await priorityOvertaken(sys, round));
    }
  }
  const dedupes = {
    ours: await dedupe(systems.ours),
    pgboss: await dedupe(systems.pgboss),
  };

  const summary = (s: Samples) => ({
    enqueue_s: Number(median(s.enqueue_s).toFixed(3)),
    drain_per_s_1: Math.round(median(s.drain_per_s_1)),
    drain_per_s_4: Math.round(median(s.drain_per_s_4)),
    priority_overtaken_after: Math.max(...s.priority_overtaken_after),
  });
  const o = summary(samples.ours);
  const c = summary(samples.ours_claim_only);
  const b = summary(samples.pgboss);
  const ratio = (x: number, y: number) => Number((x / y).toFixed(2));
  const result = {
    messages: N,
    rounds: ROUNDS,
    ours: { ...o, dedupe_new_of_1000: dedupes.ours },
    ours_claim_only: { drain_per_s_1: c.drain_per_s_1, drain_per_s_4: c.drain_per_s_4 },
    pgboss: { ...b, dedupe_new_of_1000: dedupes.pgboss, policy: BOSS_POLICY, insert_batch: BOSS_BATCH },
    ratio_enqueue: ratio(o.enqueue_s, b.enqueue_s),
    ratio_drain_1: ratio(o.drain_per_s_1, b.drain_per_s_1),
    ratio_drain_4: ratio(o.drain_per_s_4, b.drain_per_s_4),
    ratio_drain_1_claim_only: ratio(c.drain_per_s_1, b.drain_per_s_1),
    ratio_drain_4_claim_only: ratio(c.drain_per_s_4, b.drain_per_s_4),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  if (values.json) {
    console.log(JSON.stringify(result));
  } else {
    const row = (label: string, x: string | number, y: string | number, z: string | number) =>
      `${label.padEnd(34)}${String(x).padStart(12)}${String(y).padStart(16)}${String(z).padStart(12)}`;
    console.log(`${N} messages, ${ROUNDS} rounds (medians), ${result.seconds} s`);
    console.log(row('', 'ours', 'ours claim-only', 'pg-boss'));
    console.log(row('enqueue (s)', o.enqueue_s, c.enqueue_s, b.enqueue_s));
    console.log(row('claim+complete, 1 consumer (msg/s)', o.drain_per_s_1, c.drain_per_s_1, b.drain_per_s_1));
    console.log(row('claim+complete, 4 consumers (msg/s)', o.drain_per_s_4, c.drain_per_s_4, b.drain_per_s_4));
    console.log(
      row(
        'routine claimed before 100 urgent',
        o.priority_overtaken_after,
        c.priority_overtaken_after,
        b.priority_overtaken_after,
      ),
    );
    console.log(row('dedupe: new of 1000 while queued', dedupes.ours.while_queued, '', dedupes.pgboss.while_queued));
    console.log(row('dedupe: new of 1000 after sent', dedupes.ours.after_sent, '', dedupes.pgboss.after_sent));
  }
} finally {
  await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
  await db?.close().catch(() => undefined);
  await embedded.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
