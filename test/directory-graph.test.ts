import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../src/people/directory/index.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';
import { pgUserStore } from '../src/store/users.ts';
import { startLocalGraph, type LocalGraph } from './harness/graph.ts';
import { REPO_ROOT } from './harness/spawn.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

const run = promisify(execFile);
let db: Awaited<ReturnType<typeof startTestDatabase>>;
let graph: LocalGraph;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const boss = id(1);
const alice = id(2);
const bob = id(3);
const carol = id(4);
const dave = id(5);

/** The Graph sync runs in a child process configured by env only, exactly as the server would configure it. */
async function graphCommand(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/directory-graph-run.ts', ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...graph.env(),
      DATABASE_URL: (db.pool.options as { connectionString: string }).connectionString,
    },
    timeout: 25_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

beforeAll(async () => {
  [db, graph] = await Promise.all([startTestDatabase(), startLocalGraph({ pageSize: 2 })]);
  graph.addUser({
    id: boss,
    displayName: '佐藤 部長',
    mail: 'sato@example.co.jp',
    department: '情報システム部',
    jobTitle: '部長',
    employeeId: 'E001',
    employeeHireDate: '2001-04-01T00:00:00Z',
    usageLocation: 'JP',
  });
  graph.addUser({
    id: alice,
    displayName: '山田 花子',
    mail: 'hanako@example.co.jp',
    department: '情報システム部',
    employeeId: 'E002',
    managerId: boss,
    officeLocation: '本社 12F',
  });
  graph.addUser({
    id: bob,
    displayName: '鈴木 一郎',
    mail: 'ichiro@example.co.jp',
    department: '営業部',
    employeeId: 'E003',
    managerId: boss,
  });
  graph.addUser({ id: id(99), displayName: 'Guest Person', mail: 'guest@partner.example', userType: 'Guest' });
});
afterAll(async () => {
  await graph?.close();
  await db?.close();
});

describe('directory from Microsoft Graph (app-only, on a loopback Graph)', () => {
  it('reads every user and their manager across pages on the first sync, employees only', async () => {
    const result = await graphCommand('sync');
    expect(result).toMatchObject({ mode: 'full', inserted: 3, removed: 0, pages: 2 });
    expect(graph.tokenRequests().every((t) => t.ok && t.scope === 'https://graph.microsoft.com/.default')).toBe(true);
    // knownAuthorities: MSAL trusts the configured host and asks no instance discovery of anyone.
    expect(graph.loginRequests().filter((r) => r.includes('discovery'))).toEqual([]);
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect(await directory.findPerson(alice)).toMatchObject({
      displayName: '山田 花子',
      mail: 'hanako@example.co.jp',
      department: '情報システム部',
      officeLocation: '本社 12F',
      employeeId: 'E002',
      managerAadObjectId: boss,
      role: 'employee',
      source: 'graph',
      active: true,
      installed: false,
    });
    expect(await directory.findPerson(boss)).toMatchObject({ role: 'manager', hireDate: '2001-04-01' });
    expect(await directory.findPerson(id(99))).toBeUndefined();
    const paths = graph.requests().map((r) => r.path);
    expect(paths[0]).toMatch(/^\/v1\.0\/users\/delta\?.*deltatoken=latest/i);
    expect(paths.some((p) => p.includes('$skiptoken='))).toBe(true);
  });

  it('then applies only what changed, marking people who left as gone rather than deleting them', async () => {
    graph.clearRequests();
    graph.updateUser(bob, { department: '情報システム部', managerId: alice });
    graph.removeUser(boss);
    graph.addUser({
      id: carol,
      displayName: '高橋 美咲',
      mail: 'misaki@example.co.jp',
      employeeId: 'E004',
      managerId: alice,
    });
    const result = await graphCommand('sync');
    expect(result).toMatchObject({ mode: 'delta', inserted: 1, updated: 1, removed: 1 });
    expect(graph.requests().every((r) => r.path.includes('/users/delta'))).toBe(true);
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect(await directory.findPerson(bob)).toMatchObject({
      department: '情報システム部',
      managerAadObjectId: alice,
      displayName: '鈴木 一郎',
      mail: 'ichiro@example.co.jp',
    });
    expect(await directory.findPerson(boss)).toMatchObject({ active: false, displayName: '佐藤 部長' });
    expect(await directory.findPerson(alice)).toMatchObject({ role: 'manager' });
    expect((await directory.listPeople()).map((p) => p.aadObjectId)).toEqual([alice, bob, carol]);

    // A disabled account is no longer someone to reach; nothing changed means nothing written.
    graph.updateUser(carol, { accountEnabled: false });
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 1, inserted: 0 });
    expect(await directory.findPerson(carol)).toMatchObject({ active: false });
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 0, inserted: 0, removed: 0 });

    // A deleted account restored in Entra ID comes back.
    graph.addUser({ id: boss, displayName: '佐藤 部長', mail: 'sato@example.co.jp', employeeId: 'E001' });
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 1 });
    expect(await directory.findPerson(boss)).toMatchObject({ active: true, removedAt: undefined });
    graph.removeUser(boss);
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', removed: 1 });
  });

  it('waits as Graph asks when throttled (429 Retry-After, 503) and still finishes the round', async () => {
    graph.clearRequests();
    graph.updateUser(alice, { jobTitle: '課長' });
    graph.failNext(1, 429, 1);
    graph.failNext(1, 503, 0);
    const started = Date.now();
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 1 });
    const statuses = graph.requests().map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 503, 200]);
    const [first, second] = graph.requests();
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(20_000);
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect(await directory.findPerson(alice)).toMatchObject({ jobTitle: '課長' });
  });

  it('gives up after a bounded number of retries, keeping the last delta link', async () => {
    graph.clearRequests();
    graph.updateUser(bob, { jobTitle: '主任' });
    graph.failNext(11, 503, 0);
    await expect(graphCommand('sync')).rejects.toThrow();
    expect(graph.requests().length).toBe(6);
    graph.clearRequests();
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 1 });
  });

  it('reads everything again when Graph says the delta link has expired', async () => {
    graph.clearRequests();
    graph.expireDeltaLinks();
    graph.updateUser(carol, { department: '総務部' });
    graph.removeUser(bob);
    graph.addUser({
      id: dave,
      displayName: '伊藤 翔',
      mail: 'sho@example.co.jp',
      employeeId: 'E005',
      managerId: alice,
    });
    // Bob's deletion is only visible as his absence from the full read.
    expect(await graphCommand('sync')).toMatchObject({ mode: 'full', inserted: 1, removed: 1 });
    expect(graph.requests()[0]!.status).toBe(410);
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect(await directory.findPerson(carol)).toMatchObject({ department: '総務部', active: false });
    expect(await directory.findPerson(bob)).toMatchObject({ active: false });
    expect(await graphCommand('sync')).toMatchObject({ mode: 'delta', updated: 0 });
  });

  it('installs the Teams app for a person; already installed is fine, an unknown person is a reason', async () => {
    expect(await graphCommand('install', alice, 'a1b2c3d4-0000-4000-8000-000000000001')).toEqual({ ok: true });
    expect(graph.installedApps(alice)).toEqual(['a1b2c3d4-0000-4000-8000-000000000001']);
    expect(await graphCommand('install', alice, 'a1b2c3d4-0000-4000-8000-000000000001')).toEqual({ ok: true });
    const missing = await graphCommand('install', id(77), 'a1b2c3d4-0000-4000-8000-000000000001');
    expect(missing).toMatchObject({ ok: false, reason: expect.stringMatching(/404/) });
  });

  it('joins the directory with Teams: who can be written to first, and who cannot yet', async () => {
    await pgUserStore(db.pool).recordSighting(
      {
        aadObjectId: alice,
        tenantId: graph.tenantId,
        locale: 'ja-JP',
        conversationReference: { conversation: { id: 'a:1' } },
      },
      new Date(),
    );
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect((await directory.listReachable()).map((p) => [p.aadObjectId, p.conversationReference])).toEqual([
      [alice, { conversation: { id: 'a:1' } }],
    ]);
    expect((await directory.listUnreached()).map((p) => p.aadObjectId)).toEqual([dave]);
    expect(await directory.findPerson(alice)).toMatchObject({
      installed: true,
      locale: 'ja-JP',
      tenantId: graph.tenantId,
    });
  });
});
