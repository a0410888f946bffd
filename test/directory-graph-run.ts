/**
 * Runs the Graph directory as production would, configured only by env (GRAPH_*, DATABASE_URL), in its own process:
 * NODE_EXTRA_CA_CERTS, which makes the loopback double's certificate trusted, is read only at process start.
 * argv: `sync` | `install <aadObjectId> <teamsCatalogAppId>`; prints one JSON line.
 */
import pg from 'pg';
import pino from 'pino';
import { createGraphDirectory, graphConfigFromEnv } from '../src/people/directory/graph.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';

const config = graphConfigFromEnv();
if (!config) throw new Error('GRAPH_* not set');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const graph = createGraphDirectory({ db: pgDirectoryDb(pool), config, log: pino({ level: 'silent' }) });
try {
  const [command, ...args] = process.argv.slice(2);
  const result = command === 'install' ? await graph.installAppForUser(args[0]!, args[1]!) : await graph.syncOnce();
  console.log(JSON.stringify(result));
} finally {
  await pool.end();
}
