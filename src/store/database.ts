import pg from 'pg';
import type { Logger } from '../log.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';

export interface Database {
  pool: pg.Pool;
  embedded: boolean;
  /** Answers when the database does (the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** DATABASE_URL when given (Azure Database for PostgreSQL, several instances); otherwise our own embedded PostgreSQL. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; log: Logger }): Promise<Database> {
  const embedded = opts.databaseUrl ? undefined : await startEmbeddedPostgres(opts.dataDir, opts.log);
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl ?? embedded!.url,
    max: 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'telework-guard',
  });
  // An idle client losing its connection (a failover, a restart) must not take the process down.
  pool.on('error', (err) => opts.log.warn({ err: err.message }, 'idle database connection lost'));
  try {
    await migrate(pool, opts.log);
  } catch (err) {
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
  return {
    pool,
    embedded: Boolean(embedded),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
