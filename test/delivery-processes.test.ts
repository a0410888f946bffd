/**
 * Delivery workers as separate processes on one PostgreSQL: one killed with SIGKILL mid-fan-out (another finishes
 * the job; duplicates at most what was in flight), and two instances sharing the work without sending twice.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignStatus, enqueue } from '../src/delivery/outbox.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/store/embedded.ts';
import { startLocalChannel, type LocalChannel } from './harness/channel.ts';
import { seedUsers } from './harness/delivery-child.ts';
import { spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir, quietLog } from './support/database.ts';
import type { TeamsUser } from './harness/activities.ts';

let channel: LocalChannel;
let pg: EmbeddedDatabase;
let db: Database;
let dataDir: string;
const children: SpawnedServer[] = [];

beforeAll(async () => {
  dataDir = makeDataDir();
  [channel, pg] = await Promise.all([startLocalChannel(), startEmbeddedPostgres(dataDir, quietLog)]);
  db = await openDatabase({ databaseUrl: pg.url, dataDir, log: quietLog });
});
afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
  await db?.close();
  await pg?.stop();
  await channel?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const spawnWorker = async (id: string, rate: number) => {
  const child = await spawnServer(
    'test/harness/delivery-child.ts',
    {
      ...channel.botEnv(),
      DATABASE_URL: pg.url,
      DELIVERY_RATE: String(rate),
      DELIVERY_LEASE_MS: '1500',
      DELIVERY_WORKER_ID: id,
      DELIVERY_SERVICE_URL: channel.serviceUrl,
    },
    { healthPath: null, readyLine: /delivery-child ready/ },
  );
  children.push(child);
  return child;
};

const enqueueFor = (campaign: string, users: TeamsUser[]) =>
  enqueue(db.pool, {
    campaign,
    kind: 'rollcall',
    messages: users.map((u) => ({ aadObjectId: u.aadObjectId, tenantId: u.tenantId, payload: { summary: campaign } })),
  });

async function settled(campaign: string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await campaignStatus(db.pool, campaign, { recipients: false });
    if (s.counts.queued + s.counts.sending === 0) return s;
    if (Date.now() > deadline) throw new Error(`${campaign} not settled: ${JSON.stringify(s.counts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sendsPerPerson(campaign: string, users: TeamsUser[]) {
  const count = new Map(users.map((u) => [channel.personalConversationId(u), 0]));
  for (const c of channel.calls((c) => c.kind === 'send' && c.status === 200 && c.activity?.summary === campaign)) {
    count.set(c.conversationId!, (count.get(c.conversationId!) ?? 0) + 1);
  }
  return [...count.values()];
}

it('a worker killed with SIGKILL mid-way: another process finishes, duplicates at most what was in flight', async () => {
  const users = await seedUsers(db.pool, channel, 1000);
  await enqueueFor('rollcall:crash', users);
  const first = await spawnWorker('first', 200);
  await channel
    .waitFor(() => channel.calls((c) => c.kind === 'send' && c.status === 200).length >= 400, 15_000)
    .catch(async () => {
      for (;;) {
        if (channel.calls((c) => c.kind === 'send' && c.status === 200).length >= 400) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    });
  process.kill(first.pid, 'SIGKILL');
  await first.exited;
  const inFlight = Number(
    (await db.pool.query(`SELECT count(*) AS n FROM delivery_outbox WHERE status = 'sending' AND locked_by = 'first'`))
      .rows[0].n,
  );
  const sentBeforeKill = channel.calls((c) => c.kind === 'send' && c.status === 200).length;
  expect(sentBeforeKill).toBeLessThan(1000);

  await spawnWorker('second', 200);
  const status = await settled('rollcall:crash');
  expect(status.counts).toEqual({ queued: 0, sending: 0, sent: 1000, failed: 0 });
  const per = sendsPerPerson('rollcall:crash', users);
  expect(per.every((n) => n >= 1)).toBe(true);
  const duplicates = per.reduce((a, n) => a + n - 1, 0);
  console.log(JSON.stringify({ crash: { sentBeforeKill, inFlightAtKill: inFlight, duplicates } }));
  expect(duplicates).toBeLessThanOrEqual(inFlight);
  await Promise.all(children.splice(0).map((c) => c.stop()));
});

it('two instances on one PostgreSQL share the work and send nothing twice, within the global rate', async () => {
  const users = await seedUsers(db.pool, channel, 600);
  channel.clear();
  await Promise.all([spawnWorker('a', 150), spawnWorker('b', 150)]);
  const startedAt = Date.now();
  await enqueueFor('rollcall:two', users);
  const status = await settled('rollcall:two');
  expect(status.counts.sent).toBe(600);
  expect(sendsPerPerson('rollcall:two', users).every((n) => n === 1)).toBe(true);
  const sends = channel.calls((c) => c.kind === 'send' && c.status === 200);
  const seconds = (sends.at(-1)!.time - startedAt) / 1000;
  // 150/s is the rate for the app, whoever sends: two instances must not make it 300/s.
  expect(seconds).toBeGreaterThan(600 / 150 - 0.6);
  const workers = await db.pool.query(
    `SELECT count(DISTINCT locked_by) FILTER (WHERE locked_by IS NOT NULL) AS n FROM delivery_outbox`,
  );
  expect(Number(workers.rows[0].n)).toBe(0);
});
