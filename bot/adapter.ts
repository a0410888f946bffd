/**
 * The bot's Bot Framework adapter and credentials. The concerns live in bot/adapter/*.ts; this file composes them.
 *
 * Production (public Azure) runs botbuilder's stock path: `ConfigurationBotFrameworkAuthentication` with the standard
 * keys, whose `ConfigurationServiceClientCredentialFactory` gets reply tokens from login.microsoftonline.com through MSAL.
 * The only departures from stock are:
 *
 *  1. When `toChannelFromBotLoginUrl` points at a host that is not a Microsoft login host (a private cloud, or the local
 *     test channel on loopback), the reply token comes from an MSAL `ConfidentialClientApplication` built with
 *     `knownAuthorities: [host]`. Stock botbuilder builds that client without `knownAuthorities`, and MSAL then asks
 *     login.microsoftonline.com for "instance discovery" of the foreign authority — a call to the internet for every
 *     private authority, which fails offline (`untrusted_authority`). With `knownAuthorities`, MSAL's only calls go to the
 *     authority itself: its OpenID configuration and its token endpoint. (adapter/auth-config.ts)
 *  2. Authentication failures are classified once, where they happen: every rejection of the inbound token is a 401,
 *     an unreachable OpenID metadata / JWKS endpoint is a 503. (adapter/auth-errors.ts)
 *  3. `process` answers malformed activities with 400 (stock: 500 or an unhandled rejection) and never puts an error
 *     message or stack in a response body; `tokenProblem` lets the HTTP edge refuse a request that carries no usable
 *     token before reading its body. (adapter/cloud-adapter.ts, adapter/bearer.ts)
 *  4. When some but not all of the override keys are set, the unset ones get the public Azure defaults (stock
 *     botbuilder leaves them undefined, which breaks the outgoing path and the emulator-token path).
 *  5. botbuilder's own console output (rejected tokens with the signing key) goes to the log as codes.
 *     (adapter/console.ts)
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { authConfiguration, privateCloudCredentialsFactory, type BotAuth } from './adapter/auth-config.ts';
import { ClassifyingBotFrameworkAuthentication } from './adapter/auth-errors.ts';
import { TeleworkCloudAdapter } from './adapter/cloud-adapter.ts';
import { routeBotbuilderConsole } from './adapter/console.ts';
import type { AdapterLog } from './adapter/log.ts';
import { turnErrorHandler } from './adapter/turn-error.ts';

export { authConfiguration, isMicrosoftLoginUrl, type BotAuth } from './adapter/auth-config.ts';
export { AuthUnavailableError, classifyAuthError } from './adapter/auth-errors.ts';
export { TeleworkCloudAdapter, type TurnLogic } from './adapter/cloud-adapter.ts';
export type { AdapterLog } from './adapter/log.ts';
export { TURN_ERROR_MESSAGE } from './adapter/turn-error.ts';

export interface AdapterOptions {
  /**
   * false = outgoing connector calls are not retried by botbuilder (its pipeline retries 429 and 5xx up to 3 times,
   * ~6 s per failing send). The delivery engine's adapter uses false so that it sees Teams' throttling itself.
   * Default true (stock behaviour).
   */
  connectorRetries?: boolean;
}

/**
 * The bot's adapter. `auth` without appId = anonymous local mode (botbuilder accepts requests without a token and
 * sends replies without one; the server must then bind to loopback only).
 */
export function createAdapter(auth: BotAuth, log: AdapterLog, options: AdapterOptions = {}): TeleworkCloudAdapter {
  routeBotbuilderConsole(log);
  const configuration = new ConfigurationBotFrameworkAuthentication(
    authConfiguration(auth),
    privateCloudCredentialsFactory(auth, log),
  );
  const adapter = new TeleworkCloudAdapter(
    new ClassifyingBotFrameworkAuthentication(configuration, options.connectorRetries ?? true),
    log,
    Boolean(auth.appId),
  );
  adapter.onTurnError = turnErrorHandler(log);
  return adapter;
}
