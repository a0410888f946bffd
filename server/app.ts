import type restify from 'restify';
import { complianceRenderer } from '../bot/cards/compliance.ts';
import { createAdapter } from '../bot/adapter.ts';
import { TeleworkGuardBot } from '../bot/handler.ts';
import { createBotMessenger } from '../bot/messenger.ts';
import { createComplianceNotifier } from '../src/checkin/notify.ts';
import type { Config } from '../src/config.ts';
import { createCore } from '../src/core.ts';
import { createDeliveryWorker, type AppInstaller } from '../src/delivery/index.ts';
import type { Logger } from '../src/log.ts';
import { createDirectory } from '../src/people/directory/index.ts';
import type { Clock } from '../src/ports.ts';
import { createQuestionKeeper } from '../src/questions/retention.ts';
import { createScheduler } from '../src/schedule/jobs.ts';
import type { Database } from '../src/store/database.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';
import { mountAdminApi } from '../api/admin/routes.ts';
import { createAdmin } from '../src/admin/index.ts';
import { statusCounts, unreachableReport } from '../src/delivery/index.ts';
import { createHttpServer, type HttpDeps } from './http.ts';
import { scheduledJobs } from './jobs.ts';
import { storesOn, transactionOn, type Stores } from './stores.ts';

export interface App {
  server: restify.Server;
  scheduler: ReturnType<typeof createScheduler>;
  /** Starts the outbox worker and the scheduler's timer (after the server listens); tests may drive `scheduler.tick`. */
  start(opts?: { schedulerTimer?: boolean }): void;
  /** Stops the background work; the caller closes the HTTP server and the database around it. */
  stopBackground(): Promise<void>;
}

/** Everything one instance runs, wired from the config: the bot, its HTTP routes, delivery and schedules. */
export function createApp(config: Config, deps: { db: Database; log: Logger; clock: Clock }): App {
  const { db, log, clock } = deps;
  const stores = storesOn(db.pool);
  const transaction = transactionOn(db.pool);
  const core = createCore({
    ...stores,
    transaction,
    clock,
    calendar: config.calendar,
    questions: createQuestionKeeper({ retentionDays: config.questions.retentionDays }),
    notifier: createComplianceNotifier({
      policy: config.checkin.complianceNotify,
      securityContacts: config.checkin.securityContacts,
      renderer: complianceRenderer,
    }),
  });
  // Anonymous local mode talks only to test tools, whose invented user and tenant ids are not GUIDs.
  const bot = new TeleworkGuardBot(core, log, { looseObjectIds: !config.bot.appId });
  const adapter = createAdapter(config.bot, log);
  const directory = createDirectory({ db: pgDirectoryDb(db.pool), log, clock, graph: config.directory.graph });

  // Proactive messages go out only through the outbox; its adapter leaves retries to the delivery engine,
  // which must see every 429 to pause the whole app.
  const delivery = createDeliveryWorker({
    pool: db.pool,
    conversations: stores.users,
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
    clock,
    calendar: config.calendar,
    jobs: scheduledJobs({ config, directory, log, stores, transaction, clock }),
    log,
  });
  const server = createHttpServer({
    adapter,
    bot,
    log,
    mounts: adminApi(config, { db, log, clock, directory, stores }),
    async health() {
      try {
        await db.ping();
        return { ok: true, detail: { database: db.embedded ? 'embedded' : 'external' } };
      } catch (err) {
        // Anyone may call /healthz: the reason goes to the log (scrubbed), not to the caller.
        log.warn({ err }, 'health check: database unreachable');
        return { ok: false, detail: { database: 'unreachable' } };
      }
    },
  });

  return {
    server,
    scheduler,
    start(opts = {}) {
      delivery.start();
      if (opts.schedulerTimer !== false) scheduler.start();
    },
    async stopBackground() {
      await Promise.all([
        scheduler.stop(5_000).catch((err: Error) => log.error({ err: err.message }, 'scheduler did not stop cleanly')),
        delivery.stop().catch((err: Error) => log.error({ err: err.message }, 'delivery did not stop cleanly')),
      ]);
    },
  };
}

/** Installing the app for someone needs Graph and the app's catalog id; off unless PROACTIVE_INSTALL=true. */
function appInstaller(config: Config, directory: ReturnType<typeof createDirectory>): AppInstaller | undefined {
  const { graph } = directory;
  const catalogId = config.delivery.teamsCatalogAppId;
  if (!config.delivery.proactiveInstall || !graph || !catalogId) return undefined;
  return { install: (recipient) => graph.installAppForUser(recipient.aadObjectId, catalogId) };
}

/** The admin API (`/api/admin/…`, the CLI's server) exists only when ADMIN_API_TOKEN is set. */
function adminApi(
  config: Config,
  deps: { db: Database; log: Logger; clock: Clock; directory: ReturnType<typeof createDirectory>; stores: Stores },
): HttpDeps['mounts'] {
  const token = config.adminApiToken;
  if (!token) return [];
  const { pool } = deps.db;
  const admin = createAdmin({
    delivery: {
      statusCounts: (campaign) => statusCounts(pool, campaign),
      unreachable: (campaign) => unreachableReport(pool, campaign),
    },
    directory: deps.directory,
  });
  return [
    (server) => mountAdminApi(server, { admin, token, audit: deps.stores.audit, log: deps.log, clock: deps.clock }),
  ];
}
