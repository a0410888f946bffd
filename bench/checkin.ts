/**
 * The morning check-in rush, measured from outside: N users submit their check-in card (invoke adaptiveCard/action,
 * verb checkin.submit) over HTTP with real Bot Framework tokens through the local Teams channel, open-loop at a fixed
 * offered rate, against the real server (`server/main.ts`) and, in the same run and the same way, a bare botbuilder
 * echo bot (test/harness/echo-bot.ts, which answers the same invoke with a message) as the baseline.
 *   npm run bench:checkin -- [--users 2000] [--rate 200] [--warmup 100] [--fresh] [--json]
 * Untimed preparation: every user installs the app (installationUpdate; --fresh skips it, so each submit also
 * records a first sighting), and the card data is constructed as the server issues it, recorded as issued in the
 * database before the server starts (the server takes only cards it issued), and checked once against a real card
 * requested by typing 「チェックイン」.
 * Latency = the request's scheduled start → its HTTP response (the invoke response carries the receipt card).
 * Measuring from the schedule, not from when the client got round to it, keeps a stalled client from hiding a queue.
 * lost = a response that was not 200 or (real server) not a receipt card. stored = rows in `checkins` for the N users,
 * counted in the database after the server has stopped.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GUIDELINE_REVISION } from '../src/guideline/index.ts';
import { localDateOf } from '../src/schedule/time.ts';
import type { IssuedCard } from '../src/checkin/store.ts';
import { pgCheckinCards } from '../src/store/checkin-cards.ts';
import { openDatabase } from '../src/store/database.ts';
import { startLocalChannel, type LocalChannel, type TeamsUser } from '../test/harness/channel.ts';
import { spawnServer } from '../test/harness/spawn.ts';
import { makeDataDir, quietLog } from '../test/support/database.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '100' },
    // Submit as strangers the server has never seen (one more audit insert each) instead of installed users.
    fresh: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const userCount = Number(values.users);
const rate = Number(values.rate);
const warmupCount = Number(values.warmup);

const COMPLIANT = {
  place: 'home',
  network: 'home-wifi',
  device: 'company-pc',
  access: 'vpn',
  workspace: 'private',
  mood: '4',
};
// The channel's activities say Asia/Tokyo; the server's open day is today there.
const TIME_ZONE = 'Asia/Tokyo';
const RECEIPT = '開始チェックを受け付けました';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Prepared {
  user: TeamsUser;
  body: string;
  card: IssuedCard;
}

/** Builds each user's submit up front (card data as the server issues it), so the timed loop only posts. */
function prepare(channel: LocalChannel, users: TeamsUser[]): Prepared[] {
  const localDate = localDateOf(new Date(), TIME_ZONE);
  return users.map((user) => {
    const cardId = randomUUID();
    const data = {
      cardId,
      owner: user.aadObjectId,
      localDate,
      revision: GUIDELINE_REVISION,
      ...COMPLIANT,
    };
    const activity = channel.buildActivity(
      channel.activities.adaptiveCardAction({ verb: 'checkin.submit', data }),
      user,
    );
    const card: IssuedCard = {
      cardId,
      aadObjectId: user.aadObjectId,
      kind: 'checkin',
      localDate,
      timeZone: TIME_ZONE,
      issuedAt: new Date(),
    };
    return { user, body: JSON.stringify(activity), card };
  });
}

/** CPU ms (user + system) of a process and, separately, of all its descendants (the embedded PostgreSQL). */
function cpuMs(root: number): { self: number; children: number } {
  const tick = 10; // USER_HZ is 100 on Linux
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * tick });
    } catch {
      // gone meanwhile
    }
  }
  const isBelow = (pid: number): boolean => {
    for (let p = procs.get(pid)?.ppid; p !== undefined && p > 1; p = procs.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  let children = 0;
  for (const [pid, p] of procs) if (isBelow(pid)) children += p.cpu;
  return { self: procs.get(root)?.cpu ?? 0, children };
}

type Check = (status: number, body: string) => boolean;
const isReceipt: Check = (status, body) =>
  status === 200 && body.includes('"application/vnd.microsoft.card.adaptive"') && body.includes(RECEIPT);
const isEcho: Check = (status, body) => status === 200 && body.includes('echo: checkin.submit');

interface RunResult {
  seconds: number;
  completed: number;
  lost: number;
  latencies: number[];
}

/** Posts every prepared submit at its slot on a fixed schedule, never waiting for earlier ones. */
async function openLoop(url: string, token: string, work: Prepared[], ok: Check): Promise<RunResult> {
  const target = `${url}/api/messages`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let lost = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  let lastDone = t0;
  const post = async (p: Prepared, scheduled: number) => {
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers,
        body: p.body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const done = performance.now();
      lastDone = Math.max(lastDone, done);
      if (ok(res.status, text)) latencies.push(done - scheduled);
      else lost++;
    } catch {
      lost++;
    }
  };
  for (let i = 0; i < work.length;) {
    const now = performance.now();
    while (i < work.length && t0 + i * interval <= now) {
      inflight.push(post(work[i]!, t0 + i * interval));
      i++;
    }
    if (i < work.length) await sleep(Math.max(0, t0 + i * interval - performance.now()));
  }
  await Promise.all(inflight);
  return { seconds: (lastDone - t0) / 1000, completed: latencies.length, lost, latencies };
}

/** A few submits one at a time (token cache, JIT, connection pool) from users outside the measured N. */
async function warmUp(url: string, token: string, work: Prepared[], ok: Check): Promise<void> {
  for (const p of work) {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: p.body,
    });
    const text = await res.text();
    if (!ok(res.status, text)) throw new Error(`warm-up submit failed: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
}

/** Untimed: each user installs the app first, as everyone who gets a check-in card has. */
async function install(channel: LocalChannel, url: string, token: string, users: TeamsUser[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      const res = await channel.send(url, channel.activities.installationUpdate('add'), { user, token });
      if (res.status !== 200) throw new Error(`install: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** The card the server really issues must carry what `prepare` constructs (date, revision, owner). */
async function checkConstructedCard(channel: LocalChannel, url: string, user: TeamsUser): Promise<void> {
  const res = await channel.send(url, channel.activities.message('チェックイン'), { user });
  if (res.status !== 200) throw new Error(`card request: HTTP ${res.status}`);
  const reply = await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id, 10_000);
  const text = JSON.stringify(reply.activity);
  const localDate = localDateOf(new Date(), TIME_ZONE);
  for (const expected of [localDate, GUIDELINE_REVISION, user.aadObjectId, 'checkin.submit']) {
    if (!text.includes(expected)) throw new Error(`the issued card lacks ${expected}; prepare() is out of date`);
  }
  channel.clear();
}

const channel = await startLocalChannel();
const dataDir = makeDataDir();
const env = { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
try {
  const users = Array.from({ length: userCount }, () => channel.addUser());
  const warmUsers = Array.from({ length: warmupCount }, () => channel.addUser());
  const baseUsers = Array.from({ length: warmupCount }, () => channel.addUser());
  const work = prepare(channel, users);
  const warmWork = prepare(channel, warmUsers);
  // The echo bot stores nothing, so the same submits can be posted again; fresh bodies keep ids unique anyway.
  const baseWork = prepare(channel, users);
  const baseWarm = prepare(channel, baseUsers);
  // One token for all: tokens are per channel, not per user, and signing 2,000 would load the client, not the bot.
  const token = await channel.signToken();

  // Untimed: the cards these submits answer are on record, as the morning's fan-out would have left them.
  const seed = await openDatabase({ dataDir, log: quietLog });
  try {
    await pgCheckinCards(seed.pool).issue([...work, ...warmWork].map((p) => p.card));
  } finally {
    await seed.close();
  }

  let server = await spawnServer('server/main.ts', env, { offlineGuard: false });
  let run: RunResult;
  let cpu: { node: number; db: number };
  try {
    if (!values.fresh) await install(channel, server.url, token, [...users, ...warmUsers]);
    await checkConstructedCard(channel, server.url, warmUsers[0]!);
    await warmUp(server.url, token, warmWork, isReceipt);
    const before = cpuMs(server.pid);
    run = await openLoop(server.url, token, work, isReceipt);
    const after = cpuMs(server.pid);
    cpu = { node: after.self - before.self, db: after.children - before.children };
  } finally {
    await server.stop();
  }

  const db = await openDatabase({ dataDir, log: quietLog });
  let stored: number;
  try {
    const { rows } = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM checkins WHERE aad_object_id = ANY($1)',
      [users.map((u) => u.aadObjectId)],
    );
    stored = rows[0]!.n;
  } finally {
    await db.close();
  }

  const base = await spawnServer('test/harness/echo-bot.ts', channel.botEnv(), { offlineGuard: false });
  let baseRun: RunResult;
  let baseCpu: number;
  try {
    await warmUp(base.url, token, baseWarm, isEcho);
    const before = cpuMs(base.pid);
    baseRun = await openLoop(base.url, token, baseWork, isEcho);
    baseCpu = cpuMs(base.pid).self - before.self;
  } finally {
    await base.stop();
  }

  const perSecond = run.completed / run.seconds;
  const basePerSecond = baseRun.completed / baseRun.seconds;
  const p99 = quantile(run.latencies, 0.99);
  const baseP99 = quantile(baseRun.latencies, 0.99);
  const result = {
    users: userCount,
    installed_first: !values.fresh,
    offered_per_second: rate,
    seconds: +run.seconds.toFixed(2),
    per_second: +perSecond.toFixed(1),
    p50_ms: +quantile(run.latencies, 0.5).toFixed(2),
    p99_ms: +p99.toFixed(2),
    max_ms: +quantile(run.latencies, 1).toFixed(2),
    baseline_per_second: +basePerSecond.toFixed(1),
    baseline_p50_ms: +quantile(baseRun.latencies, 0.5).toFixed(2),
    baseline_p99_ms: +baseP99.toFixed(2),
    ratio: +(perSecond / basePerSecond).toFixed(2),
    p99_ratio: +(p99 / baseP99).toFixed(2),
    lost: run.lost,
    baseline_lost: baseRun.lost,
    stored,
    // Where the server's time goes: its own node process vs the embedded PostgreSQL below it, per submit.
    node_cpu_ms_per_submit: +(cpu.node / userCount).toFixed(2),
    db_cpu_ms_per_submit: +(cpu.db / userCount).toFixed(2),
    baseline_cpu_ms_per_submit: +(baseCpu / userCount).toFixed(2),
  };
  console.log(values.json ? JSON.stringify(result) : result);
  if (run.lost > 0 || stored !== userCount) process.exitCode = 1;
} finally {
  await channel.close();
  rmSync(dataDir, { recursive: true, force: true });
}
