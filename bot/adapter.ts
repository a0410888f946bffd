/**
 * The bot's Bot Framework adapter and credentials.
 *
 * Production (public Azure) runs botbuilder's stock path: `ConfigurationBotFrameworkAuthentication` with the standard
 * keys, whose `ConfigurationServiceClientCredentialFactory` gets reply tokens from login.microsoftonline.com through MSAL.
 * The only departures from stock are:
 *
 *  1. When `toChannelFromBotLoginUrl` points at a host that is not a Microsoft login host (a private cloud, or the local
 *     test channel on loopback), the reply token comes from an MSAL `ConfidentialClientApplication` built here with
 *     `knownAuthorities: [host]`. Stock botbuilder builds that client without `knownAuthorities`, and MSAL then asks
 *     login.microsoftonline.com for "instance discovery" of the foreign authority — a call to the internet for every
 *     private authority, which fails offline (`untrusted_authority`). With `knownAuthorities`, MSAL's only calls go to the
 *     authority itself: its OpenID configuration and its token endpoint.
 *  2. Authentication failures are classified once, where they happen: every rejection of the inbound token is a 401
 *     (stock CloudAdapter answers 500 for a bad signature, alg=none with a known kid, or any jsonwebtoken error),
 *     and an unreachable OpenID metadata / JWKS endpoint is a 503 (stock: 401 or 500 depending on how it failed).
 *  3. `process` answers malformed bodies with 400 (stock: 500 or an unhandled rejection) and never puts an error
 *     message or stack in a response body.
 *  4. When some but not all of the override keys are set, the unset ones get the public Azure defaults (stock
 *     botbuilder leaves them undefined, which breaks the outgoing path and the emulator-token path).
 */
import { createRequire } from 'node:module';
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  MsalServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { INodeBuffer, INodeDuplex, INodeSocket } from 'botframework-streaming';
import type * as Msal from '@azure/msal-node' with { 'resolution-mode': 'require' };

export interface BotAuth {
  appId?: string; // MicrosoftAppId / BOT_ID; unset = anonymous local mode (Agents Playground, no tokens)
  appPassword?: string; // MicrosoftAppPassword / BOT_PASSWORD
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string; // MicrosoftAppTenantId
  // botbuilder's own override names (ConfigurationBotFrameworkAuthentication keys) for sovereign clouds and the local test channel; unset = public Azure defaults
  toBotFromChannelOpenIdMetadataUrl?: string;
  toBotFromChannelTokenIssuer?: string;
  toChannelFromBotLoginUrl?: string;
  toChannelFromBotOAuthScope?: string;
  validateAuthority?: boolean;
}

export interface AdapterLog {
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** What the user sees when a turn fails: never a stack trace. */
export const TURN_ERROR_MESSAGE =
  '申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。\n' +
  'Sorry, something went wrong while processing your request. Please try again later.';

/**
 * Login hosts MSAL knows without asking the network (its hard-coded instance-discovery metadata) — the public,
 * US government, China and Germany clouds. For these the stock botbuilder path is used unchanged.
 */
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
]);

/** True when the login URL is one of Microsoft's Entra ID hosts (so stock botbuilder/MSAL handles it). */
export function isMicrosoftLoginUrl(loginUrl: string): boolean {
  try {
    const url = new URL(loginUrl);
    return url.protocol === 'https:' && url.port === '' && MICROSOFT_LOGIN_HOSTS.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** The OpenID metadata or its JWKS could not be fetched: the token's validity is unknown, so 503 rather than 401. */
export class AuthUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthUnavailableError';
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function errorName(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : undefined;
}

/**
 * Maps whatever botbuilder's token validation threw to one of two outcomes:
 *  - `AuthUnavailableError` when the OpenID metadata / JWKS fetch failed (node-fetch `FetchError`, or botbuilder's own
 *    `AuthenticationError` with status 500 "Failed to load openID config / Keys"),
 *  - `AuthenticationError(401)` for everything else — expired, wrong audience/issuer/serviceUrl, unknown kid, bad
 *    signature, alg=none, malformed (jsonwebtoken's `JsonWebTokenError`/`NotBeforeError`/`TokenExpiredError`, which
 *    stock botbuilder lets escape as plain errors and CloudAdapter answers with 500), and any unexpected failure:
 *    authentication fails closed.
 */
export function classifyAuthError(err: unknown): AuthenticationError | AuthUnavailableError {
  if (err instanceof AuthUnavailableError) return err;
  const name = errorName(err);
  if ((err instanceof AuthenticationError && err.statusCode >= 500) || name === 'FetchError' || name === 'AbortError') {
    return new AuthUnavailableError(`Token validation keys unavailable: ${errorMessage(err)}`, { cause: err });
  }
  if (err instanceof AuthenticationError && err.statusCode === StatusCodes.UNAUTHORIZED) return err;
  const e = new AuthenticationError(`Unauthorized. ${name ?? 'Error'}: ${errorMessage(err)}`, StatusCodes.UNAUTHORIZED);
  (e as Error & { cause?: unknown }).cause = err;
  return e;
}

/**
 * Delegates everything to the stock `ConfigurationBotFrameworkAuthentication`; only re-types the errors its
 * authenticate* methods throw (see `classifyAuthError`).
 */
class ClassifyingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly connectorRetries = true,
  ) {
    super();
  }
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = this.inner.createConnectorFactory(claimsIdentity);
    if (this.connectorRetries) return factory;
    return {
      async create(serviceUrl: string, audience?: string) {
        const client = await factory.create(serviceUrl, audience);
        // The connector's pipeline retries 429 and 5xx itself (3 times, with backoff); without that policy the
        // caller sees every throttle at once and Retry-After reaches it intact.
        (
          client as unknown as { client: { pipeline: { removePolicy(o: { phase: 'Retry' }): unknown } } }
        ).client.pipeline.removePolicy({ phase: 'Retry' });
        return client;
      },
    } as ConnectorFactory;
  }
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }
  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }
  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

type JsonBody = Record<string, unknown>;

function sendJson(
  res: Response,
  status: number,
  body?: JsonBody | unknown,
  headers: Record<string, string> = {},
): void {
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  if (body !== undefined && body !== null) res.send(body);
  res.end();
}

/** botbuilder's validateAndFixActivity, returning a reason instead of throwing (the stock one throws outside try → 500). */
function parseActivity(body: unknown): { activity: Activity } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { problem: 'the request body must be a JSON activity object (Content-Type: application/json)' };
  }
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.trim() === '') return { problem: 'missing activity type' };
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl.trim() === '')
    return { problem: 'missing serviceUrl' };
  for (const key of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const raw = activity[key];
    if (typeof raw === 'string') {
      const rawKey = `raw${key[0]!.toUpperCase()}${key.slice(1)}`;
      activity[rawKey] = raw;
      (activity as Record<string, unknown>)[key] = new Date(raw);
    }
  }
  return { activity };
}

function headerValue(req: Request, name: string): string {
  const v = req.headers[name] ?? req.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0] ?? '';
  return typeof v === 'string' ? v : '';
}

/**
 * A CloudAdapter whose HTTP `process` maps failures to small JSON answers:
 * 405 non-POST, 400 malformed body, 401 any invalid/absent token (with `WWW-Authenticate: Bearer`),
 * 503 token keys unavailable, 500 anything else (logged; no message or stack in the body).
 * The WebSocket overloads are botbuilder's unchanged.
 */
export class TeleworkCloudAdapter extends CloudAdapter {
  constructor(
    botFrameworkAuthentication: BotFrameworkAuthentication,
    private readonly log: AdapterLog,
  ) {
    super(botFrameworkAuthentication);
  }

  override process(req: Request, res: Response, logic: TurnLogic): Promise<void>;
  override process(req: Request, socket: INodeSocket, head: INodeBuffer, logic: TurnLogic): Promise<void>;
  override process(req: Request, socket: INodeDuplex, head: INodeBuffer, logic: TurnLogic): Promise<void>;
  override async process(
    req: Request,
    resOrSocket: Response | INodeSocket | INodeDuplex,
    logicOrHead: TurnLogic | INodeBuffer,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    if (maybeLogic) {
      return super.process(req, resOrSocket as INodeSocket, logicOrHead as INodeBuffer, maybeLogic);
    }
    const res = resOrSocket as Response;
    const logic = logicOrHead as TurnLogic;
    if (req.method !== undefined && req.method !== 'POST') {
      return sendJson(res, StatusCodes.METHOD_NOT_ALLOWED, { error: 'method_not_allowed' }, { Allow: 'POST' });
    }
    const parsed = parseActivity(req.body);
    if ('problem' in parsed) {
      this.log.warn({ problem: parsed.problem }, 'rejected a malformed activity');
      return sendJson(res, StatusCodes.BAD_REQUEST, { error: 'bad_request', message: parsed.problem });
    }
    const { activity } = parsed;
    const authHeader = headerValue(req, 'authorization');
    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await this.processActivity(authHeader, activity, logic);
    } catch (err) {
      const where = { activityType: activity.type, channelId: activity.channelId };
      if (err instanceof AuthUnavailableError) {
        this.log.error(
          { ...where, reason: err.message },
          'cannot validate the channel token: OpenID metadata unavailable',
        );
        return sendJson(res, 503, { error: 'auth_unavailable' }, { 'Retry-After': '5' });
      }
      if (err instanceof AuthenticationError) {
        this.log.warn(
          { ...where, reason: err.message, hasAuthorization: authHeader !== '' },
          'rejected an unauthenticated request',
        );
        return sendJson(res, StatusCodes.UNAUTHORIZED, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
      }
      this.log.error({ ...where, err }, 'activity processing failed');
      return sendJson(res, StatusCodes.INTERNAL_SERVER_ERROR, { error: 'internal_error' });
    }
    return sendJson(res, invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
  }
}

/**
 * The restify/express route body for POST /api/messages. Equivalent to `adapter.process(req, res, logic)` on the
 * adapter made by `createAdapter`, plus a last-resort 500 if something throws before a response was written.
 */
export async function handleMessages(
  adapter: CloudAdapter,
  req: Request,
  res: Response,
  logic: TurnLogic,
): Promise<void> {
  try {
    await adapter.process(req, res, logic);
  } catch {
    const r = res as Response & { headersSent?: boolean };
    if (!r.headersSent) sendJson(res, StatusCodes.INTERNAL_SERVER_ERROR, { error: 'internal_error' });
  }
}

/** The ConfigurationBotFrameworkAuthentication keys for `auth` (exported for tests and diagnostics). */
export function authConfiguration(auth: BotAuth): ConfigurationBotFrameworkAuthenticationOptions {
  const config: Record<string, string | boolean> = { MicrosoftAppType: auth.appType };
  if (auth.appId) config.MicrosoftAppId = auth.appId;
  if (auth.appPassword) config.MicrosoftAppPassword = auth.appPassword;
  if (auth.tenantId) config.MicrosoftAppTenantId = auth.tenantId;
  if (auth.validateAuthority !== undefined) config.ValidateAuthority = auth.validateAuthority;

  const overridden =
    auth.toBotFromChannelOpenIdMetadataUrl !== undefined ||
    auth.toBotFromChannelTokenIssuer !== undefined ||
    auth.toChannelFromBotLoginUrl !== undefined ||
    auth.toChannelFromBotOAuthScope !== undefined;
  if (overridden) {
    // botbuilder treats "any override set" as "all parameters intentional" and leaves the rest undefined; fill them
    // with the public Azure values so only what was overridden differs.
    const issuer = auth.toBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer;
    config.ToBotFromChannelOpenIdMetadataUrl =
      auth.toBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
    config.ToBotFromChannelTokenIssuer = issuer;
    config.ToChannelFromBotLoginUrl = auth.toChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl;
    config.ToChannelFromBotOAuthScope =
      auth.toChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope;
    config.ToBotFromEmulatorOpenIdMetadataUrl = AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl;
    config.OAuthUrl = AuthenticationConstants.OAuthUrl;
    // Same callerId as production when the channel tokens claim the public Bot Framework issuer.
    if (issuer === AuthenticationConstants.ToBotFromChannelTokenIssuer)
      config.CallerId = CallerIdConstants.PublicAzureChannel;
  }
  return config as ConfigurationBotFrameworkAuthenticationOptions;
}

// @azure/msal-node is botframework-connector's dependency; resolve it from there so both use the same copy.
const requireFromConnector = createRequire(createRequire(import.meta.url).resolve('botframework-connector'));

/**
 * The credentials factory for a non-Microsoft login URL: MSAL with `knownAuthorities: [host]` so it trusts the
 * authority without instance discovery at login.microsoftonline.com. Undefined = use botbuilder's stock factory.
 */
function privateCloudCredentialsFactory(auth: BotAuth, log: AdapterLog): ServiceClientCredentialsFactory | undefined {
  const loginUrl = auth.toChannelFromBotLoginUrl;
  if (!auth.appId || !loginUrl || auth.appType === 'UserAssignedMSI' || isMicrosoftLoginUrl(loginUrl)) return undefined;
  const url = new URL(loginUrl);
  if (url.protocol !== 'https:') {
    throw new Error(`ToChannelFromBotLoginUrl must be an https URL (MSAL refuses other authorities): ${loginUrl}`);
  }
  if (!auth.appPassword)
    throw new Error('MicrosoftAppPassword is required for a private-cloud ToChannelFromBotLoginUrl');
  const msal = requireFromConnector('@azure/msal-node') as typeof Msal;
  const client = new msal.ConfidentialClientApplication({
    auth: {
      clientId: auth.appId,
      clientSecret: auth.appPassword,
      authority: loginUrl,
      knownAuthorities: [url.host],
    },
    system: {
      loggerOptions: {
        // Warnings are noise for client credentials ("No client info in response"); failures are thrown anyway.
        piiLoggingEnabled: false,
        logLevel: msal.LogLevel.Error,
        loggerCallback: (level, message) => {
          if (level <= msal.LogLevel.Error) log.warn({ msal: message }, 'MSAL error');
        },
      },
    },
  });
  return new MsalServiceClientCredentialsFactory(auth.appId, client);
}

/**
 * The bot's adapter. `auth` without appId = anonymous local mode (botbuilder accepts requests without a token and
 * sends replies without one; the server must then bind to loopback only).
 */
export interface AdapterOptions {
  /**
   * false = outgoing connector calls are not retried by botbuilder (its pipeline retries 429 and 5xx up to 3 times,
   * ~6 s per failing send). The delivery engine's adapter uses false so that it sees Teams' throttling itself.
   * Default true (stock behaviour).
   */
  connectorRetries?: boolean;
}

export function createAdapter(auth: BotAuth, log: AdapterLog, options: AdapterOptions = {}): TeleworkCloudAdapter {
  const configuration = new ConfigurationBotFrameworkAuthentication(
    authConfiguration(auth),
    privateCloudCredentialsFactory(auth, log),
  );
  const adapter = new TeleworkCloudAdapter(
    new ClassifyingBotFrameworkAuthentication(configuration, options.connectorRetries ?? true),
    log,
  );

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const activity = context.activity;
    log.error(
      {
        err: error,
        activityType: activity.type,
        activityName: activity.name,
        conversationId: activity.conversation?.id,
      },
      'turn failed',
    );
    try {
      if (activity.type === ActivityTypes.Invoke) {
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
          const value: InvokeResponse =
            activity.name === 'adaptiveCard/action'
              ? {
                  // Universal Actions error response: Teams shows the message on the card.
                  status: StatusCodes.OK,
                  body: {
                    statusCode: 500,
                    type: 'application/vnd.microsoft.error',
                    value: { code: 'InternalServerError', message: TURN_ERROR_MESSAGE },
                  },
                }
              : { status: StatusCodes.INTERNAL_SERVER_ERROR };
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
        }
      } else if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(MessageFactory.text(TURN_ERROR_MESSAGE));
      }
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not tell the user that the turn failed');
    }
  };
  return adapter;
}
