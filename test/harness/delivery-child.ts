/**
 * A delivery worker in its own process, for crash and two-instance tests: the real adapter (no connector retries),
 * the Bot Framework messenger and the outbox on DATABASE_URL. Prints "delivery-child ready" and runs until SIGTERM.
 * Also exports the helpers the delivery tests and bench share.
 */
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import pino from 'pino';
import { createAdapter, type BotAuth } from '../../bot/adapter.ts';
import { createBotMessenger } from '../../bot/messenger.ts';
import type { Messenger } from '../../src/delivery/ports.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import { openDatabase } from '../../src/store/database.ts';
import { pgUserStore } from '../../src/store/users.ts';
import type { LocalChannel, TeamsUser } from './channel.ts';

/** In-process the login server's CA is not in NODE_EXTRA_CA_CERTS; MSAL uses the global https agent. */
export function trustChannelInProcess(channel: LocalChannel): void {
  const ca = https.globalAgent.options.ca;
  const cas = Array.isArray(ca) ? ca : ca ? [ca] : [...rootCertificates];
  if (!cas.includes(channel.caPem)) https.globalAgent.options.ca = [...cas, channel.caPem];
}

/** The adapter + messenger a bot process would build for the local channel (in this process). */
export function channelMessenger(channel: LocalChannel): Messenger {
  trustChannelInProcess(channel);
  const auth: BotAuth = {
    appId: channel.appId,
    appPassword: channel.appPassword,
    appType: 'MultiTenant',
    toBotFromChannelOpenIdMetadataUrl: channel.openIdMetadataUrl,
    toBotFromChannelTokenIssuer: channel.tokenIssuer,
    toChannelFromBotLoginUrl: channel.loginUrl,
    toChannelFromBotOAuthScope: channel.oauthScope,
  };
  const adapter = createAdapter(auth, pino({ level: 'silent' }), { connectorRetries: false });
  return createBotMessenger({ adapter, appId: channel.appId, serviceUrl: channel.serviceUrl });
}

/** What the bot stores when it meets a person: the reference for their 1:1 chat. */
export function referenceFor(channel: LocalChannel, user: TeamsUser): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: channel.serviceUrl,
    bot: { id: channel.botId, name: channel.botName },
    user: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    conversation: {
      id: channel.personalConversationId(user),
      conversationType: 'personal',
      tenantId: user.tenantId,
      isGroup: false,
    },
  };
}

/** Adds n users to the channel; with `stored`, the bot already has their conversation reference in `users`. */
export async function seedUsers(
  pool: pg.Pool,
  channel: LocalChannel,
  n: number,
  opts: { stored?: boolean; installed?: boolean } = {},
): Promise<TeamsUser[]> {
  const users = Array.from({ length: n }, () => channel.addUser({ installed: opts.installed ?? true }));
  if (opts.stored !== false) {
    await pool.query(
      `INSERT INTO users (aad_object_id, tenant_id, conversation_id, conversation_ref, installed)
       SELECT a, t, c, r::jsonb, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(a, t, c, r)`,
      [
        users.map((u) => u.aadObjectId),
        users.map((u) => u.tenantId),
        users.map((u) => channel.personalConversationId(u)),
        users.map((u) => JSON.stringify(referenceFor(channel, u))),
      ],
    );
  }
  return users;
}

async function main(): Promise<void> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: './data', log });
  const appId = process.env.MicrosoftAppId;
  const auth: BotAuth = {
    appId,
    appPassword: process.env.MicrosoftAppPassword,
    appType: 'MultiTenant',
    toBotFromChannelOpenIdMetadataUrl: process.env.ToBotFromChannelOpenIdMetadataUrl,
    toBotFromChannelTokenIssuer: process.env.ToBotFromChannelTokenIssuer,
    toChannelFromBotLoginUrl: process.env.ToChannelFromBotLoginUrl,
    toChannelFromBotOAuthScope: process.env.ToChannelFromBotOAuthScope,
  };
  const adapter = createAdapter(auth, log, { connectorRetries: false });
  const worker = createDeliveryWorker({
    pool: db.pool,
    conversations: pgUserStore(db.pool),
    messenger: createBotMessenger({ adapter, appId, serviceUrl: process.env.DELIVERY_SERVICE_URL }),
    app: appId,
    ratePerSecond: Number(process.env.DELIVERY_RATE ?? 50),
    leaseMs: Number(process.env.DELIVERY_LEASE_MS ?? 60_000),
    maxInFlight: Number(process.env.DELIVERY_MAX_IN_FLIGHT ?? 32),
    workerId: process.env.DELIVERY_WORKER_ID,
    log,
  });
  worker.start();
  console.log(`delivery-child ready ${worker.workerId}`);
  const shutdown = async () => {
    await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
