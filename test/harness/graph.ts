/**
 * A local Microsoft Graph and Entra ID on loopback (one TLS server, certificate from certs.ts), speaking the real
 * wire shapes so that @azure/msal-node and @microsoft/microsoft-graph-client run unchanged:
 *  - Entra ID: `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/oauth2/v2.0/token` (client credentials
 *    for https://graph.microsoft.com/.default; tokens are opaque strings the Graph side then checks).
 *  - Graph v1.0: `/users` ($select, $expand=manager($select=id), $top, @odata.nextLink), `/users/{id}/manager`,
 *    `/users/delta` ($deltaToken=latest, @odata.deltaLink, changed properties only, @removed, manager@delta),
 *    `POST /users/{id}/teamwork/installedApps` (201, 409 when installed, 404 unknown user).
 * `failNext` answers the next Graph calls with 429/503/504 and a Retry-After, as Graph throttling does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeLoopbackCertificates } from './certs.ts';

export interface GraphUserRecord {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName?: string;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  usageLocation?: string | null;
  employeeId?: string | null;
  employeeHireDate?: string | null;
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
  managerId?: string | null;
}

export interface GraphRequestRecord {
  method: string;
  path: string;
  status: number;
  time: number;
}

interface Change {
  seq: number;
  id: string;
  removed: boolean;
  fields: string[];
}

const SELECTABLE = [
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

export async function startLocalGraph(
  opts: { tenantId?: string; clientId?: string; clientSecret?: string; pageSize?: number } = {},
) {
  const tenantId = opts.tenantId ?? randomUUID();
  const clientId = opts.clientId ?? randomUUID();
  const clientSecret = opts.clientSecret ?? randomBytes(12).toString('hex');
  let pageSize = opts.pageSize ?? 2;
  const certs = makeLoopbackCertificates();
  const users = new Map<string, GraphUserRecord>();
  const changes: Change[] = [];
  let seq = 0;
  const tokens = new Set<string>();
  const installed = new Map<string, Set<string>>();
  const requests: GraphRequestRecord[] = [];
  const loginRequests: string[] = [];
  let expiredBefore = 0;
  const tokenRequests: { clientId?: string; scope?: string; ok: boolean }[] = [];
  let failures: { status: number; retryAfter?: number }[] = [];

  const server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    handle(req, res).catch((err: Error) => json(res, 500, { error: { code: 'HarnessError', message: err.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `https://127.0.0.1:${port}`;
  const base = `${origin}/v1.0`;

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }
  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  const graphError = (res: ServerResponse, status: number, code: string, message: string, headers = {}) =>
    json(
      res,
      status,
      { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } },
      headers,
    );

  function project(u: GraphUserRecord, select: string[] | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = { id: u.id };
    for (const f of select ?? SELECTABLE)
      if (f !== 'manager' && f in u) out[f] = (u as unknown as Record<string, unknown>)[f] ?? null;
    if (select) for (const f of select) if (SELECTABLE.includes(f) && !(f in out)) out[f] = null;
    return out;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);

    // ---- Entra ID ----
    if (parts[0] !== 'v1.0') {
      loginRequests.push(`${method} ${url.pathname}`);
      const tenant = parts[0];
      const rest = parts.slice(1).join('/');
      if (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') {
        return json(res, 200, {
          token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: `${origin}/${tenant}/v2.0`,
          authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
          tenant_region_scope: 'AS',
          cloud_instance_name: 'localhost',
        });
      }
      if (rest === 'oauth2/v2.0/token' && method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const rec = { clientId: form.get('client_id') ?? undefined, scope: form.get('scope') ?? undefined, ok: false };
        tokenRequests.push(rec);
        const fail = (status: number, error: string, description: string) =>
          json(res, status, {
            error,
            error_description: description,
            error_codes: [Number(description.slice(6, 12))],
            timestamp: new Date().toISOString(),
            trace_id: randomUUID(),
            correlation_id: randomUUID(),
          });
        if (tenant !== tenantId) return fail(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
        if (form.get('grant_type') !== 'client_credentials')
          return fail(400, 'unsupported_grant_type', 'AADSTS70003: unsupported grant type.');
        if (rec.clientId !== clientId)
          return fail(
            400,
            'unauthorized_client',
            `AADSTS700016: Application with identifier '${rec.clientId}' was not found in the directory.`,
          );
        if (form.get('client_secret') !== clientSecret)
          return fail(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
        if (rec.scope !== 'https://graph.microsoft.com/.default')
          return fail(400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${rec.scope} is not valid.`);
        rec.ok = true;
        const token = randomBytes(24).toString('base64url');
        tokens.add(token);
        return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      }
      return json(res, 404, { error: 'not_found' });
    }

    // ---- Graph ----
    const record = (status: number) =>
      requests.push({ method, path: decodeURIComponent(url.pathname + url.search), status, time: Date.now() });
    const auth = req.headers.authorization?.split(' ');
    if (auth?.[0] !== 'Bearer' || !auth[1] || !tokens.has(auth[1])) {
      record(401);
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    const failure = failures.shift();
    if (failure) {
      record(failure.status);
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
      return graphError(
        res,
        failure.status,
        failure.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
        'Please retry.',
        headers,
      );
    }
    const q = url.searchParams;
    const select = q.get('$select')?.split(',').filter(Boolean);
    const [, coll, id, sub, sub2] = parts;
    if (coll !== 'users') {
      record(404);
      return graphError(res, 404, 'Request_ResourceNotFound', 'no such resource');
    }

    if (method === 'GET' && id === 'delta') {
      const token = q.get('$deltatoken') ?? q.get('$deltaToken');
      if (token === 'latest') {
        record(200);
        return json(res, 200, {
          '@odata.context': `${base}/$metadata#users(${select?.join(',') ?? ''})`,
          value: [],
          '@odata.deltaLink': `${base}/users/delta?$deltatoken=${seq}`,
        });
      }
      if (token !== null && Number(token) < expiredBefore) {
        record(410);
        return graphError(res, 410, 'SyncStateNotFound', 'The sync state generation is not found. Resync required.');
      }
      const skip = q.get('$skiptoken');
      const state = skip
        ? (JSON.parse(Buffer.from(skip, 'base64url').toString()) as { since: number; upTo: number; offset: number })
        : { since: token === null ? -1 : Number(token), upTo: seq, offset: 0 };
      const entries = deltaEntries(state.since, state.upTo);
      const pageItems = entries.slice(state.offset, state.offset + pageSize);
      const more = state.offset + pageSize < entries.length;
      record(200);
      return json(res, 200, {
        '@odata.context': `${base}/$metadata#users`,
        value: pageItems,
        ...(more
          ? {
              '@odata.nextLink': `${base}/users/delta?$skiptoken=${Buffer.from(JSON.stringify({ ...state, offset: state.offset + pageSize })).toString('base64url')}`,
            }
          : { '@odata.deltaLink': `${base}/users/delta?$deltatoken=${state.upTo}` }),
      });
    }

    if (method === 'GET' && !id) {
      const top = Math.min(Number(q.get('$top') ?? 100), pageSize);
      const skip = q.get('$skiptoken');
      const offset = skip ? Number(Buffer.from(skip, 'base64url').toString()) : 0;
      const all = [...users.values()];
      const expandManager = (q.get('$expand') ?? '').startsWith('manager');
      const value = all.slice(offset, offset + top).map((u) => {
        const out = project(u, select);
        if (expandManager && u.managerId) out.manager = { '@odata.type': '#microsoft.graph.user', id: u.managerId };
        return out;
      });
      // Like Graph: the same query, unencoded, with an opaque $skiptoken appended.
      const keep = url.search
        .slice(1)
        .split('&')
        .filter((kv) => !/^(\$|%24)skiptoken=/i.test(kv));
      keep.push(`$skiptoken=${Buffer.from(String(offset + top)).toString('base64url')}`);
      const nextLink = `${base}/users?${keep.join('&')}`;
      record(200);
      return json(res, 200, {
        '@odata.context': `${base}/$metadata#users`,
        value,
        ...(offset + top < all.length ? { '@odata.nextLink': nextLink } : {}),
      });
    }

    const user = id ? users.get(id) : undefined;
    if (!user) {
      record(404);
      return graphError(
        res,
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    if (method === 'GET' && sub === 'manager') {
      const manager = user.managerId ? users.get(user.managerId) : undefined;
      if (!manager) {
        record(404);
        return graphError(
          res,
          404,
          'Request_ResourceNotFound',
          `Resource 'manager' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      record(200);
      return json(res, 200, { '@odata.type': '#microsoft.graph.user', ...project(manager, select) });
    }
    if (method === 'GET' && !sub) {
      record(200);
      return json(res, 200, project(user, select));
    }
    if (method === 'POST' && sub === 'teamwork' && sub2 === 'installedApps') {
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, string>;
      const bind = body['teamsApp@odata.bind'] ?? '';
      const m = /^https:\/\/graph\.microsoft\.com\/v1\.0\/appCatalogs\/teamsApps\/([\w-]+)$/.exec(bind);
      if (!m) {
        record(400);
        return graphError(res, 400, 'BadRequest', 'teamsApp@odata.bind is missing or malformed.');
      }
      const apps = installed.get(user.id) ?? new Set<string>();
      if (apps.has(m[1]!)) {
        record(409);
        return graphError(res, 409, 'Conflict', 'App is already installed.');
      }
      apps.add(m[1]!);
      installed.set(user.id, apps);
      record(201);
      res.writeHead(201, { 'content-length': '0' });
      return res.end();
    }
    record(405);
    return graphError(res, 405, 'MethodNotAllowed', `${method} not supported here`);
  }

  function deltaEntries(since: number, upTo: number): Record<string, unknown>[] {
    if (since < 0)
      return [...users.values()].map((u) => ({
        ...project(u, undefined),
        ...(u.managerId ? { 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: u.managerId }] } : {}),
      }));
    const byId = new Map<string, { removed: boolean; fields: Set<string> }>();
    for (const c of changes) {
      if (c.seq <= since || c.seq > upTo) continue;
      const e = byId.get(c.id) ?? { removed: false, fields: new Set<string>() };
      e.removed = c.removed;
      for (const f of c.fields) e.fields.add(f);
      byId.set(c.id, e);
    }
    return [...byId].map(([id, e]) => {
      const u = users.get(id);
      if (e.removed || !u) return { '@odata.type': '#microsoft.graph.user', id, '@removed': { reason: 'changed' } };
      const out: Record<string, unknown> = { '@odata.type': '#microsoft.graph.user', id };
      for (const f of e.fields) {
        if (f === 'managerId')
          out['manager@delta'] = u.managerId ? [{ '@odata.type': '#microsoft.graph.user', id: u.managerId }] : [];
        else out[f] = (u as unknown as Record<string, unknown>)[f] ?? null;
      }
      return out;
    });
  }

  const change = (id: string, removed: boolean, fields: string[]) => changes.push({ seq: ++seq, id, removed, fields });

  return {
    tenantId,
    clientId,
    clientSecret,
    caFile: certs.caFile,
    baseUrl: base,
    authorityHost: `127.0.0.1:${port}`,
    /** The env a process using graphConfigFromEnv needs to reach this double. */
    env(): Record<string, string> {
      return {
        GRAPH_TENANT_ID: tenantId,
        GRAPH_CLIENT_ID: clientId,
        GRAPH_CLIENT_SECRET: clientSecret,
        GRAPH_BASE_URL: base,
        GRAPH_AUTHORITY_HOST: `127.0.0.1:${port}`,
        NODE_EXTRA_CA_CERTS: certs.caFile,
      };
    },
    addUser(u: GraphUserRecord) {
      const full: GraphUserRecord = {
        accountEnabled: true,
        userType: 'Member',
        userPrincipalName: u.mail ?? `${u.id}@example.com`,
        ...u,
      };
      users.set(u.id, full);
      change(
        u.id,
        false,
        Object.keys(full).filter((k) => k !== 'id'),
      );
    },
    updateUser(id: string, fields: Partial<Omit<GraphUserRecord, 'id'>>) {
      const u = users.get(id);
      if (!u) throw new Error(`no user ${id}`);
      Object.assign(u, fields);
      change(id, false, Object.keys(fields));
    },
    removeUser(id: string) {
      users.delete(id);
      change(id, true, []);
    },
    /** The next `count` Graph calls answer `status` (429, 503, 504) with Retry-After seconds. */
    failNext(count: number, status: 429 | 503 | 504, retryAfter?: number) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter });
    },
    /** Delta links handed out so far answer 410 Gone, as Graph does when a sync state has expired. */
    expireDeltaLinks() {
      expiredBefore = seq + 1;
    },
    setPageSize(n: number) {
      pageSize = n;
    },
    installedApps: (id: string) => [...(installed.get(id) ?? [])],
    requests: () => [...requests],
    tokenRequests: () => [...tokenRequests],
    /** Every Entra ID request, `METHOD /path`. */
    loginRequests: () => [...loginRequests],
    clearRequests() {
      requests.length = 0;
      failures = [];
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      certs.remove();
    },
  };
}

export type LocalGraph = Awaited<ReturnType<typeof startLocalGraph>>;
