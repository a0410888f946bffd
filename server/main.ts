import './env.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { systemClock } from '../src/ports.ts';
import { openDatabase } from '../src/store/database.ts';
import { createApp } from './app.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log }).catch(
    (err: Error) => {
      log.fatal({ err: err.message }, 'database unavailable');
      process.exit(1);
    },
  );

  const app = createApp(config, { db, log, clock: systemClock });
  const { server } = app;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (err: NodeJS.ErrnoException) => {
    log.fatal(
      { err: err.message, port: config.port },
      err.code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT` : 'cannot listen',
    );
    await db.close();
    process.exit(1);
  });

  app.start();

  const address = server.address();
  log.info(
    {
      url: `http://${config.host}:${address.port}`,
      mode: config.bot.appId ? 'authenticated' : 'anonymous (loopback only)',
      startupMs: Math.round(performance.now()),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
    'Telework Guard is listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Stop taking requests, let the ones in flight finish, then close the database they write to.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.stopBackground();
    await db.close().catch((err: Error) => log.error({ err: err.message }, 'database did not close cleanly'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`Telework Guard failed to start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
