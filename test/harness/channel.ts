/**
 * A local Teams channel for tests: loopback doubles of the three services a Teams bot talks to, speaking their
 * real wire protocols, so botbuilder's own JWT validation and connector calls run unmodified.
 *
 *  - Bot Framework OpenID metadata + JWKS (http): `/v1/.well-known/openidconfiguration`, `/v1/.well-known/keys`,
 *    keys endorsed for `msteams`; `signToken`/`badToken` make channel→bot tokens (good and bad).
 *  - Entra ID (https, self-signed CA): client-credentials token endpoint, OpenID configuration and instance discovery
 *    for MSAL, under `/{tenant}/…`.
 *  - Bot Connector (http) at `serviceUrl`: checks the bearer token on every call, records every call, and can be
 *    told to fail (429/503/…), to be slow, and to answer 403 for users who have not installed the app.
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK, type CryptoKey } from 'jose';
import {
  adaptiveCardAction,
  conversationUpdateBotAdded,
  installationUpdate,
  message,
  withTeamsDefaults,
  type TeamsUser,
  type WireActivity,
} from './activities.ts';
import { makeLoopbackCertificates, type LoopbackCertificates } from './certs.ts';

export type { TeamsUser, WireActivity } from './activities.ts';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
/** The botframework.com tenant id (the multi-tenant bot token tenant). */
export const BOTFRAMEWORK_COM_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

export type CallKind =
  | 'reply'
  | 'send'
  | 'typing'
  | 'update'
  | 'delete'
  | 'createConversation'
  | 'getMembers'
  | 'getMember'
  | 'getPagedMembers'
  | 'unknown';

export interface ConnectorCall {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  kind: CallKind;
  /** For kind 'typing': whether it came as a reply or a send. */
  route?: 'reply' | 'send';
  method: string;
  /** The request path as received (still URL-encoded). */
  path: string;
  conversationId?: string;
  /** reply: the activity replied to; update/delete: the activity changed. */
  replyToId?: string;
  activityId?: string;
  /** The posted activity (send/reply/typing/update). */
  activity?: WireActivity;
  /** The request body of other calls (createConversation parameters). */
  body?: unknown;
  /** Date.now() when the request arrived. */
  time: number;
  /** The HTTP status answered. */
  status: number;
  /** The id given to a posted activity, or the conversation id returned by createConversation. */
  assignedId?: string;
  /** The bearer token check. */
  auth: { ok: boolean; appId?: string; error?: string };
  /** The failure was injected by failNext/failShare. */
  injected?: boolean;
  retryAfterSeconds?: number;
  /** The JSON answered. */
  response?: unknown;
}

export interface FailureSpec {
  status: number;
  retryAfterSeconds?: number;
  /** error.code in the body (default by status: Throttled, ServiceUnavailable, …). */
  code?: string;
  message?: string;
  /** Only calls of these kinds fail (default: every connector call). */
  kinds?: CallKind[];
}

export interface TokenRequestRecord {
  time: number;
  tenant: string;
  clientId?: string;
  scope?: string;
  grantType?: string;
  ok: boolean;
  error?: string;
}

export interface InfraRequestRecord {
  time: number;
  server: 'channel' | 'login';
  method: string;
  path: string;
  status: number;
}

export type BadTokenKind =
  | 'expired'
  | 'notYetValid'
  | 'wrongAudience'
  | 'wrongIssuer'
  | 'wrongServiceUrl'
  | 'unknownKid'
  | 'wrongKeyKnownKid'
  | 'algNone'
  | 'malformed'
  | 'garbage';

export const BAD_TOKEN_KINDS: readonly BadTokenKind[] = [
  'expired',
  'notYetValid',
  'wrongAudience',
  'wrongIssuer',
  'wrongServiceUrl',
  'unknownKid',
  'wrongKeyKnownKid',
  'algNone',
  'malformed',
  'garbage',
];

export interface SignTokenOptions {
  /** aud; default the app id. */
  audience?: string;
  /** iss; default https://api.botframework.com. */
  issuer?: string;
  /** The serviceurl claim; default the channel's serviceUrl; null = no claim. */
  serviceUrl?: string | null;
  /** Lifetime from now; default 3600. */
  expiresInSeconds?: number;
  /** exp an hour ago (beyond botbuilder's 5-minute clock tolerance). */
  expired?: boolean;
  /** nbf an hour from now. */
  notYetValid?: boolean;
  /** 'foreign' signs with a key the JWKS does not publish. */
  key?: 'channel' | 'foreign';
  /** Header kid; default the channel key's kid ('channel') or a random one ('foreign'); null = no kid. */
  kid?: string | null;
  /** 'none' = unsigned token (empty signature). */
  alg?: 'RS256' | 'none';
  /** Extra claims, merged last (undefined removes a claim). */
  claims?: Record<string, unknown>;
}

export interface SendOptions {
  /** The bearer token; default a valid channel token for the activity's serviceUrl; null = no Authorization header. */
  token?: string | null;
  /** A raw Authorization header (wins over token). */
  authorization?: string;
  /** The sending user; default the channel's default user. */
  user?: TeamsUser;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export interface SendResult {
  status: number;
  /** Parsed JSON when the bot answered JSON, else the text ('' when empty). */
  body: unknown;
  headers: Headers;
  /** The activity as posted (with the Teams defaults). */
  activity: WireActivity;
}

export interface LocalChannelOptions {
  appId?: string;
  appPassword?: string;
  /** The bot's tenant (users' tenant). */
  tenantId?: string;
  /** Decides the login URL tenant: MultiTenant → botframework.com, SingleTenant → tenantId. */
  appType?: 'MultiTenant' | 'SingleTenant';
  botName?: string;
  /** Path of the serviceUrl, default '/amer/' (like https://smba.trafficmanager.net/amer/). */
  servicePath?: string;
  /** Endorsements on the channel signing key, default ['msteams']. */
  endorsements?: string[];
  /** Connector response latency in ms (fixed, or uniform in [min, max]). */
  latencyMs?: number | { min: number; max: number };
  /** Seed for failShare's random choice. */
  seed?: number;
  /** Lifetime of Entra access tokens, default 3599 s. */
  accessTokenLifetimeSeconds?: number;
}

export interface LocalChannel {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  /** "28:<appId>" */
  readonly botId: string;
  readonly botName: string;
  /** Bot Connector base URL (ends with '/'). */
  readonly serviceUrl: string;
  readonly openIdMetadataUrl: string;
  readonly jwksUrl: string;
  readonly tokenIssuer: string;
  /** ToChannelFromBotLoginUrl: https://127.0.0.1:<port>/<tenant> */
  readonly loginUrl: string;
  readonly oauthScope: string;
  /** The CA that signed the https server's certificate (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  readonly caPem: string;
  readonly defaultUser: TeamsUser;
  users(): TeamsUser[];
  /** Registers a user of the tenant (installed by default). */
  addUser(partial?: Partial<TeamsUser>): TeamsUser;
  /** Marks a user (by 29: id or aadObjectId) as having / not having the app in personal scope. */
  setInstalled(userIdOrAadObjectId: string, installed: boolean): void;
  findUser(userIdOrAadObjectId: string): TeamsUser | undefined;
  /** The user's 1:1 conversation id with the bot ("a:…", stable per user). */
  personalConversationId(user?: TeamsUser): string;

  signToken(options?: SignTokenOptions): Promise<string>;
  badToken(kind: BadTokenKind): Promise<string>;
  /** The activity `send` would post: `partial` with the Teams defaults for `user` (default: the default user). */
  buildActivity(partial?: Partial<WireActivity>, user?: TeamsUser): WireActivity;
  /** POSTs an activity to `${botUrl}/api/messages` (or botUrl itself if it ends with /api/messages). */
  send(botUrl: string, activity?: Partial<WireActivity>, options?: SendOptions): Promise<SendResult>;
  /** Builders bound to this channel (bot id filled in). */
  readonly activities: {
    message: typeof message;
    botAdded(overrides?: Partial<WireActivity>): Partial<WireActivity>;
    installationUpdate: typeof installationUpdate;
    adaptiveCardAction: typeof adaptiveCardAction;
  };

  /** Recorded connector calls (a copy), optionally filtered. */
  calls(filter?: (call: ConnectorCall) => boolean): ConnectorCall[];
  /** Resolves with the first recorded call (past or future) matching; rejects after timeoutMs (default 5000). */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Forgets recorded calls, token and infra requests, pending failures and latency; users/conversations stay. */
  clear(): void;
  /** The next n connector calls (of spec.kinds, if given) fail with spec. */
  failNext(n: number, spec: FailureSpec): void;
  /** A share (0..1) of connector calls fail with spec; share 0 or spec null turns it off. */
  failShare(share: number, spec: FailureSpec | null): void;
  setLatency(latencyMs: number | { min: number; max: number }): void;
  /** false = OpenID metadata and JWKS answer 503 (keys unreachable). */
  setJwksAvailable(available: boolean): void;
  /** Entra client-credential requests seen. */
  tokenRequests(): TokenRequestRecord[];
  /** OpenID / JWKS / Entra metadata requests seen. */
  infraRequests(): InfraRequestRecord[];

  /** Env vars for a bot process using this channel. */
  botEnv(): Record<string, string>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------

function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DEFAULT_ERROR_CODES: Record<number, string> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'ConversationNotFound',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  429: 'Throttled',
  500: 'InternalServerError',
  502: 'ServiceError',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const JAPANESE_NAMES: Array<[string, string]> = [
  ['太郎', '山田'],
  ['花子', '佐藤'],
  ['次郎', '鈴木'],
  ['美咲', '高橋'],
  ['健', '田中'],
];

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function makeSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(15).toString('base64url');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicJwk };
}

interface Conversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId: string;
  members: TeamsUser[];
}

// ---------------------------------------------------------------------------------------------------------------

export async function startLocalChannel(options: LocalChannelOptions = {}): Promise<LocalChannel> {
  const appId = options.appId ?? randomUUID();
  const appPassword = options.appPassword ?? randomBytes(24).toString('base64url');
  const tenantId = options.tenantId ?? randomUUID();
  const appType = options.appType ?? 'MultiTenant';
  const botName = options.botName ?? 'Telework Guard';
  const botId = `28:${appId}`;
  const servicePath = `/${(options.servicePath ?? '/amer/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const endorsements = options.endorsements ?? ['msteams'];
  const accessTokenLifetime = options.accessTokenLifetimeSeconds ?? 3599;
  const loginTenant = appType === 'SingleTenant' ? tenantId : 'botframework.com';

  const [channelKey, foreignKey, entraKey] = await Promise.all([makeSigningKey(), makeSigningKey(), makeSigningKey()]);
  const entraJwks = createLocalJWKSet({ keys: [entraKey.publicJwk] });
  const certs: LoopbackCertificates = makeLoopbackCertificates();

  // ---- state ----
  let calls: ConnectorCall[] = [];
  let tokenRequests: TokenRequestRecord[] = [];
  let infraRequests: InfraRequestRecord[] = [];
  let seq = 0;
  let activityIdSeq = Date.now();
  const waiters = new Set<{ predicate: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }>();
  let pendingFailures: Array<{ remaining: number; spec: FailureSpec }> = [];
  let shareFailure: { share: number; spec: FailureSpec } | null = null;
  let latency: number | { min: number; max: number } = options.latencyMs ?? 0;
  let jwksAvailable = true;
  const random = mulberry32(options.seed ?? 1);
  const users: TeamsUser[] = [];
  const conversations = new Map<string, Conversation>();
  const postedActivities = new Map<string, { conversationId: string; activity: WireActivity; deleted: boolean }>();

  // ---- servers ----
  const channelServer = createHttpServer((req, res) => {
    handleChannel(req, res).catch((err) => {
      if (!res.headersSent) json(res, 500, { error: { code: 'InternalServerError', message: String(err) } });
    });
  });
  const loginServer = createHttpsServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    handleLogin(req, res).catch((err) => {
      if (!res.headersSent) json(res, 500, { error: 'server_error', error_description: String(err) });
    });
  });
  const [channelPort, loginPort] = await Promise.all([listen(channelServer), listen(loginServer as unknown as Server)]);
  const channelOrigin = `http://127.0.0.1:${channelPort}`;
  const loginOrigin = `https://127.0.0.1:${loginPort}`;
  const serviceUrl = `${channelOrigin}${servicePath}`;
  const openIdMetadataUrl = `${channelOrigin}/v1/.well-known/openidconfiguration`;
  const jwksUrl = `${channelOrigin}/v1/.well-known/keys`;
  const loginUrl = `${loginOrigin}/${loginTenant}`;

  // ---- users ----
  function addUser(partial: Partial<TeamsUser> = {}): TeamsUser {
    const n = users.length;
    const [given, family] = JAPANESE_NAMES[n % JAPANESE_NAMES.length]!;
    const aadObjectId = partial.aadObjectId ?? randomUUID();
    const login = `user${n + 1}`;
    const user: TeamsUser = {
      id: `29:1${randomBytes(30).toString('base64url')}`,
      aadObjectId,
      name: `${family} ${given}`,
      givenName: given,
      surname: family,
      email: `${login}@contoso.example`,
      userPrincipalName: `${login}@contoso.example`,
      tenantId,
      userRole: 'user',
      installed: true,
      ...partial,
    };
    users.push(user);
    const conv = personalConversationId(user);
    conversations.set(conv, { id: conv, conversationType: 'personal', tenantId: user.tenantId, members: [user] });
    return user;
  }
  function findUser(idOrAad: string): TeamsUser | undefined {
    return users.find((u) => u.id === idOrAad || u.aadObjectId.toLowerCase() === idOrAad.toLowerCase());
  }
  function personalConversationId(user: TeamsUser = defaultUser): string {
    const h = createHash('sha256').update(`${appId}|${user.id}`).digest('base64url');
    return `a:1${h}`;
  }
  const defaultUser = addUser();

  // ---- tokens ----
  async function signToken(o: SignTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      serviceurl: o.serviceUrl === undefined ? serviceUrl : o.serviceUrl,
      nbf: o.notYetValid ? now + 3600 : now - 300,
      exp: o.expired ? now - 3600 : now + (o.expiresInSeconds ?? 3600),
      iss: o.issuer ?? BOT_FRAMEWORK_ISSUER,
      aud: o.audience ?? appId,
      ...(o.claims ?? {}),
    };
    for (const k of Object.keys(claims)) if (claims[k] === undefined || claims[k] === null) delete claims[k];
    const signer = o.key === 'foreign' ? foreignKey : channelKey;
    const kid =
      o.kid === null
        ? undefined
        : (o.kid ?? (o.key === 'foreign' ? randomBytes(15).toString('base64url') : channelKey.kid));
    if (o.alg === 'none') {
      return `${b64url({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64url(claims)}.`;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })
      .sign(signer.privateKey);
  }

  async function badToken(kind: BadTokenKind): Promise<string> {
    switch (kind) {
      case 'expired':
        return signToken({ expired: true });
      case 'notYetValid':
        return signToken({ notYetValid: true });
      case 'wrongAudience':
        return signToken({ audience: randomUUID() });
      case 'wrongIssuer':
        return signToken({ issuer: 'https://api.botframework.example' });
      case 'wrongServiceUrl':
        return signToken({ serviceUrl: 'https://smba.trafficmanager.example/evil/' });
      case 'unknownKid':
        return signToken({ key: 'foreign' });
      case 'wrongKeyKnownKid':
        return signToken({ key: 'foreign', kid: channelKey.kid });
      case 'algNone':
        return signToken({ alg: 'none' });
      case 'malformed': {
        // Three dot-separated parts, header fine, payload not JSON, signature junk.
        return `${b64url({ alg: 'RS256', typ: 'JWT', kid: channelKey.kid })}.${b64url('{"iss":"https://api.botframework.com",')}.${randomBytes(32).toString('base64url')}`;
      }
      case 'garbage':
        return 'not-a-jwt';
    }
  }

  async function issueAccessToken(clientId: string, tokenTenant: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const tid = tokenTenant === 'botframework.com' ? BOTFRAMEWORK_COM_TENANT_ID : tokenTenant;
    return new SignJWT({
      aud: BOT_FRAMEWORK_SCOPE,
      iss: `https://sts.windows.net/${tid}/`,
      iat: now,
      nbf: now - 300,
      exp: now + accessTokenLifetime,
      appid: clientId,
      appidacr: '1',
      idp: `https://sts.windows.net/${tid}/`,
      tid,
      oid: randomUUID(),
      sub: randomUUID(),
      ver: '1.0',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: entraKey.kid, x5t: entraKey.kid })
      .sign(entraKey.privateKey);
  }

  async function checkBearer(header: string | undefined): Promise<ConnectorCall['auth']> {
    if (!header) return { ok: false, error: 'no Authorization header' };
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return { ok: false, error: 'not a Bearer token' };
    try {
      const { payload } = await jwtVerify(token, entraJwks, { audience: BOT_FRAMEWORK_SCOPE, algorithms: ['RS256'] });
      const tokenAppId =
        typeof payload.appid === 'string' ? payload.appid : typeof payload.azp === 'string' ? payload.azp : undefined;
      if (tokenAppId !== appId)
        return { ok: false, appId: tokenAppId, error: `token for app ${tokenAppId}, expected ${appId}` };
      return { ok: true, appId: tokenAppId };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  }

  // ---- recording ----
  function record(call: Omit<ConnectorCall, 'seq'>): ConnectorCall {
    const full: ConnectorCall = { seq: ++seq, ...call };
    calls.push(full);
    for (const w of [...waiters]) {
      if (w.predicate(full)) {
        waiters.delete(w);
        w.resolve(full);
      }
    }
    return full;
  }

  function takeInjectedFailure(kind: CallKind): FailureSpec | undefined {
    for (const f of pendingFailures) {
      if (f.remaining > 0 && (!f.spec.kinds || f.spec.kinds.includes(kind))) {
        f.remaining -= 1;
        pendingFailures = pendingFailures.filter((p) => p.remaining > 0);
        return f.spec;
      }
    }
    if (
      shareFailure &&
      (!shareFailure.spec.kinds || shareFailure.spec.kinds.includes(kind)) &&
      random() < shareFailure.share
    ) {
      return shareFailure.spec;
    }
    return undefined;
  }

  function currentLatency(): number {
    if (typeof latency === 'number') return latency;
    return latency.min + random() * (latency.max - latency.min);
  }

  // ---- the channel server: OpenID metadata, JWKS and the Bot Connector ----
  async function handleChannel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', channelOrigin);
    const method = req.method ?? 'GET';
    if (url.pathname === '/v1/.well-known/openidconfiguration' || url.pathname === '/v1/.well-known/keys') {
      const status = jwksAvailable ? 200 : 503;
      infraRequests.push({ time: Date.now(), server: 'channel', method, path: url.pathname, status });
      if (!jwksAvailable) return json(res, 503, { error: 'unavailable' });
      if (url.pathname.endsWith('openidconfiguration')) {
        return json(res, 200, {
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: jwksUrl,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      return json(res, 200, { keys: [{ ...channelKey.publicJwk, x5t: channelKey.kid, endorsements }] });
    }
    if (url.pathname.startsWith(servicePath)) return handleConnector(req, res, url, method);
    json(res, 404, { error: { code: 'NotFound', message: `no route ${method} ${url.pathname}` } });
  }

  async function handleConnector(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const time = Date.now();
    const rawPath = url.pathname;
    const segments = rawPath
      .slice(servicePath.length)
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }

    // Route.
    let kind: CallKind = 'unknown';
    let conversationId: string | undefined;
    let targetId: string | undefined;
    let memberId: string | undefined;
    const isActivity = (b: unknown): b is WireActivity =>
      typeof b === 'object' && b !== null && typeof (b as { type?: unknown }).type === 'string';
    if (segments[0] === 'v3' && segments[1] === 'conversations') {
      conversationId = segments[2];
      const rest = segments.slice(3);
      if (!conversationId && method === 'POST') kind = 'createConversation';
      else if (conversationId && rest[0] === 'activities' && rest.length === 1 && method === 'POST') kind = 'send';
      else if (conversationId && rest[0] === 'activities' && rest.length === 2) {
        targetId = rest[1];
        kind = method === 'POST' ? 'reply' : method === 'PUT' ? 'update' : method === 'DELETE' ? 'delete' : 'unknown';
      } else if (conversationId && rest[0] === 'members' && rest.length === 1 && method === 'GET') kind = 'getMembers';
      else if (conversationId && rest[0] === 'members' && rest.length === 2 && method === 'GET') {
        kind = 'getMember';
        memberId = rest[1];
      } else if (conversationId && rest[0] === 'pagedmembers' && method === 'GET') kind = 'getPagedMembers';
    }
    let route: ConnectorCall['route'];
    if ((kind === 'send' || kind === 'reply') && isActivity(body) && body.type === 'typing') {
      route = kind;
      kind = 'typing';
    }

    const delay = currentLatency();
    if (delay > 0) await sleep(delay);

    const base = {
      kind,
      ...(route ? { route } : {}),
      method,
      path: rawPath,
      ...(conversationId ? { conversationId } : {}),
      ...(kind === 'reply' || (kind === 'typing' && route === 'reply') ? { replyToId: targetId } : {}),
      ...(kind === 'update' || kind === 'delete' ? { activityId: targetId } : {}),
      ...(isActivity(body) ? { activity: body } : body !== undefined ? { body } : {}),
      time,
    };
    const answer = (
      status: number,
      response: unknown,
      extra: Partial<ConnectorCall> = {},
      headers: Record<string, string> = {},
    ) => {
      record({ ...base, status, auth, ...(response !== undefined ? { response } : {}), ...extra });
      json(res, status, response, headers);
    };

    const auth = await checkBearer(req.headers.authorization);
    if (!auth.ok) return answer(401, { message: 'Authorization has been denied for this request.' });

    const failure = takeInjectedFailure(kind);
    if (failure) {
      const headers: Record<string, string> = {};
      if (failure.retryAfterSeconds !== undefined) headers['Retry-After'] = String(failure.retryAfterSeconds);
      return answer(
        failure.status,
        {
          error: {
            code: failure.code ?? DEFAULT_ERROR_CODES[failure.status] ?? 'Error',
            message: failure.message ?? `Injected failure ${failure.status}`,
          },
        },
        {
          injected: true,
          ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
        },
        headers,
      );
    }

    const conversation = conversationId ? conversations.get(conversationId) : undefined;
    const notInRoster = () =>
      answer(403, {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      });
    const personalUninstalled =
      conversation?.conversationType === 'personal' && conversation.members.every((m) => !m.installed);

    switch (kind) {
      case 'send':
      case 'reply':
      case 'typing': {
        if (!isActivity(body))
          return answer(400, { error: { code: 'BadArgument', message: 'Activity body is required' } });
        if (personalUninstalled) return notInRoster();
        if (kind === 'typing') return answer(200, {});
        const id = String(++activityIdSeq);
        postedActivities.set(id, { conversationId: conversationId!, activity: { ...body, id }, deleted: false });
        return answer(200, { id }, { assignedId: id });
      }
      case 'update': {
        if (!isActivity(body))
          return answer(400, { error: { code: 'BadArgument', message: 'Activity body is required' } });
        const posted = targetId ? postedActivities.get(targetId) : undefined;
        if (!posted || posted.deleted || posted.conversationId !== conversationId) {
          return answer(404, { error: { code: 'ActivityNotFoundInConversation', message: 'Unknown activity' } });
        }
        posted.activity = { ...body, id: targetId };
        return answer(200, { id: targetId }, { assignedId: targetId });
      }
      case 'delete': {
        const posted = targetId ? postedActivities.get(targetId) : undefined;
        if (!posted || posted.deleted || posted.conversationId !== conversationId) {
          return answer(404, { error: { code: 'ActivityNotFoundInConversation', message: 'Unknown activity' } });
        }
        posted.deleted = true;
        return answer(200, undefined);
      }
      case 'createConversation': {
        const params = (typeof body === 'object' && body !== null ? body : {}) as {
          members?: Array<{ id?: string }>;
          tenantId?: string;
          channelData?: { tenant?: { id?: string } };
          isGroup?: boolean;
          activity?: unknown;
        };
        const tenant = params.tenantId ?? params.channelData?.tenant?.id;
        if (!tenant) return answer(400, { error: { code: 'BadArgument', message: 'Tenant id is required.' } });
        const memberIds = (params.members ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
        if (memberIds.length !== 1 || params.isGroup) {
          return answer(400, {
            error: { code: 'BadArgument', message: 'Only 1:1 conversations with a single member can be created.' },
          });
        }
        const user = findUser(memberIds[0]!);
        if (!user || user.tenantId !== tenant) {
          return answer(400, { error: { code: 'BadArgument', message: 'Invalid user identity in provided tenant' } });
        }
        if (!user.installed) {
          return answer(403, {
            error: { code: 'BadArgument', message: "Bot is not installed in user's personal scope" },
          });
        }
        const id = personalConversationId(user);
        return answer(201, { id }, { assignedId: id });
      }
      case 'getMembers':
      case 'getPagedMembers': {
        if (!conversation)
          return answer(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
        if (personalUninstalled) return notInRoster();
        const members = conversation.members.map(teamsChannelAccount);
        return answer(200, kind === 'getMembers' ? members : { members });
      }
      case 'getMember': {
        if (!conversation)
          return answer(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
        const m = conversation.members.find(
          (u) => u.id === memberId || u.aadObjectId.toLowerCase() === memberId?.toLowerCase(),
        );
        if (!m)
          return answer(404, {
            error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' },
          });
        return answer(200, teamsChannelAccount(m));
      }
      default:
        return answer(404, { error: { code: 'NotFound', message: `The local channel has no ${method} ${rawPath}` } });
    }
  }

  function teamsChannelAccount(u: TeamsUser) {
    return {
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      givenName: u.givenName,
      surname: u.surname,
      email: u.email,
      userPrincipalName: u.userPrincipalName,
      tenantId: u.tenantId,
      userRole: u.userRole,
    };
  }

  // ---- the login server: Entra ID for MSAL ----
  async function handleLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', loginOrigin);
    const method = req.method ?? 'GET';
    const segs = url.pathname.split('/').filter(Boolean);
    const tenant = segs[0] ?? '';
    const rest = segs.slice(1).join('/');
    const note = (status: number) =>
      infraRequests.push({ time: Date.now(), server: 'login', method, path: url.pathname, status });

    if (tenant === 'common' && rest === 'discovery/instance' && method === 'GET') {
      note(200);
      const host = url.host;
      return json(res, 200, {
        tenant_discovery_endpoint: `${loginOrigin}/common/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    if (
      (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') &&
      method === 'GET'
    ) {
      note(200);
      return json(res, 200, {
        token_endpoint: `${loginOrigin}/${tenant}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${loginOrigin}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${loginOrigin}/${tenant}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${loginOrigin}/oidc/userinfo`,
        authorization_endpoint: `${loginOrigin}/${tenant}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${loginOrigin}/${tenant}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${loginOrigin}/${tenant}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid'],
        tenant_region_scope: 'AS',
        cloud_instance_name: 'localhost',
      });
    }
    if (rest === 'discovery/v2.0/keys' && method === 'GET') {
      note(200);
      return json(res, 200, { keys: [{ ...entraKey.publicJwk, x5t: entraKey.kid }] });
    }
    if (rest === 'oauth2/v2.0/token' && method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const rec: TokenRequestRecord = {
        time: Date.now(),
        tenant,
        clientId: form.get('client_id') ?? undefined,
        scope: form.get('scope') ?? undefined,
        grantType: form.get('grant_type') ?? undefined,
        ok: false,
      };
      const fail = (status: number, error: string, description: string) => {
        rec.error = `${error}: ${description}`;
        tokenRequests.push(rec);
        json(res, status, {
          error,
          error_description: description,
          error_codes: [Number(description.match(/AADSTS(\d+)/)?.[1] ?? 0)],
          timestamp: new Date().toISOString(),
          trace_id: randomUUID(),
          correlation_id: randomUUID(),
        });
      };
      if (rec.grantType !== 'client_credentials')
        return fail(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
      if (tenant !== loginTenant && tenant !== tenantId)
        return fail(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
      if (rec.clientId !== appId)
        return fail(
          400,
          'unauthorized_client',
          `AADSTS700016: Application with identifier '${rec.clientId}' was not found in the directory.`,
        );
      if (form.get('client_secret') !== appPassword)
        return fail(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      if (rec.scope !== `${BOT_FRAMEWORK_SCOPE}/.default`)
        return fail(400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${rec.scope} is not valid.`);
      rec.ok = true;
      tokenRequests.push(rec);
      note(200);
      return json(res, 200, {
        token_type: 'Bearer',
        expires_in: accessTokenLifetime,
        ext_expires_in: accessTokenLifetime,
        access_token: await issueAccessToken(appId, tenant),
      });
    }
    note(404);
    json(res, 404, { error: 'not_found', error_description: `no route ${method} ${url.pathname}` });
  }

  // ---- sending to the bot ----
  function buildActivity(
    partial: Partial<WireActivity> = message('こんにちは'),
    user: TeamsUser = defaultUser,
  ): WireActivity {
    return withTeamsDefaults(partial, {
      serviceUrl,
      botId,
      botName,
      tenantId: user.tenantId,
      user,
      conversationId: personalConversationId(user),
    });
  }

  async function send(
    botUrl: string,
    partial: Partial<WireActivity> = message('こんにちは'),
    o: SendOptions = {},
  ): Promise<SendResult> {
    const user = o.user ?? defaultUser;
    const activity = buildActivity(partial, user);
    // Teams' own bookkeeping: a personal-scope install/uninstall changes what createConversation answers.
    const conv = activity.conversation as { conversationType?: string } | undefined;
    if (activity.type === 'installationUpdate' && conv?.conversationType === 'personal') {
      const action = String(activity.action ?? '');
      if (action.startsWith('add')) user.installed = true;
      if (action === 'remove') user.installed = false;
    }
    const target = /\/api\/messages\/?$/.test(botUrl) ? botUrl : `${botUrl.replace(/\/+$/, '')}/api/messages`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(o.headers ?? {}) };
    if (o.authorization !== undefined) headers.Authorization = o.authorization;
    else if (o.token !== null) {
      const token =
        o.token ??
        (await signToken({ serviceUrl: typeof activity.serviceUrl === 'string' ? activity.serviceUrl : serviceUrl }));
      headers.Authorization = `Bearer ${token}`;
    }
    const response = await fetch(target, { method: 'POST', headers, body: JSON.stringify(activity) });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, body, headers: response.headers, activity };
  }

  let closed = false;
  const channel: LocalChannel = {
    appId,
    appPassword,
    tenantId,
    botId,
    botName,
    serviceUrl,
    openIdMetadataUrl,
    jwksUrl,
    tokenIssuer: BOT_FRAMEWORK_ISSUER,
    loginUrl,
    oauthScope: BOT_FRAMEWORK_SCOPE,
    caFile: certs.caFile,
    caPem: certs.caPem,
    defaultUser,
    users: () => [...users],
    addUser,
    setInstalled(idOrAad, installed) {
      const u = findUser(idOrAad);
      if (!u) throw new Error(`no such user ${idOrAad}`);
      u.installed = installed;
    },
    findUser,
    personalConversationId,
    signToken,
    badToken,
    buildActivity,
    send,
    activities: {
      message,
      botAdded: (overrides) => conversationUpdateBotAdded({ botId, botName }, overrides),
      installationUpdate,
      adaptiveCardAction,
    },
    calls: (filter) => (filter ? calls.filter(filter) : [...calls]),
    waitFor(predicate, timeoutMs = 5000) {
      const existing = calls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<ConnectorCall>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (c: ConnectorCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = calls.map((c) => `${c.seq} ${c.kind} ${c.status}`).join(', ') || 'none';
          reject(new Error(`waitFor: no matching connector call within ${timeoutMs} ms (calls: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      calls = [];
      tokenRequests = [];
      infraRequests = [];
      pendingFailures = [];
      shareFailure = null;
      latency = options.latencyMs ?? 0;
      jwksAvailable = true;
    },
    failNext(n, spec) {
      if (n > 0) pendingFailures.push({ remaining: n, spec });
    },
    failShare(share, spec) {
      shareFailure = spec && share > 0 ? { share, spec } : null;
    },
    setLatency(ms) {
      latency = ms;
    },
    setJwksAvailable(available) {
      jwksAvailable = available;
    },
    tokenRequests: () => [...tokenRequests],
    infraRequests: () => [...infraRequests],
    botEnv: () => ({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: tenantId,
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      ToChannelFromBotLoginUrl: loginUrl,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
      NODE_EXTRA_CA_CERTS: certs.caFile,
    }),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([closeServer(channelServer), closeServer(loginServer as unknown as Server)]);
      certs.remove();
    },
  };
  return channel;
}
