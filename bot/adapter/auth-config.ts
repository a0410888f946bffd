/**
 * Which endpoints and credentials botbuilder uses, from the bot's settings. Production (public Azure) gets
 * botbuilder's stock keys unchanged; the two departures are explained where they happen.
 */
import { createRequire } from 'node:module';
import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type * as Msal from '@azure/msal-node' with { 'resolution-mode': 'require' };
import type { AdapterLog } from './log.ts';

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
export function privateCloudCredentialsFactory(
  auth: BotAuth,
  log: AdapterLog,
): ServiceClientCredentialsFactory | undefined {
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
