import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase, type Database } from '../../src/store/database.ts';

export const quietLog = pino({ level: 'silent' });

/** A real PostgreSQL for a test file: DATABASE_URL when CI gives one, otherwise embedded in a fresh directory. */
export async function startTestDatabase(): Promise<Database & { dataDir: string }> {
  const dataDir = makeDataDir();
  const db = await openDatabase({ databaseUrl: undefined, dataDir, log: quietLog });
  return {
    ...db,
    dataDir,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL runs as the `postgres` user when we are root, and must be able to enter the directory. */
export function makeDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tg-data-'));
  chmodSync(dir, 0o755);
  return dir;
}
