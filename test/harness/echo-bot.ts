/**
 * A bare botbuilder echo bot: CloudAdapter + ConfigurationBotFrameworkAuthentication (through bot/adapter.ts) behind
 * the server's own HTTP edge (server/http.ts: the same body reader, token pre-check and routes), with no database.
 * Run as a child process with the local channel's env (`LocalChannel.botEnv()`); the baseline the benchmarks compare
 * the real bot against.
 *
 *   message "…"        → reply "echo: …"
 *   message "typing"   → a typing activity, then the echo
 *   message "throw"    → the turn throws (onTurnError answers the user)
 *   message "dm <id>"  → createConversation with user <id> (29: id or AAD object id), send "proactive hello" there,
 *                        then reply "dm ok <conversationId>" or "dm failed <status> <code>"
 *   invoke adaptiveCard/action → { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'echo: <verb>' }
 *                                (verb "throw" → the turn throws)
 *
 * Env: PORT (default 3978), HOST (default 127.0.0.1), MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType,
 * MicrosoftAppTenantId, ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, ToChannelFromBotLoginUrl,
 * ToChannelFromBotOAuthScope, LOG_LEVEL. GET /healthz → 200.
 */
import {
  ActivityTypes,
  StatusCodes,
  TurnContext,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import { createAdapter, type BotAuth } from '../../bot/adapter.ts';
import { createHttpServer } from '../../server/http.ts';
import { createLogger } from '../../src/log.ts';

const env = process.env;
const blank = (v: string | undefined) => (v && v.trim() !== '' ? v : undefined);

const log = createLogger(env.LOG_LEVEL ?? 'info');

const auth: BotAuth = {
  appId: blank(env.MicrosoftAppId),
  appPassword: blank(env.MicrosoftAppPassword),
  appType: (blank(env.MicrosoftAppType) as BotAuth['appType'] | undefined) ?? 'MultiTenant',
  tenantId: blank(env.MicrosoftAppTenantId),
  toBotFromChannelOpenIdMetadataUrl: blank(env.ToBotFromChannelOpenIdMetadataUrl),
  toBotFromChannelTokenIssuer: blank(env.ToBotFromChannelTokenIssuer),
  toChannelFromBotLoginUrl: blank(env.ToChannelFromBotLoginUrl),
  toChannelFromBotOAuthScope: blank(env.ToChannelFromBotOAuthScope),
};
const audience = auth.toChannelFromBotOAuthScope ?? 'https://api.botframework.com';
const adapter = createAdapter(auth, log);

async function proactiveHello(context: TurnContext, userId: string): Promise<void> {
  const activity = context.activity;
  const tenantId = (activity.conversation as { tenantId?: string }).tenantId;
  const params = {
    isGroup: false,
    bot: activity.recipient,
    members: [{ id: userId, name: '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as unknown as ConversationParameters;
  let created: ConversationReference | undefined;
  try {
    await adapter.createConversationAsync(
      auth.appId ?? '',
      activity.channelId,
      activity.serviceUrl,
      audience,
      params,
      async (ctx) => {
        created = TurnContext.getConversationReference(ctx.activity) as ConversationReference;
        await ctx.sendActivity('proactive hello');
      },
    );
    await context.sendActivity(`dm ok ${created?.conversation?.id ?? '?'}`);
  } catch (err) {
    const e = err as { statusCode?: number; code?: string };
    await context.sendActivity(`dm failed ${e.statusCode ?? '?'} ${e.code ?? ''}`.trim());
  }
}

async function logic(context: TurnContext): Promise<void> {
  const activity = context.activity;
  if (activity.type === ActivityTypes.Message) {
    const text = (activity.text ?? '').trim();
    if (text === 'throw') throw new Error('echo bot: requested failure');
    if (text === 'typing') await context.sendActivity({ type: ActivityTypes.Typing });
    if (text.startsWith('dm ')) return proactiveHello(context, text.slice(3).trim());
    await context.sendActivity(`echo: ${text}`);
    return;
  }
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const verb = (activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    if (verb === 'throw') throw new Error('echo bot: requested failure');
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: StatusCodes.OK,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `echo: ${verb}` },
      },
    });
  }
}

const server = createHttpServer({
  adapter,
  bot: { run: logic },
  log,
  health: async () => ({ ok: true, detail: {} }),
});

const port = Number(env.PORT ?? 3978);
const host = env.HOST ?? '127.0.0.1';
server.listen(port, host, () => log.info({ url: server.url, anonymous: !auth.appId }, 'echo bot listening'));

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
