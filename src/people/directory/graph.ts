import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../log.ts';
import { systemClock, type Clock } from '../../ports.ts';
import type { DirectoryDb, DirectoryStore, GraphPatch } from './store.ts';

export interface GraphConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Default https://graph.microsoft.com/v1.0 */
  baseUrl?: string;
  /** Default login.microsoftonline.com */
  authorityHost?: string;
  /** Retries of a throttled (429) or unavailable (503/504) call, honouring Retry-After; default 5, at most 10. */
  maxRetries?: number;
}

/** Reads GRAPH_* (falling back to the bot's own app registration); undefined when there is nothing to sign in with. */
export function graphConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GraphConfig | undefined {
  const tenantId = env.GRAPH_TENANT_ID || env.MicrosoftAppTenantId || env.BOT_TENANT_ID;
  const clientId = env.GRAPH_CLIENT_ID || env.MicrosoftAppId || env.BOT_ID;
  const clientSecret = env.GRAPH_CLIENT_SECRET || env.MicrosoftAppPassword || env.BOT_PASSWORD;
  if (!tenantId || !clientId || !clientSecret) return undefined;
  return {
    tenantId,
    clientId,
    clientSecret,
    baseUrl: env.GRAPH_BASE_URL || undefined,
    authorityHost: env.GRAPH_AUTHORITY_HOST || undefined,
  };
}

const USER_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'department',
  'jobTitle',
  'officeLocation',
  'usageLocation',
  'employeeId',
  'employeeHireDate',
  'accountEnabled',
  'userType',
];
const FEED = 'graph-users';

interface GraphUser {
  id: string;
  '@removed'?: { reason?: string };
  userType?: string | null;
  accountEnabled?: boolean | null;
  employeeHireDate?: string | null;
  manager?: { id?: string } | null;
  'manager@delta'?: { id: string; '@removed'?: unknown }[];
  [field: string]: unknown;
}

interface GraphPage {
  value: GraphUser[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface SyncResult {
  mode: 'full' | 'delta' | 'skipped';
  inserted: number;
  updated: number;
  removed: number;
  pages: number;
}

const SYNC_LOCK = 7_301_002;

/** `full`: a full read, where a missing manager means none (delta rounds omit what did not change). */
function toPatch(u: GraphUser, full: boolean): GraphPatch {
  const p: GraphPatch = { aadObjectId: u.id };
  const copy = (from: string, to: keyof GraphPatch) => {
    if (from in u) (p as unknown as Record<string, unknown>)[to] = (u[from] as string | null) ?? null;
  };
  copy('employeeId', 'employeeId');
  copy('displayName', 'displayName');
  copy('mail', 'mail');
  copy('userPrincipalName', 'userPrincipalName');
  copy('department', 'department');
  copy('jobTitle', 'jobTitle');
  copy('officeLocation', 'officeLocation');
  copy('usageLocation', 'usageLocation');
  if ('employeeHireDate' in u) p.hireDate = u.employeeHireDate ? u.employeeHireDate.slice(0, 10) : null;
  if ('accountEnabled' in u) p.active = u.accountEnabled !== false;
  if ('manager' in u || full) p.managerAadObjectId = u.manager?.id ?? null;
  const managerDelta = u['manager@delta'];
  if (managerDelta) p.managerAadObjectId = managerDelta.find((m) => !('@removed' in m))?.id ?? null;
  return p;
}

/** Microsoft Graph, app-only: who works here (users, managers), kept current with delta queries. */
export function createGraphDirectory(deps: { db: DirectoryDb; config: GraphConfig; log: Logger; clock?: Clock }) {
  const { config, db, log } = deps;
  const clock = deps.clock ?? systemClock;
  const baseUrl = (config.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/$/, '');
  const authorityHost = config.authorityHost ?? 'login.microsoftonline.com';
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authority: `https://${authorityHost}/${config.tenantId}`,
      // A host other than the public cloud's is trusted as given: no instance discovery call to the internet.
      ...(authorityHost === 'login.microsoftonline.com' ? {} : { knownAuthorities: [authorityHost] }),
    },
  });
  const authHandler = new AuthenticationHandler({
    getAccessToken: async () => {
      const token = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      if (!token?.accessToken) throw new Error('Entra ID gave no access token for Microsoft Graph');
      return token.accessToken;
    },
  });
  const retryHandler = new RetryHandler(new RetryHandlerOptions(1, Math.min(config.maxRetries ?? 5, 10)));
  authHandler.setNext(retryHandler);
  retryHandler.setNext(new HTTPMessageHandler());
  const url = new URL(baseUrl);
  const graph = Client.initWithMiddleware({
    middleware: authHandler,
    baseUrl: url.origin,
    defaultVersion: url.pathname.replace(/^\//, ''),
    customHosts: url.hostname === 'graph.microsoft.com' ? undefined : new Set([url.hostname]),
  });

  async function readAll(
    firstUrl: string,
    onPage: (users: GraphUser[]) => Promise<void>,
  ): Promise<{ deltaLink?: string; pages: number }> {
    let next: string | undefined = firstUrl;
    let pages = 0;
    let deltaLink: string | undefined;
    while (next) {
      const page = (await graph.api(next).get()) as GraphPage;
      pages++;
      await onPage(page.value ?? []);
      next = page['@odata.nextLink'];
      deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    }
    return { deltaLink, pages };
  }

  /** Who a full read has seen so far. */
  const seen = new Set<string>();

  async function applyPage(
    store: DirectoryStore,
    users: GraphUser[],
    result: SyncResult,
    full: boolean,
  ): Promise<void> {
    const at = clock.now();
    const gone = users.filter((u) => u['@removed'] || u.userType === 'Guest').map((u) => u.id);
    const present = users.filter((u) => !u['@removed'] && u.userType !== 'Guest').map((u) => toPatch(u, full));
    const { inserted, updated } = await store.upsertGraphPatches(present, at);
    result.inserted += inserted;
    result.updated += updated;
    result.removed += await store.markRemoved(gone, at);
    if (full) for (const p of present) seen.add(p.aadObjectId);
  }

  return {
    /**
     * One round: the first time a full read of /users (with managers) after taking a delta token, later only what
     * changed since the stored @odata.deltaLink. Several instances may call it; one syncs, the others skip.
     */
    async syncOnce(): Promise<SyncResult> {
      const result: SyncResult = { mode: 'skipped', inserted: 0, updated: 0, removed: 0, pages: 0 };
      const synced = await db.exclusively(SYNC_LOCK, async (store) => {
        const select = USER_FIELDS.join(',');
        seen.clear();
        let deltaLink = await store.getDeltaLink(FEED);
        if (deltaLink) {
          result.mode = 'delta';
          try {
            const read = await readAll(deltaLink, (users) => applyPage(store, users, result, false));
            result.pages = read.pages;
            deltaLink = read.deltaLink;
          } catch (err) {
            // An expired delta token (410 Gone, "resync required"): start over with a full read.
            if (!(err instanceof GraphError && err.statusCode === 410)) throw err;
            log.warn({ code: err.code }, 'Graph delta token expired; reading the whole directory again');
            deltaLink = undefined;
          }
        }
        if (!deltaLink) {
          result.mode = 'full';
          // The token comes first so that whatever changes during the full read is replayed by the next delta.
          const start = await readAll(`/users/delta?$select=${select},manager&$deltaToken=latest`, async () => {});
          const read = await readAll(`/users?$select=${select}&$expand=manager($select=id)&$top=999`, (users) =>
            applyPage(store, users, result, true),
          );
          result.pages += read.pages;
          result.removed += await store.markGraphPeopleNotIn([...seen], clock.now());
          deltaLink = start.deltaLink;
        }
        await store.promoteManagers(clock.now());
        if (deltaLink) await store.saveDeltaLink(FEED, deltaLink, clock.now());
        log.info(result, 'directory synchronised from Microsoft Graph');
        return result;
      });
      return synced ?? result;
    },

    /** Installs the Teams app for a person so the bot can write first; already installed counts as done. */
    async installAppForUser(
      aadObjectId: string,
      teamsCatalogAppId: string,
    ): Promise<{ ok: true } | { ok: false; reason: string }> {
      try {
        await graph.api(`/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`).post({
          'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsCatalogAppId}`,
        });
        return { ok: true };
      } catch (err) {
        if (err instanceof GraphError && err.statusCode === 409) return { ok: true };
        const reason =
          err instanceof GraphError ? `${err.statusCode} ${err.code ?? ''} ${err.message}`.trim() : String(err);
        log.warn({ aadObjectId, reason }, 'could not install the Teams app for a person');
        return { ok: false, reason };
      }
    },
  };
}

export type GraphDirectory = ReturnType<typeof createGraphDirectory>;
