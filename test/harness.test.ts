/**
 * Proves the local Teams channel with bot/adapter.ts: the echo bot runs as a child process with the channel's env,
 * so botbuilder's real JWT validation and real connector calls (MSAL token included) run against the loopback doubles.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import {
  TURN_ERROR_MESSAGE,
  authConfiguration,
  createAdapter,
  isMicrosoftLoginUrl,
  type BotAuth,
} from '../bot/adapter.ts';
import { BAD_TOKEN_KINDS, startLocalChannel, type LocalChannel, type WireActivity } from './harness/channel.ts';
import { freePort, spawnServer, type SpawnedServer } from './harness/spawn.ts';

const quiet = { warn: () => {}, error: () => {} };

let channel: LocalChannel;
let bot: SpawnedServer;

beforeAll(async () => {
  channel = await startLocalChannel();
  bot = await spawnServer('test/harness/echo-bot.ts', channel.botEnv());
});

afterAll(async () => {
  await bot?.stop();
  await channel?.close();
});

beforeEach(() => channel.clear());

const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

describe('echo bot over the local channel (child process, bot/adapter.ts)', () => {
  test('a valid channel token → 200, and the echo reply reaches the connector with a valid bearer token', async () => {
    const res = await channel.send(bot.url, channel.activities.message('こんにちは hello'));
    expect(res.status).toBe(200);

    const reply = await channel.waitFor((c) => c.kind === 'reply' && c.status === 200);
    expect(reply.activity?.text).toBe('echo: こんにちは hello');
    expect(reply.conversationId).toBe(channel.personalConversationId());
    expect(reply.replyToId).toBe(res.activity.id);
    expect(reply.auth).toEqual({ ok: true, appId: channel.appId });
    expect(reply.assignedId).toMatch(/^\d+$/);
    expect(reply.activity?.from).toMatchObject({ id: channel.botId });
    expect(reply.activity?.recipient).toMatchObject({ id: channel.defaultUser.id });

    // The bearer came from the local Entra endpoint via MSAL; MSAL fetched only the authority's own metadata.
    const infra = channel
      .infraRequests()
      .filter((r) => r.server === 'login')
      .map((r) => `${r.method} ${r.path}`);
    expect(infra.some((p) => p.includes('/common/discovery/instance'))).toBe(false);
    expect(bot.blockedConnections()).toEqual([]);
  });

  test('the token is fetched once and cached across replies', async () => {
    await channel.send(bot.url, channel.activities.message('one'));
    await channel.send(bot.url, channel.activities.message('two'));
    await channel.waitFor((c) => c.kind === 'reply' && c.activity?.text === 'echo: two');
    expect(channel.tokenRequests()).toEqual([]); // both served from botbuilder's token cache (first test fetched it)
  });

  test('no Authorization header → 401 and nothing reaches the connector', async () => {
    const res = await channel.send(bot.url, channel.activities.message('no token'), { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await settle();
    expect(channel.calls()).toEqual([]);
  });

  test('a non-Bearer Authorization header → 401', async () => {
    const token = await channel.signToken();
    const res = await channel.send(bot.url, channel.activities.message('basic'), { authorization: `Basic ${token}` });
    expect(res.status).toBe(401);
    await settle();
    expect(channel.calls()).toEqual([]);
  });

  test.each(BAD_TOKEN_KINDS)('bad token %s → 401 and no reply', async (kind) => {
    const res = await channel.send(bot.url, channel.activities.message(`bad ${kind}`), {
      token: await channel.badToken(kind),
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized' });
    await settle();
    expect(channel.calls()).toEqual([]);
  });

  test('a valid token for an activity of a channel the key is not endorsed for → 401', async () => {
    const res = await channel.send(bot.url, { ...channel.activities.message('webchat'), channelId: 'webchat' });
    expect(res.status).toBe(401);
  });

  test('an activity without channelId → 401 (stock: TypeError in the endorsement check → 500)', async () => {
    const res = await channel.send(bot.url, { ...channel.activities.message('no channel'), channelId: undefined });
    expect(res.activity.channelId).toBeUndefined();
    expect(res.status).toBe(401);
  });

  test('a 429 on the reply is recorded; botbuilder retries after Retry-After and the reply lands', async () => {
    channel.failNext(1, { status: 429, retryAfterSeconds: 1, kinds: ['reply'] });
    const res = await channel.send(bot.url, channel.activities.message('throttled'));
    expect(res.status).toBe(200);
    const ok = await channel.waitFor((c) => c.kind === 'reply' && c.status === 200, 10_000);
    const attempts = channel.calls((c) => c.kind === 'reply');
    expect(attempts.map((c) => [c.status, c.injected ?? false])).toEqual([
      [429, true],
      [200, false],
    ]);
    expect(attempts[0]!.retryAfterSeconds).toBe(1);
    expect(ok.time - attempts[0]!.time).toBeGreaterThanOrEqual(900);
  });

  test('a throwing turn → onTurnError tells the user (ja+en), no stack trace', async () => {
    const res = await channel.send(bot.url, channel.activities.message('throw'));
    expect(res.status).toBe(200);
    const reply = await channel.waitFor((c) => c.kind === 'reply' && c.status === 200);
    expect(reply.activity?.text).toBe(TURN_ERROR_MESSAGE);
    expect(String(reply.activity?.text)).not.toMatch(/at |Error:/);
  });

  test('typing is recorded as its own kind', async () => {
    await channel.send(bot.url, channel.activities.message('typing'));
    const typing = await channel.waitFor((c) => c.kind === 'typing');
    expect(typing.route).toBe('reply');
    await channel.waitFor((c) => c.kind === 'reply' && c.activity?.text === 'echo: typing');
  });

  test('invoke adaptiveCard/action → the invoke response body comes back to the channel', async () => {
    const res = await channel.send(bot.url, channel.activities.adaptiveCardAction({ verb: 'ack', data: { x: 1 } }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'echo: ack',
    });
  });

  test('a throwing adaptiveCard/action → a Universal Actions error response, not a 500', async () => {
    const res = await channel.send(bot.url, channel.activities.adaptiveCardAction({ verb: 'throw' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: { code: 'InternalServerError', message: TURN_ERROR_MESSAGE },
    });
  });

  test('createConversation: 201 for an installed user, 403 "not installed" for the others', async () => {
    const alice = channel.addUser();
    const bob = channel.addUser({ installed: false });

    await channel.send(bot.url, channel.activities.message(`dm ${alice.aadObjectId}`));
    const ok = await channel.waitFor((c) => c.kind === 'reply' && /^dm /.test(String(c.activity?.text)));
    expect(ok.activity?.text).toBe(`dm ok ${channel.personalConversationId(alice)}`);
    const created = channel.calls((c) => c.kind === 'createConversation');
    expect(created.map((c) => c.status)).toEqual([201]);
    // botbuilder's createConversationAsync gives its continuation activity id = the conversation id, so the first
    // proactive message goes out as a *reply* to that id (Teams accepts it in 1:1 chats).
    const hello = channel.calls((c) => c.activity?.text === 'proactive hello');
    expect(hello.map((c) => [c.kind, c.conversationId, c.replyToId, c.status])).toEqual([
      ['reply', channel.personalConversationId(alice), channel.personalConversationId(alice), 200],
    ]);

    channel.clear();
    await channel.send(bot.url, channel.activities.message(`dm ${bob.id}`));
    const failed = await channel.waitFor((c) => c.kind === 'reply' && /^dm /.test(String(c.activity?.text)));
    expect(failed.activity?.text).toMatch(/^dm failed 403/);
    expect(channel.calls((c) => c.kind === 'createConversation')[0]?.response).toEqual({
      error: { code: 'BadArgument', message: "Bot is not installed in user's personal scope" },
    });
  });

  test('members: GET /members and /members/{id} answer Teams accounts', async () => {
    const token = await fetchConnectorToken();
    const conv = encodeURIComponent(channel.personalConversationId());
    const all = await fetch(`${channel.serviceUrl}v3/conversations/${conv}/members`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(all.status).toBe(200);
    expect(await all.json()).toEqual([
      expect.objectContaining({ id: channel.defaultUser.id, aadObjectId: channel.defaultUser.aadObjectId }),
    ]);
    const one = await fetch(
      `${channel.serviceUrl}v3/conversations/${conv}/members/${channel.defaultUser.aadObjectId}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(await one.json()).toMatchObject({ userPrincipalName: channel.defaultUser.userPrincipalName });
  });

  test('the connector refuses calls without a valid bearer token', async () => {
    const r = await fetch(`${channel.serviceUrl}v3/conversations/x/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await channel.signToken()}` },
      body: JSON.stringify({ type: 'message', text: 'forged' }),
    });
    expect(r.status).toBe(401);
    expect(channel.calls()[0]).toMatchObject({ kind: 'send', status: 401, auth: { ok: false } });
  });

  test('malformed bodies → 4xx, not 500', async () => {
    const token = await channel.signToken();
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}` },
        body,
      });
    expect((await post('{"type":')).status).toBe(400); // server/body.ts
    expect((await post('"just a string"')).status).toBe(400);
    expect((await post(JSON.stringify({ text: 'no type', serviceUrl: channel.serviceUrl }))).status).toBe(400);
    expect((await post('hello', 'text/plain')).status).toBe(415);
  });

  test('the bot never tried to leave loopback', () => {
    expect(bot.blockedConnections()).toEqual([]);
  });
});

/** An access token from the local Entra endpoint, the way MSAL asks for it (the CA is trusted for this one call). */
async function fetchConnectorToken(): Promise<string> {
  const { request } = await import('node:https');
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: channel.appId,
    client_secret: channel.appPassword,
    scope: `${channel.oauthScope}/.default`,
  }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${channel.loginUrl}/oauth2/v2.0/token`,
      { method: 'POST', ca: channel.caPem, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve((JSON.parse(text) as { access_token: string }).access_token));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// In-process checks of bot/adapter.ts (inbound validation needs only the http OpenID metadata; no replies are sent).

interface FakeResponse {
  statusCode?: number;
  body?: unknown;
  headers: Record<string, unknown>;
  socket: null;
  status(code: number): void;
  header(name: string, value: unknown): void;
  send(body: unknown): void;
  end(): void;
}
function fakeResponse(): FakeResponse {
  return {
    headers: {},
    socket: null,
    status(code) {
      this.statusCode = code;
    },
    header(name, value) {
      this.headers[name.toLowerCase()] = value;
    },
    send(body) {
      this.body = body;
    },
    end() {},
  };
}
async function processInProcess(adapter: CloudAdapter, activity: WireActivity, authorization?: string) {
  const res = fakeResponse();
  const req = { method: 'POST', headers: authorization ? { authorization } : {}, body: structuredClone(activity) };
  let turns = 0;
  await adapter.process(req, res, async (_ctx: TurnContext) => {
    turns += 1;
  });
  return { status: res.statusCode, body: res.body, headers: res.headers, turns };
}

function harnessAuth(overrides: Partial<BotAuth> = {}): BotAuth {
  return {
    appId: channel.appId,
    appPassword: channel.appPassword,
    appType: 'MultiTenant',
    tenantId: channel.tenantId,
    toBotFromChannelOpenIdMetadataUrl: channel.openIdMetadataUrl,
    toBotFromChannelTokenIssuer: channel.tokenIssuer,
    toChannelFromBotLoginUrl: channel.loginUrl,
    toChannelFromBotOAuthScope: channel.oauthScope,
    ...overrides,
  };
}

describe('bot/adapter.ts in process', () => {
  test('public Azure: only the stock keys are passed (botbuilder picks every endpoint itself)', () => {
    expect(authConfiguration({ appId: 'a', appPassword: 'p', appType: 'MultiTenant' })).toEqual({
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppId: 'a',
      MicrosoftAppPassword: 'p',
    });
    expect(isMicrosoftLoginUrl('https://login.microsoftonline.com/botframework.com')).toBe(true);
    expect(isMicrosoftLoginUrl('https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us')).toBe(true);
    expect(isMicrosoftLoginUrl(channel.loginUrl)).toBe(false);
  });

  test('a partial override keeps the public defaults for the rest', () => {
    expect(
      authConfiguration({
        appId: 'a',
        appPassword: 'p',
        appType: 'MultiTenant',
        toBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/x',
      }),
    ).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/x',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
    });
  });

  test('OpenID metadata / JWKS unreachable → 503 (not 401/500), and it recovers', async () => {
    const deadPort = await freePort();
    const dead = createAdapter(
      harnessAuth({
        toBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${deadPort}/v1/.well-known/openidconfiguration`,
      }),
      quiet,
    );
    const activity = channel.buildActivity(channel.activities.message('x'));
    const refused = await processInProcess(dead, activity, `Bearer ${await channel.signToken()}`);
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error: 'auth_unavailable' });

    const adapter = createAdapter(harnessAuth(), quiet);
    channel.setJwksAvailable(false);
    const down = await processInProcess(adapter, activity, `Bearer ${await channel.signToken()}`);
    expect(down.status).toBe(503);
    channel.setJwksAvailable(true);
    const up = await processInProcess(adapter, activity, `Bearer ${await channel.signToken()}`);
    expect(up.status).toBe(200);
    expect(up.turns).toBe(1);
  });

  test('anonymous mode (no appId) accepts requests without a token', async () => {
    const adapter = createAdapter({ appType: 'MultiTenant' }, quiet);
    const r = await processInProcess(adapter, channel.buildActivity(channel.activities.message('anon')));
    expect(r.status).toBe(200);
    expect(r.turns).toBe(1);
  });

  test('stock CloudAdapter answers 500 for a bad signature and alg=none with a known kid; ours answers 401', async () => {
    const stock = new CloudAdapter(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: channel.appId,
        MicrosoftAppPassword: channel.appPassword,
        MicrosoftAppType: 'MultiTenant',
        ToBotFromChannelOpenIdMetadataUrl: channel.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: channel.tokenIssuer,
        ToChannelFromBotLoginUrl: channel.loginUrl,
        ToChannelFromBotOAuthScope: channel.oauthScope,
      }),
    );
    const ours = createAdapter(harnessAuth(), quiet);
    const activity = channel.buildActivity(channel.activities.message('x'));
    const originalConsoleError = console.error;
    console.error = () => {}; // botbuilder logs every rejected token with console.error
    try {
      for (const kind of ['wrongKeyKnownKid', 'algNone'] as const) {
        const header = `Bearer ${await channel.badToken(kind)}`;
        const stockResult = await processStock(stock, activity, header);
        expect(stockResult.status, `stock ${kind}`).toBe(500);
        const ourResult = await processInProcess(ours, activity, header);
        expect(ourResult.status, `ours ${kind}`).toBe(401);
        expect(ourResult.turns).toBe(0);
      }
    } finally {
      console.error = originalConsoleError;
    }
  });
});

async function processStock(adapter: CloudAdapter, activity: WireActivity, authorization: string) {
  const res = fakeResponse();
  await adapter.process(
    { method: 'POST', headers: { authorization }, body: structuredClone(activity) },
    res,
    async () => {},
  );
  return { status: res.statusCode, body: res.body };
}
