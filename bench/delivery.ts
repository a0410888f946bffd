/**
 * The delivery engine end to end: embedded PostgreSQL, the real adapter (connector retries off) and messenger,
 * against the local Teams channel answering a share of sends with 429 + Retry-After and some with 503.
 *   node --import tsx bench/delivery.ts --recipients 10000 --rate 50 [--share429 0.05] [--share503 0.01]
 *        [--retry-after 1] [--model random|episodes] [--period 20] --json
 * Prints one JSON line: recipients, rate, seconds, ideal_seconds, efficiency, lost, duplicates, p50_ms, p99_ms.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { campaignStatus, enqueue } from '../src/delivery/outbox.ts';
import { createDeliveryWorker } from '../src/delivery/worker.ts';
import { openDatabase } from '../src/store/database.ts';
import { pgUserStore } from '../src/store/users.ts';
import { startLocalChannel } from '../test/harness/channel.ts';
import { channelMessenger, seedUsers } from '../test/harness/delivery-child.ts';
import { makeDataDir, quietLog } from '../test/support/database.ts';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '50' },
    share429: { type: 'string', default: '0.05' },
    share503: { type: 'string', default: '0.01' },
    'retry-after': { type: 'string', default: '1' },
    // random: each send independently gets 429 with probability share429 (the literal model).
    // episodes: Teams-like — throttling comes in spells: every `period` seconds, for share429 × period seconds,
    // every send is answered 429 + Retry-After; 503s stay random.
    model: { type: 'string', default: 'random' },
    period: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const recipients = Number(values.recipients);
const rate = Number(values.rate);
const share429 = Number(values.share429);
const share503 = Number(values.share503);
const retryAfter = Number(values['retry-after']);
const model = values.model === 'episodes' ? 'episodes' : 'random';
const periodMs = Number(values.period) * 1000;

const dataDir = makeDataDir();
const [channel, db] = await Promise.all([
  startLocalChannel({ seed: 42 }),
  openDatabase({ databaseUrl: undefined, dataDir, log: quietLog }),
]);
try {
  const users = await seedUsers(db.pool, channel, recipients);
  // One failure spec at a time in the channel: 429 for share429 of sends, 503 for share503 (drawn per send).
  const total = share429 + share503;
  const benchStart = Date.now();
  let flip = 0;
  const pick = setInterval(() => {
    if (model === 'episodes') {
      const inSpell = (Date.now() - benchStart) % periodMs < share429 * periodMs;
      if (inSpell) channel.failShare(1, { status: 429, retryAfterSeconds: retryAfter, kinds: ['send'] });
      else channel.failShare(share503, share503 > 0 ? { status: 503, kinds: ['send'] } : null);
      return;
    }
    flip = (flip + 1) % 1000;
    if (total <= 0) return;
    const use429 = (flip / 1000) * total < share429;
    channel.failShare(
      total,
      use429 ? { status: 429, retryAfterSeconds: retryAfter, kinds: ['send'] } : { status: 503, kinds: ['send'] },
    );
  }, 3);
  const worker = createDeliveryWorker({
    pool: db.pool,
    conversations: pgUserStore(db.pool),
    messenger: channelMessenger(channel),
    app: channel.appId,
    ratePerSecond: rate,
    maxInFlight: 64,
    idlePollMs: 20,
  });
  const started = Date.now();
  await enqueue(db.pool, {
    campaign: 'bench',
    kind: 'rollcall',
    messages: users.map((u) => ({ aadObjectId: u.aadObjectId, tenantId: u.tenantId, payload: { summary: 'bench' } })),
  });
  worker.start();
  for (;;) {
    const s = await campaignStatus(db.pool, 'bench', { recipients: false });
    if (s.counts.queued + s.counts.sending === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - started) / 1000;
  clearInterval(pick);
  await worker.stop();
  const count = new Map(users.map((u) => [channel.personalConversationId(u), 0]));
  for (const c of channel.calls((c) => c.kind === 'send' && c.status === 200)) {
    count.set(c.conversationId!, (count.get(c.conversationId!) ?? 0) + 1);
  }
  const lost = [...count.values()].filter((n) => n === 0).length;
  const duplicates = [...count.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
  const lat = await db.pool.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM delivery_outbox WHERE campaign = 'bench' AND sent_at IS NOT NULL) t`,
  );
  const ideal = recipients / rate;
  const out = {
    recipients,
    rate,
    seconds: Number(seconds.toFixed(2)),
    ideal_seconds: ideal,
    efficiency: Number((ideal / seconds).toFixed(3)),
    lost,
    duplicates,
    p50_ms: Math.round(Number(lat.rows[0].p50)),
    p99_ms: Math.round(Number(lat.rows[0].p99)),
    share429,
    share503,
    retry_after_s: retryAfter,
    model,
    throttled_sends: channel.calls((c) => c.status === 429).length,
    failed_503: channel.calls((c) => c.status === 503).length,
  };
  console.log(values.json ? JSON.stringify(out) : out);
} finally {
  await db.close();
  await channel.close();
  rmSync(dataDir, { recursive: true, force: true });
}
