/**
 * The HTTP edge of the real server (server/main.ts in a child process), as an attacker or a broken client meets it:
 * compressed bodies that lie, bodies that inflate without end, odd framing, forged tokens. Two servers run side by
 * side: one with app credentials against the local Teams channel (real JWT validation), one anonymous (no app id,
 * as `npm start` on a fresh machine). Every refused request comes from a person nobody has let in, so the end of the
 * file can check that none of it left a trace.
 */
import { readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { createDeflate, createGzip, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { BAD_TOKEN_KINDS, startLocalChannel, type LocalChannel, type TeamsUser } from './harness/channel.ts';
import { chunked, rawRequest, type RawRequest } from './harness/raw-http.ts';
import { spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir, quietLog } from './support/database.ts';

const SERVER = 'server/main.ts';
const LIMIT = 256 * 1024;

let channel: LocalChannel;
let authed: SpawnedServer;
let anon: SpawnedServer;
let authedDir: string;
let anonDir: string;
let intruder: TeamsUser;

beforeAll(async () => {
  channel = await startLocalChannel();
  intruder = channel.addUser({ name: '門外 漢' });
  authedDir = makeDataDir();
  anonDir = makeDataDir();
  [authed, anon] = await Promise.all([
    spawnServer(SERVER, { ...channel.botEnv(), DATA_DIR: authedDir, LOG_LEVEL: 'warn' }),
    spawnServer(SERVER, { DATA_DIR: anonDir, LOG_LEVEL: 'warn', MicrosoftAppId: '', MicrosoftAppPassword: '' }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([authed?.stop(), anon?.stop()]);
  await channel?.close();
  for (const dir of [authedDir, anonDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An activity from the intruder (refused requests) or the default user (accepted ones), as JSON bytes. */
function activityJson(text: string, user?: TeamsUser): Buffer {
  return Buffer.from(JSON.stringify(channel.buildActivity(channel.activities.message(text), user ?? intruder)));
}

async function bearer(): Promise<string> {
  return `Bearer ${await channel.signToken()}`;
}

async function post(server: SpawnedServer, req: RawRequest & { token?: boolean }) {
  const headers: Record<string, string> = { ...req.headers };
  if (req.token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    headers.Authorization = await bearer();
  }
  const parts = req.body === undefined ? [] : Array.isArray(req.body) ? req.body : [req.body];
  const hasFraming = Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h));
  if (!hasFraming) headers['Content-Length'] = String(parts.reduce((n, p) => n + Buffer.byteLength(p), 0));
  return rawRequest(server.url, { ...req, headers });
}

async function stillServing(server: SpawnedServer): Promise<boolean> {
  const dead = await Promise.race([server.exited.then(() => true), sleep(50).then(() => false)]);
  if (dead) return false;
  const health = await fetch(`${server.url}/healthz`).catch(() => undefined);
  return health?.status === 200;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('defect 1: a body that is not what its Content-Encoding says', () => {
  it('answers "not gzip" sent as gzip with a 4xx, with and without credentials, and keeps serving', async () => {
    const notGzip = Buffer.from('not gzip');
    const gz = { ...JSON_HEADERS, 'Content-Encoding': 'gzip' };

    const anonymous = await post(anon, { headers: gz, body: notGzip });
    expect(anonymous.status).toBe(400);
    expect(JSON.parse(anonymous.body)).toEqual({ error: 'bad_request', code: 'malformed-encoding' });
    expect(await stillServing(anon)).toBe(true);

    const noToken = await post(authed, { headers: gz, body: notGzip });
    expect(noToken.status).toBe(401);
    expect(await stillServing(authed)).toBe(true);

    const withToken = await post(authed, { headers: gz, body: notGzip, token: true });
    expect(withToken.status).toBe(400);
    expect(await stillServing(authed)).toBe(true);
  });

  it('answers malformed deflate and a gzip stream cut short with 400', async () => {
    const whole = gzipSync(activityJson('cut short'));
    for (const [encoding, body] of [
      ['deflate', Buffer.from('not deflate at all')],
      ['gzip', whole.subarray(0, whole.length - 12)],
      ['gzip', Buffer.concat([whole, Buffer.from('trailing junk')])],
    ] as const) {
      const r = await post(authed, { headers: { ...JSON_HEADERS, 'Content-Encoding': encoding }, body, token: true });
      expect({ encoding, status: r.status }).toEqual({ encoding, status: 400 });
    }
    expect(await stillServing(authed)).toBe(true);
  });
});

/** Gzip (or deflate) of `bytes` zero bytes, made in 1 MB steps so the test never holds the inflated form. */
async function zeros(bytes: number, encoding: 'gzip' | 'deflate' = 'gzip'): Promise<Buffer> {
  const z = encoding === 'gzip' ? createGzip({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.once('end', r));
  const step = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= step.length) {
    if (!z.write(left >= step.length ? step : step.subarray(0, left))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Runs `work` while sampling the server's resident memory; returns the highest rise over the level before. */
async function peakRssRise<T>(server: SpawnedServer, work: () => Promise<T>): Promise<{ result: T; riseMb: number }> {
  const before = rssMb(server.pid);
  let peak = before;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(server.pid));
    } catch {
      // the process is gone; the caller's assertions say so
    }
  }, 5);
  try {
    const result = await work();
    await sleep(50);
    return { result, riseMb: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('defect 2: the limit counts inflated bytes, and nothing is read before the token is checked', () => {
  it('refuses four 250 MB gzip bombs at once with 413 without the server growing', async () => {
    const bomb = await zeros(250 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(LIMIT);
    for (const [server, token] of [
      [authed, true],
      [anon, false],
    ] as const) {
      const { result, riseMb } = await peakRssRise(server, () =>
        Promise.all(
          [1, 2, 3, 4].map(() =>
            post(server, { headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip' }, body: bomb, token }),
          ),
        ),
      );
      expect(result.map((r) => r.status)).toEqual([413, 413, 413, 413]);
      expect(riseMb).toBeLessThan(40);
      expect(await stillServing(server)).toBe(true);
    }
  }, 60_000);

  it('refuses a small compressed body whose JSON passes the limit once inflated (gzip and deflate)', async () => {
    const big = activityJson('x'.repeat(LIMIT));
    for (const [encoding, body] of [
      ['gzip', gzipSync(big)],
      ['deflate', deflateSync(big)],
      ['gzip, gzip', gzipSync(gzipSync(big))],
    ] as const) {
      expect(body.length).toBeLessThan(4096);
      const r = await post(authed, { headers: { ...JSON_HEADERS, 'Content-Encoding': encoding }, body, token: true });
      expect({ encoding, status: r.status }).toEqual({ encoding, status: 413 });
    }
  });

  it('refuses a declared Content-Length over the limit before the body arrives', async () => {
    const r = await post(authed, {
      headers: { ...JSON_HEADERS, 'Content-Length': String(LIMIT + 1), Authorization: await bearer() },
      body: '{',
      timeoutMs: 3000,
    });
    expect(r.status).toBe(413);
  });

  it('refuses a chunked body that passes the limit with 413', async () => {
    const part = Buffer.alloc(64 * 1024, 0x20);
    const r = await post(authed, {
      headers: { ...JSON_HEADERS, 'Transfer-Encoding': 'chunked' },
      body: chunked([Buffer.from('{"type":"message","text":"'), ...Array(6).fill(part), Buffer.from('"}')]),
      token: true,
    });
    expect(r.status).toBe(413);
  });

  it('answers unknown encodings with 415 and bodies that are not JSON with 415', async () => {
    const json = activityJson('encodings');
    for (const encoding of ['br', 'compress', 'gzip, br', 'zstd']) {
      const r = await post(authed, {
        headers: { ...JSON_HEADERS, 'Content-Encoding': encoding },
        body: json,
        token: true,
      });
      expect({ encoding, status: r.status }).toEqual({ encoding, status: 415 });
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '']) {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const r = await post(anon, { headers, body: json });
      expect({ type, status: r.status }).toEqual({ type, status: 415 });
    }
  });

  it('answers JSON nested deeper than any activity with 400, before the bot sees it', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    for (const activity of [
      channel.buildActivity(channel.activities.adaptiveCardAction({ verb: 'checkin.submit' }), intruder),
      channel.buildActivity(channel.activities.message('deep'), intruder),
    ]) {
      const json = JSON.stringify({
        ...activity,
        value: '__DEEP__',
        channelData: { ...activity.channelData, x: '__DEEP__' },
      });
      const body = json.replaceAll('"__DEEP__"', deep);
      const r = await post(authed, { headers: JSON_HEADERS, body, token: true });
      expect({ type: activity.type, status: r.status }).toEqual({ type: activity.type, status: 400 });
    }
    expect(await stillServing(authed)).toBe(true);
  });

  it('answers an empty body and malformed JSON with 400', async () => {
    expect((await post(anon, { headers: JSON_HEADERS, body: '' })).status).toBe(400);
    expect((await post(anon, { headers: JSON_HEADERS, body: '{"type":' })).status).toBe(400);
    expect((await post(anon, { headers: JSON_HEADERS, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) })).status).toBe(400);
  });

  it('refuses a missing or unusable token with 401 before reading the body', async () => {
    // The headers promise a body that never comes: only a server that does not wait for it can answer.
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer garbage',
      'Basic dXNlcjpwYXNz',
      'Bearer a.b.c',
      `bearer ${await channel.signToken()}`,
      `Bearer ${await channel.badToken('algNone')}`,
      `Bearer ${await channel.badToken('expired')}`,
    ]) {
      const headers: Record<string, string> = { ...JSON_HEADERS, 'Content-Length': '100000' };
      if (authorization !== undefined) headers.Authorization = authorization;
      const r = await post(authed, { headers, body: '{"type":"mess', timeoutMs: 3000 });
      expect({ authorization: authorization?.slice(0, 20), status: r.status }).toEqual({
        authorization: authorization?.slice(0, 20),
        status: 401,
      });
      expect(r.headers['www-authenticate']).toBe('Bearer');
    }
    expect(await stillServing(authed)).toBe(true);
  });

  it('survives a Content-Length that lies, a client that stops mid-body and one that goes away', async () => {
    const json = activityJson('liar');
    // Fewer bytes declared than sent: the server sees a truncated JSON document.
    const short = await post(anon, {
      headers: { ...JSON_HEADERS, 'Content-Length': String(json.length - 5) },
      body: json,
    });
    expect(short.status).toBe(400);

    // More declared than sent, and the client waits: the server gives up on the body without a 5xx.
    const stalled = await post(authed, {
      headers: { ...JSON_HEADERS, 'Content-Length': String(json.length + 100), Authorization: await bearer() },
      body: json,
      timeoutMs: 20_000,
    });
    expect(stalled.status === 0 || (stalled.status >= 400 && stalled.status < 500)).toBe(true);
    expect(stalled.outcome).not.toBe('timeout');

    // A client that sends half and then drops the connection.
    const dropped = await post(authed, {
      headers: { ...JSON_HEADERS, 'Content-Length': String(json.length), Authorization: await bearer() },
      body: json.subarray(0, 40),
      after: 'destroy',
    });
    expect(dropped.status).toBe(0);
    expect(await stillServing(authed)).toBe(true);
    expect(await stillServing(anon)).toBe(true);
  }, 30_000);
});

describe('a crowd of slow senders', () => {
  it('holds at most 128 bodies at once: the next request gets 503 with Retry-After, and service resumes after', async () => {
    const token = await bearer();
    const json = activityJson('slow');
    const head =
      `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Authorization: ${token}\r\nContent-Length: ${json.length}\r\n\r\n`;
    const { port } = new URL(authed.url);
    // Each sends its headers and the first bytes of a well-formed body, then waits (under the 5 s idle limit).
    const slow = await Promise.all(
      Array.from(
        { length: 128 },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const s = connect(Number(port), '127.0.0.1', () =>
              s.write(head + json.subarray(0, 10).toString('latin1'), 'latin1', () => resolve(s)),
            );
            s.on('error', reject);
          }),
      ),
    );
    try {
      await sleep(300);
      const shed = await post(authed, { headers: JSON_HEADERS, body: activityJson('one too many'), token: true });
      expect(shed.status).toBe(503);
      expect(shed.headers['retry-after']).toBe('1');
    } finally {
      for (const s of slow) s.destroy();
    }
    await sleep(200);
    const after = await post(authed, {
      headers: JSON_HEADERS,
      body: activityJson('ヘルプ', channel.defaultUser),
      token: true,
    });
    expect(after.status).toBe(200);
    expect(await stillServing(authed)).toBe(true);
  }, 20_000);
});

describe('well-formed bodies in every framing Teams or a proxy might use are read', () => {
  it.each([
    ['identity', (b: Buffer) => b],
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['GZIP', (b: Buffer) => gzipSync(b)],
    ['x-gzip', (b: Buffer) => gzipSync(b)],
    ['deflate', (b: Buffer) => deflateSync(b)],
    ['gzip, gzip', (b: Buffer) => gzipSync(gzipSync(b))],
    ['identity, gzip', (b: Buffer) => gzipSync(b)],
  ])('Content-Encoding: %s → 200 and an answer', async (encoding, encode) => {
    const body = encode(activityJson('ヘルプ', channel.defaultUser));
    const r = await post(authed, {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': encoding },
      body,
      token: true,
    });
    expect(r.status).toBe(200);
    const id = (JSON.parse(gunzipIfNeeded(body, encoding)) as { id: string }).id;
    await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === id && c.status === 200);
  });

  it('a chunked body, gzip inside, sent in small slow pieces → 200 and an answer', async () => {
    const json = activityJson('ヘルプ', channel.defaultUser);
    const gz = gzipSync(json);
    const pieces = [gz.subarray(0, 10), gz.subarray(10, 40), gz.subarray(40)];
    const r = await post(authed, {
      headers: { ...JSON_HEADERS, 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' },
      body: chunked(pieces),
      partDelayMs: 30,
      token: true,
    });
    expect(r.status).toBe(200);
    const id = (JSON.parse(json.toString('utf8')) as { id: string }).id;
    await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === id && c.status === 200);
  });
});

/** The activity inside a body the test encoded with `encoding`'s layers. */
function gunzipIfNeeded(body: Buffer, encoding: string): string {
  let b = body;
  const layers = encoding
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== 'identity')
    .reverse();
  for (const layer of layers) b = layer === 'deflate' ? inflateSync(b) : gunzipSync(b);
  return b.toString('utf8');
}

describe("defect 3: botbuilder's console output goes through the logger", () => {
  it('a forged token leaves no token, key or claim text on the server output, only a code', async () => {
    const jwks = (await (await fetch(channel.jwksUrl)).json()) as { keys: { n: string }[] };
    const secrets: string[] = jwks.keys.map((k) => k.n.slice(0, 40));
    for (const kind of BAD_TOKEN_KINDS) {
      const token = await channel.badToken(kind);
      secrets.push(...token.split('.').filter((p) => p.length >= 16));
      const r = await post(authed, {
        headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` },
        body: activityJson(`forged ${kind}`),
      });
      expect({ kind, status: r.status }).toEqual({ kind, status: 401 });
    }
    await sleep(200);
    const output = [...authed.stdout, ...authed.stderr].join('\n');
    expect(output).not.toMatch(/BEGIN (PUBLIC KEY|CERTIFICATE|RSA)/);
    expect(output).not.toMatch(/Available keys|TokenExpiredError|JsonWebTokenError|invalid signature/);
    for (const s of secrets) expect(output).not.toContain(s);
    const rejected = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { reason?: string; code?: string })
      .filter((l) => l.reason === 'token-rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(BAD_TOKEN_KINDS.length);
    expect(rejected.every((l) => typeof l.code === 'string' && /^[a-z-]+$/.test(l.code))).toBe(true);
  });
});

describe('refused requests change nothing', () => {
  it('the intruder got no reply, and neither database holds a row about them', async () => {
    await sleep(300);
    expect(channel.calls((c) => c.conversationId === channel.personalConversationId(intruder))).toEqual([]);
    expect(await stillServing(authed)).toBe(true);
    expect(await stillServing(anon)).toBe(true);
    await Promise.all([authed.stop(), anon.stop()]);
    for (const dataDir of [authedDir, anonDir]) {
      const db = await openDatabase({ dataDir, log: quietLog });
      try {
        const users = await db.pool.query('SELECT 1 FROM users WHERE aad_object_id = $1', [intruder.aadObjectId]);
        const audit = await db.pool.query('SELECT 1 FROM audit_log WHERE subject = $1', [intruder.aadObjectId]);
        expect({ dataDir, users: users.rowCount, audit: audit.rowCount }).toEqual({ dataDir, users: 0, audit: 0 });
      } finally {
        await db.close();
      }
    }
  }, 60_000);
});
