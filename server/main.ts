import './env.ts';
import { TeleworkGuardBot } from '../bot/handler.ts';
import { createAdapter } from '../bot/adapter.ts';
import { createBotMessenger } from '../bot/messenger.ts';
import { createDeliveryWorker, type AppInstaller } from '../src/delivery/index.ts';
import { createDirectory } from '../src/people/directory/index.ts';
import { createScheduler } from '../src/schedule/jobs.ts';
import { scheduledJobs } from './jobs.ts';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { createCore } from '../src/core.ts';
import { createLogger } from '../src/log.ts';
import { systemClock } from '../src/ports.ts';
import { pgAuditLog } from '../src/store/audit.ts';
import { openDatabase } from '../src/store/database.ts';
import { complianceRenderer } from '../bot/cards/compliance.ts';
import { createComplianceNotifier } from '../src/checkin/notify.ts';
import { pgCheckins } from '../src/store/checkins.ts';
import { pgUserDays } from '../src/store/schedules.ts';
import { pgUserStore } from '../src/store/users.ts';
import { createHttpServer } from './http.ts';

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

  const core = createCore({
    users: pgUserStore(db.pool),
    audit: pgAuditLog(db.pool),
    clock: systemClock,
    checkins: pgCheckins(db.pool),
    days: pgUserDays(db.pool),
    notifier: createComplianceNotifier({
      pool: db.pool,
      policy: config.checkin.complianceNotify,
      securityContacts: config.checkin.securityContacts,
      renderer: complianceRenderer,
    }),
  });
  const bot = new TeleworkGuardBot(core, log);
  const adapter = createAdapter(config.bot, log);
  const directory = createDirectory({ pool: db.pool, log, graph: config.directory.graph });

  // Proactive messages go out only through the outbox; its adapter leaves retries to the delivery engine,
  // which must see every 429 to pause the whole app.
  const delivery = createDeliveryWorker({
    pool: db.pool,
    messenger: createBotMessenger({
      adapter: createAdapter(config.bot, log, { connectorRetries: false }),
      appId: config.bot.appId,
      serviceUrl: config.delivery.serviceUrl,
    }),
    installer: appInstaller(config, directory),
    app: config.bot.appId ?? 'default',
    ratePerSecond: config.delivery.ratePerSecond,
    maxInFlight: config.delivery.maxInFlight,
    leaseMs: config.delivery.leaseMs,
    log,
  });
  const scheduler = createScheduler({
    pool: db.pool,
    clock: systemClock,
    calendar: config.calendar,
    jobs: scheduledJobs({ config, directory, log, pool: db.pool }),
    log,
  });
  const server = createHttpServer({
    adapter,
    bot,
    log,
    async health() {
      try {
        await db.pool.query('SELECT 1');
        return { ok: true, detail: { database: db.embedded ? 'embedded' : 'external' } };
      } catch (err) {
        return { ok: false, detail: { database: (err as Error).message } };
      }
    },
  });

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

  delivery.start();
  scheduler.start();

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
    await Promise.all([
      scheduler.stop(5_000).catch((err: Error) => log.error({ err: err.message }, 'scheduler did not stop cleanly')),
      delivery.stop().catch((err: Error) => log.error({ err: err.message }, 'delivery did not stop cleanly')),
    ]);
    await db.close().catch((err: Error) => log.error({ err: err.message }, 'database did not close cleanly'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Installing the app for someone needs Graph and the app's catalog id; off unless PROACTIVE_INSTALL=true. */
function appInstaller(config: Config, directory: ReturnType<typeof createDirectory>): AppInstaller | undefined {
  const { graph } = directory;
  const catalogId = config.delivery.teamsCatalogAppId;
  if (!config.delivery.proactiveInstall || !graph || !catalogId) return undefined;
  return { install: (recipient) => graph.installAppForUser(recipient.aadObjectId, catalogId) };
}

main().catch((err) => {
  process.stderr.write(`Telework Guard failed to start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
