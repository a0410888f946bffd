/**
 * Starts a server entry point (`node --import tsx <entry>`) as a child process with the given env and waits until it
 * answers GET /healthz with 200 (or prints a line matching `readyLine`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OFFLINE_GUARD = resolve(dirname(fileURLToPath(import.meta.url)), 'offline-guard.ts');

export interface SpawnOptions {
  /** Port passed as PORT; 0 or unset = a free loopback port chosen here. */
  port?: number;
  /** Host passed as HOST and used in `url`, default env.HOST or 127.0.0.1. */
  host?: string;
  cwd?: string;
  /** Health path polled until 200, default '/healthz'; null = wait for readyLine instead. */
  healthPath?: string | null;
  /** With healthPath null: the stdout/stderr line that means "ready", default /listening/i. */
  readyLine?: RegExp;
  /** Default 30000. */
  timeoutMs?: number;
  /** Inherit the parent's env under `env` (default true). */
  inheritEnv?: boolean;
  /** Echo the child's output to the parent's stderr (default: env HARNESS_VERBOSE=1). */
  echo?: boolean;
  /**
   * Preload offline-guard.ts: connections to non-loopback hosts fail and print "OFFLINE-GUARD blocked host:port"
   * on stderr (see `blockedConnections`). Default true.
   */
  offlineGuard?: boolean;
}

export interface SpawnedServer {
  /** http://host:port (no trailing slash). */
  url: string;
  port: number;
  pid: number;
  /** stdout lines so far (live array). */
  stdout: string[];
  /** stderr lines so far (live array). */
  stderr: string[];
  /** Resolves with a line (stdout or stderr, past or future) matching re. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** "host:port" of every connection the offline guard blocked. */
  blockedConnections(): string[];
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function lineSplitter(sink: string[], onLine: (line: string) => void) {
  let buf = '';
  return (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      sink.push(line);
      onLine(line);
    }
  };
}

export async function spawnServer(
  entry: string,
  env: Record<string, string | undefined>,
  options: SpawnOptions = {},
): Promise<SpawnedServer> {
  if (options.port && options.port > 0) return spawnOnce(entry, env, options, options.port);
  // A port free a moment ago can be taken before the child binds it (the embedded PostgreSQL the child starts
  // first picks its own port the same way): pick another and try again rather than fail the test.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(options.host ?? env.HOST ?? '127.0.0.1');
    try {
      return await spawnOnce(entry, env, options, port);
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE/.test((err as Error).message)) throw err;
    }
  }
}

async function spawnOnce(
  entry: string,
  env: Record<string, string | undefined>,
  options: SpawnOptions,
  port: number,
): Promise<SpawnedServer> {
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const cwd = options.cwd ?? REPO_ROOT;
  const echo = options.echo ?? process.env.HARNESS_VERBOSE === '1';
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...(options.inheritEnv === false ? {} : process.env), ...env })) {
    if (v !== undefined) childEnv[k] = v;
  }
  childEnv.PORT = String(port);
  // Test servers listen on loopback only, whatever the app's own default (0.0.0.0 when an app id is set).
  childEnv.HOST = options.host ?? env.HOST ?? host;
  // Loopback never goes through a proxy (core-rest-pipeline honours HTTP(S)_PROXY for connector calls).
  const noProxy = ['127.0.0.1', 'localhost', '::1'];
  childEnv.NO_PROXY = [childEnv.NO_PROXY, ...noProxy].filter(Boolean).join(',');
  childEnv.no_proxy = childEnv.NO_PROXY;

  const nodeArgs = ['--import', 'tsx'];
  if (options.offlineGuard !== false) nodeArgs.push('--import', pathToFileURL(OFFLINE_GUARD).href);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lineWaiters = new Set<{ re: RegExp; resolve: (l: string) => void }>();
  const onLine = (stream: 'out' | 'err') => (line: string) => {
    if (echo) process.stderr.write(`[${entry} ${stream}] ${line}\n`);
    for (const w of [...lineWaiters]) {
      if (w.re.test(line)) {
        lineWaiters.delete(w);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', lineSplitter(stdout, onLine('out')));
  child.stderr!.on('data', lineSplitter(stderr, onLine('err')));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      exitCode = code;
      r(code);
    }),
  );

  const waitForLine = (re: RegExp, timeoutMs = 10_000) => {
    const found = [...stdout, ...stderr].find((l) => re.test(l));
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<string>((res, rej) => {
      const w = {
        re,
        resolve: (l: string) => {
          clearTimeout(t);
          res(l);
        },
      };
      const t = setTimeout(() => {
        lineWaiters.delete(w);
        rej(new Error(`no line matching ${re} within ${timeoutMs} ms`));
      }, timeoutMs);
      lineWaiters.add(w);
    });
  };

  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (exitCode === undefined) child.kill('SIGKILL');
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) =>
    new Error(
      `${entry} did not start: ${why}\n--- stderr (last 30 lines) ---\n${stderr.slice(-30).join('\n')}\n--- stdout (last 10) ---\n${stdout.slice(-10).join('\n')}`,
    );

  try {
    if (options.healthPath === null) {
      const ready = waitForLine(options.readyLine ?? /listening/i, timeoutMs);
      const code = await Promise.race([ready.then(() => undefined), exited.then((c) => ({ c }))]);
      if (code) throw failure(`exited with code ${code.c}`);
    } else {
      const health = `${url}${options.healthPath ?? '/healthz'}`;
      for (;;) {
        if (exitCode !== undefined) throw failure(`exited with code ${exitCode}`);
        if (Date.now() > deadline) throw failure(`no 200 from ${health} within ${timeoutMs} ms`);
        try {
          const r = await fetch(health, { signal: AbortSignal.timeout(1000) });
          if (r.ok) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const blockedConnections = () =>
    stderr.map((l) => /^OFFLINE-GUARD blocked (.*)$/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
  return { url, port, pid: child.pid!, stdout, stderr, waitForLine, exited, stop, blockedConnections };
}
