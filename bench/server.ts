/**
 * Start-up time, memory and chat round-trip latency of the real server (`server/main.ts`), measured from outside:
 *   npm run bench:server -- [--restarts 5] [--questions 300] [--json]
 * First start = an empty data directory (initdb included); restart = the same directory again.
 * Round trip = an authenticated message posted to /api/messages until its reply reaches the local Bot Connector.
 * The baseline, measured the same way in the same run, is a bare botbuilder echo bot (test/harness/echo-bot.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalChannel } from '../test/harness/channel.ts';
import { spawnServer } from '../test/harness/spawn.ts';
import { makeDataDir } from '../test/support/database.ts';
import { QUESTIONS } from '../test/answer-questions.ts';

const { values } = parseArgs({
  options: {
    restarts: { type: 'string', default: '5' },
    questions: { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
  },
});
const restarts = Number(values.restarts);
const questionCount = Number(values.questions);

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

const channel = await startLocalChannel();
const dataDir = makeDataDir();
const env = { ...channel.botEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
try {
  let t = performance.now();
  let server = await spawnServer('server/main.ts', env, { offlineGuard: false });
  const firstStartMs = performance.now() - t;
  const restartMs: number[] = [];
  for (let i = 0; i < restarts; i++) {
    await server.stop();
    t = performance.now();
    server = await spawnServer('server/main.ts', env, { offlineGuard: false });
    restartMs.push(performance.now() - t);
  }
  const idleRss = rssMb(server.pid);

  // Warm up the token cache and the JIT, then measure one question at a time (latency, not throughput).
  for (let i = 0; i < 20; i++) await roundTrip(server.url, 'ヘルプ');
  const latencies: number[] = [];
  for (let i = 0; i < questionCount; i++)
    latencies.push(await roundTrip(server.url, QUESTIONS[i % QUESTIONS.length]!.q));
  const afterRss = rssMb(server.pid);
  await server.stop();

  // Baseline in the same run: a bare botbuilder echo bot (no database) started and asked the same way.
  const baseStarts: number[] = [];
  let base = await spawnServer('test/harness/echo-bot.ts', channel.botEnv(), { offlineGuard: false });
  for (let i = 0; i < restarts; i++) {
    await base.stop();
    t = performance.now();
    base = await spawnServer('test/harness/echo-bot.ts', channel.botEnv(), { offlineGuard: false });
    baseStarts.push(performance.now() - t);
  }
  const baseRss = rssMb(base.pid);
  for (let i = 0; i < 20; i++) await roundTrip(base.url, 'warm up');
  const baseLatencies: number[] = [];
  for (let i = 0; i < questionCount; i++)
    baseLatencies.push(await roundTrip(base.url, QUESTIONS[i % QUESTIONS.length]!.q));
  await base.stop();

  const result = {
    first_start_ms: Math.round(firstStartMs),
    restart_ms_p50: Math.round(median(restartMs)),
    rss_mb_idle: idleRss,
    rss_mb_after: afterRss,
    roundtrip_p50_ms: +median(latencies).toFixed(2),
    roundtrip_p99_ms: +quantile(latencies, 0.99).toFixed(2),
    questions: latencies.length,
    baseline_restart_ms_p50: Math.round(median(baseStarts)),
    baseline_rss_mb: baseRss,
    baseline_roundtrip_p50_ms: +median(baseLatencies).toFixed(2),
    restart_ratio: +(median(restartMs) / median(baseStarts)).toFixed(2),
    roundtrip_ratio: +(median(latencies) / median(baseLatencies)).toFixed(2),
  };
  console.log(values.json ? JSON.stringify(result) : result);
} finally {
  await channel.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function roundTrip(url: string, text: string): Promise<number> {
  const started = performance.now();
  const res = await channel.send(url, channel.activities.message(text));
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id, 10_000);
  const ms = performance.now() - started;
  channel.clear();
  return ms;
}
