import { z } from 'zod';
import { graphConfigFromEnv, type GraphConfig } from './people/directory/graph.ts';
import { CalendarConfigError, calendarFromEnv, type Calendar } from './schedule/calendar.ts';
import { isGuid } from './input/index.ts';

/** The server's settings, read once from the environment (and `.env` files) and validated at start-up. */
export interface Config {
  port: number;
  /** Anonymous local mode binds to loopback only: nothing but this machine may talk to an unauthenticated bot. */
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  /** Bearer token of the admin API (`/api/admin/…`, used by `npm run cli`); unset = no admin API at all. */
  adminApiToken?: string;
  /** Japanese national holidays and the company's own (NATIONAL_HOLIDAYS, COMPANY_HOLIDAYS). */
  calendar: Calendar;
  directory: {
    /** Where the employees come from: an HR CSV file (the embedded default) or Microsoft Graph. */
    source: 'hr-csv' | 'graph';
    hrCsvFile: string;
    graph?: GraphConfig;
    syncMinutes: number;
  };
  checkin: {
    /** One reminder this long after a person's start time when no check-in came back. */
    reminderAfterMinutes: number;
    /** Who hears of a guideline violation found in a check-in: nobody, the person's manager, or the security contacts. */
    complianceNotify: 'nobody' | 'manager' | 'security';
    /** Entra object ids of the people told at once about a lost device or another incident. */
    securityContacts: string[];
  };
  questions: {
    /**
     * Days the text of a question is kept (apart from the audit log, without who asked) to improve the answers;
     * 0 = not kept at all. A daily job deletes what is older.
     */
    retentionDays: number;
  };
  delivery: {
    /** Proactive sends per second for the whole app, shared by every instance. */
    ratePerSecond: number;
    maxInFlight: number;
    leaseMs: number;
    /** Teams app catalog id: when set with PROACTIVE_INSTALL=true, the app is installed through Graph for people who lack it. */
    teamsCatalogAppId?: string;
    proactiveInstall: boolean;
    /** Where 1:1 conversations are created for people the bot has not met yet (Teams' global endpoint). */
    serviceUrl: string;
  };
  bot: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
    toBotFromChannelOpenIdMetadataUrl?: string;
    toBotFromChannelTokenIssuer?: string;
    toChannelFromBotLoginUrl?: string;
    toChannelFromBotOAuthScope?: string;
    validateAuthority?: boolean;
  };
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url().optional());

const schema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalString,
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .optional(),
  ),
  DIRECTORY_SOURCE: z.preprocess(blankToUndefined, z.enum(['hr-csv', 'graph']).default('hr-csv')),
  HR_CSV_FILE: optionalString,
  DIRECTORY_SYNC_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1440).default(15)),
  CHECKIN_REMINDER_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(720).default(120)),
  COMPLIANCE_NOTIFY: z.preprocess(blankToUndefined, z.enum(['nobody', 'manager', 'security']).default('nobody')),
  SECURITY_CONTACTS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*[0-9a-f-]{36}(\s*,\s*[0-9a-f-]{36})*\s*$/i, 'must be Entra object ids separated by commas')
      .optional(),
  ),
  QUESTION_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(365).default(0)),
  DELIVERY_RATE: z.preprocess(blankToUndefined, z.coerce.number().positive().max(10_000).default(50)),
  DELIVERY_MAX_IN_FLIGHT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(32)),
  DELIVERY_LEASE_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1000).default(60_000)),
  TEAMS_APP_CATALOG_ID: optionalString,
  PROACTIVE_INSTALL: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('false')),
  DELIVERY_SERVICE_URL: z.preprocess(blankToUndefined, z.url().default('https://smba.trafficmanager.net/teams/')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  ADMIN_API_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optionalString,
  BOT_ID: optionalString,
  BOT_PASSWORD: optionalString,
  BOT_TENANT_ID: optionalString,
  BOT_TYPE: optionalString,
  ToBotFromChannelOpenIdMetadataUrl: optionalUrl,
  ToBotFromChannelTokenIssuer: optionalString,
  ToChannelFromBotLoginUrl: optionalUrl,
  ToChannelFromBotOAuthScope: optionalString,
  ValidateAuthority: z.preprocess(blankToUndefined, z.enum(['true', 'false']).optional()),
});

type Env = z.infer<typeof schema>;
type Issue = { path: string; message: string };

/** Rules between settings; checked even when a single setting is malformed, so every problem is told at once. */
function crossChecks(raw: NodeJS.ProcessEnv): Issue[] {
  const issues: Issue[] = [];
  const get = (k: string) => (raw[k]?.trim() ? raw[k]!.trim() : undefined);
  const issue = (path: string, message: string) => issues.push({ path, message });
  const env = {
    MicrosoftAppId: get('MicrosoftAppId'),
    MicrosoftAppPassword: get('MicrosoftAppPassword'),
    MicrosoftAppTenantId: get('MicrosoftAppTenantId'),
    MicrosoftAppType: get('MicrosoftAppType') ?? 'MultiTenant',
    BOT_ID: get('BOT_ID'),
    BOT_PASSWORD: get('BOT_PASSWORD'),
    BOT_TENANT_ID: get('BOT_TENANT_ID'),
    BOT_TYPE: get('BOT_TYPE'),
    HOST: get('HOST'),
  };
  const appId = env.MicrosoftAppId ?? env.BOT_ID;
  const password = env.MicrosoftAppPassword ?? env.BOT_PASSWORD;
  const tenant = env.MicrosoftAppTenantId ?? env.BOT_TENANT_ID;
  const type = env.BOT_TYPE ?? env.MicrosoftAppType;
  if (appId && !isGuid(appId)) {
    issue('MicrosoftAppId', "must be the bot's Entra ID application (client) id, a GUID");
  }
  if (appId && type !== 'UserAssignedMSI' && !password) {
    issue('MicrosoftAppPassword', 'is required when MicrosoftAppId is set (or use BOT_PASSWORD)');
  }
  if (!appId && password) {
    issue('MicrosoftAppId', 'is missing while MicrosoftAppPassword is set');
  }
  if (appId && type !== 'MultiTenant' && !tenant) {
    issue('MicrosoftAppTenantId', `is required for MicrosoftAppType=${type}`);
  }
  if (!appId && env.HOST && !isLoopback(env.HOST)) {
    issue(
      'HOST',
      'must be a loopback address while MicrosoftAppId is unset: an anonymous bot accepts unauthenticated requests',
    );
  }
  try {
    calendarFromEnv(raw);
  } catch (err) {
    if (!(err instanceof CalendarConfigError)) throw err;
    issue(
      err.message.startsWith('NATIONAL_HOLIDAYS') ? 'NATIONAL_HOLIDAYS' : 'COMPANY_HOLIDAYS',
      err.message.replace(/^[A-Z_]+:\s*/, ''),
    );
  }
  if (get('DIRECTORY_SOURCE') === 'graph' && !graphConfigFromEnv(raw)) {
    issue(
      'DIRECTORY_SOURCE',
      "is graph, but GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or the bot's credentials) are not all set",
    );
  }
  if (get('PROACTIVE_INSTALL') === 'true' && (get('DIRECTORY_SOURCE') !== 'graph' || !get('TEAMS_APP_CATALOG_ID'))) {
    issue(
      'PROACTIVE_INSTALL',
      "needs DIRECTORY_SOURCE=graph and TEAMS_APP_CATALOG_ID (the app's id in the Teams app catalog)",
    );
  }
  if (env.BOT_TYPE && !['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(env.BOT_TYPE)) {
    issue('BOT_TYPE', 'must be MultiTenant, SingleTenant or UserAssignedMSI');
  }
  return issues;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`)),
    ...crossChecks(env).map((i) => `${i.path} ${i.message}`),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e: Env = parsed.data;
  const appId = e.MicrosoftAppId ?? e.BOT_ID;
  return {
    port: e.PORT,
    host: e.HOST ?? (appId ? '0.0.0.0' : '127.0.0.1'),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    adminApiToken: e.ADMIN_API_TOKEN,
    calendar: calendarFromEnv(env),
    directory: {
      source: e.DIRECTORY_SOURCE,
      hrCsvFile: e.HR_CSV_FILE ?? `${e.DATA_DIR.replace(/\/+$/, '')}/hr.csv`,
      graph: e.DIRECTORY_SOURCE === 'graph' ? graphConfigFromEnv(env) : undefined,
      syncMinutes: e.DIRECTORY_SYNC_MINUTES,
    },
    checkin: {
      reminderAfterMinutes: e.CHECKIN_REMINDER_MINUTES,
      complianceNotify: e.COMPLIANCE_NOTIFY,
      securityContacts: (e.SECURITY_CONTACTS ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    },
    questions: { retentionDays: e.QUESTION_RETENTION_DAYS },
    delivery: {
      ratePerSecond: e.DELIVERY_RATE,
      maxInFlight: e.DELIVERY_MAX_IN_FLIGHT,
      leaseMs: e.DELIVERY_LEASE_MS,
      serviceUrl: e.DELIVERY_SERVICE_URL,
      teamsCatalogAppId: e.TEAMS_APP_CATALOG_ID,
      proactiveInstall: e.PROACTIVE_INSTALL === 'true',
    },
    bot: {
      appId,
      appPassword: e.MicrosoftAppPassword ?? e.BOT_PASSWORD,
      appType: (e.BOT_TYPE as Config['bot']['appType'] | undefined) ?? e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId ?? e.BOT_TENANT_ID,
      toBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
      toBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer,
      toChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl,
      toChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope,
      validateAuthority: e.ValidateAuthority === undefined ? undefined : e.ValidateAuthority === 'true',
    },
  };
}
