/**
 * The admin API in the real server process (server/main.ts) over real HTTP, and the CLI (`npm run cli`) as a child
 * process talking to it; one PostgreSQL shared with the test, so the directory and the audit log can be read.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../src/people/directory/index.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/store/embedded.ts';
import { freePort, REPO_ROOT, spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir, quietLog } from './support/database.ts';

const TOKEN = 'tg-admin-0123456789abcdefghijklmnopqrstuv';
const WRONG = 'tg-admin-0123456789abcdefghijklmnopqrstuX';
const guid = (n: number) => `6f1c2a8e-0d7b-4c1e-9a55-${String(n).padStart(12, '0')}`;
const sample = readFileSync(join(REPO_ROOT, 'test/fixtures/hr-sample.csv'));

let dataDir: string;
let pg: EmbeddedDatabase;
let db: Database;
let server: SpawnedServer;

beforeAll(async () => {
  dataDir = makeDataDir();
  pg = await startEmbeddedPostgres(dataDir, quietLog);
  db = await openDatabase({ databaseUrl: pg.url, dataDir, log: quietLog });
  server = await spawnServer('server/main.ts', {
    DATABASE_URL: pg.url,
    DATA_DIR: dataDir,
    ADMIN_API_TOKEN: TOKEN,
    LOG_LEVEL: 'warn',
  });
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run -s cli -- …` as a person types it (the script is `node --import tsx cli/main.ts`). */
function cli(args: string[], env: Record<string, string> = {}, entry = ['cli/main.ts']): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ...entry, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ADMIN_API_TOKEN: TOKEN, ...env }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const file = (name: string, content: Buffer | string) => {
  const path = join(dataDir, name);
  writeFileSync(path, content);
  return path;
};

const adminAudit = async () =>
  (
    await db.pool.query<{ action: string; subject: string | null; detail: Record<string, unknown> }>(
      "SELECT action, subject, detail FROM audit_log WHERE actor = 'admin-api' ORDER BY id",
    )
  ).rows;

const upload = (body: BodyInit, headers: Record<string, string> = {}, query = '?fileName=hr.csv') =>
  fetch(`${server.url}/api/admin/directory/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv', ...headers },
    body,
  });

/**
 * The server answers 413 from Content-Length alone and then closes the connection, so a client still sending
 * sees its upload cut; fetch reports that as a failure, node:http shows the early answer first.
 */
const oversizedUpload = (size: number) =>
  new Promise<{ status: number; json(): Promise<unknown> }>((resolve, reject) => {
    const req = request(`${server.url}/api/admin/directory/import?fileName=hr.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv', 'content-length': size },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    });
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    req.end(Buffer.alloc(size, 0x41));
  });

describe('who may use the admin API', () => {
  it('answers 404 on every admin route when ADMIN_API_TOKEN is unset, as if there were none', async () => {
    const off = await spawnServer('server/main.ts', {
      DATABASE_URL: pg.url,
      DATA_DIR: dataDir,
      ADMIN_API_TOKEN: '',
      LOG_LEVEL: 'warn',
    });
    try {
      const report = await fetch(`${off.url}/api/admin/delivery/report`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(report.status).toBe(404);
      const imp = await fetch(`${off.url}/api/admin/directory/import`, { method: 'POST', body: sample });
      expect(imp.status).toBe(404);
      expect((await fetch(`${off.url}/api/admin/delivery/report`)).status).toBe(
        (await fetch(`${off.url}/api/admin/no-such-thing`)).status,
      );
      const r = await cli(['delivery', 'report', '--url', off.url]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('管理 API が有効ではありません');
    } finally {
      await off.stop();
    }
  });

  it('refuses a missing, malformed, short or wrong token with 401 and a Bearer challenge, and audits it without the token', async () => {
    const before = (await adminAudit()).length;
    const attempts: [string, Record<string, string>][] = [
      ['missing', {}],
      ['basic', { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` }],
      ['short', { authorization: 'Bearer tg-admin' }],
      ['wrong', { authorization: `Bearer ${WRONG}` }],
      ['prefix', { authorization: `Bearer ${TOKEN}x` }],
    ];
    for (const [, headers] of attempts) {
      const res = await fetch(`${server.url}/api/admin/delivery/report`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    // A refused upload is not read, let alone imported.
    const refusedUpload = await upload(sample, { authorization: `Bearer ${WRONG}` });
    expect(refusedUpload.status).toBe(401);
    expect(await createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog }).findPerson(guid(1001))).toBeUndefined();

    const rows = (await adminAudit()).slice(before);
    expect(rows).toHaveLength(attempts.length + 1);
    expect(rows.map((r) => r.detail.reason)).toEqual([
      'missing_token',
      'malformed_authorization',
      'wrong_token',
      'wrong_token',
      'wrong_token',
      'wrong_token',
    ]);
    for (const r of rows) expect(r).toMatchObject({ detail: { outcome: 'refused', status: 401 } });
    const stored = JSON.stringify(rows);
    for (const secret of [TOKEN, WRONG, 'tg-admin', Buffer.from(`admin:${TOKEN}`).toString('base64')])
      expect(stored).not.toContain(secret);

    const r = await cli(['delivery', 'report', '--url', server.url], { ADMIN_API_TOKEN: WRONG });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('管理トークンが拒否されました');
    expect(r.stdout).toBe('');
  });
});

describe('directory import through the CLI', () => {
  it('imports the HR file and prints the counts as one JSON object; the people are in the directory', async () => {
    const r = await cli([
      'directory',
      'import',
      join(REPO_ROOT, 'test/fixtures/hr-sample.csv'),
      '--json',
      '--url',
      server.url,
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      fileName: 'hr-sample.csv',
      imported: 4,
      updated: 0,
      rejected: [],
      warnings: [],
    });
    const directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
    expect(await directory.findPerson(guid(1002))).toMatchObject({
      displayName: '山田 花子',
      managerAadObjectId: guid(1001),
      homePrefecture: '神奈川県',
    });
    const audit = (await adminAudit()).at(-1)!;
    expect(audit).toMatchObject({
      action: 'admin.directory.import',
      subject: 'hr-sample.csv',
      detail: { outcome: 'ok', imported: 4, rejected: 0, status: 200 },
    });
    // Counts and codes only: nothing from the file reaches the audit log.
    expect(JSON.stringify(audit)).not.toMatch(/山田|hanako|E1002|神奈川/);
  });

  it('reads a Shift_JIS file exported by Japanese Excel', async () => {
    const text =
      '社員番号,オブジェクトID,氏名,メール,部署,居住都道府県\r\n' +
      `S3001,${guid(3001)},渡辺 髙志,takashi.watanabe@example.co.jp,経理部,福岡\r\n`;
    const path = file('社員名簿_sjis.csv', iconv.encode(text, 'Shift_JIS'));
    const r = await cli(['directory', 'import', path, '--url', server.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('取り込み完了: 新規 1 件');
    expect(r.stdout).toContain('Imported: 1 new');
    expect(await createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog }).findPerson(guid(3001))).toMatchObject({
      displayName: '渡辺 髙志',
      department: '経理部',
      homePrefecture: '福岡県',
    });
  });

  it('reports a bad row with its file and line number and exits with 1, importing the good rows (npm run directory:import)', async () => {
    const path = file(
      'hr.csv',
      Buffer.concat([sample, Buffer.from(`E9,${guid(9)},県 不正,k@example.co.jp,本部,,,火星,2024-04-01,一般\n`)]),
    );
    const r = await cli(['directory', 'import', path, '--url', server.url]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('取り込み完了: 新規 0 件、更新 0 件、変更なし 4 件');
    expect(r.stdout).toContain('1 rejected');
    expect(r.stdout).toMatch(/hr\.csv:6 .*火星/);

    // The old script name is an alias of the same command.
    const alias = await new Promise<CliRun>((resolve) =>
      execFile(
        'npm',
        ['run', '-s', 'directory:import', '--', '--json', '--url', server.url, path],
        { cwd: REPO_ROOT, env: { ...process.env, ADMIN_API_TOKEN: TOKEN }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
      ),
    );
    expect(alias.code).toBe(1);
    expect(JSON.parse(alias.stdout)).toMatchObject({ unchanged: 4, rejected: [{ line: 6 }] });
  });

  it('marks people absent from the file as gone with --replace, deleting nobody', async () => {
    const r = await cli([
      'directory',
      'import',
      '--replace',
      join(REPO_ROOT, 'test/fixtures/hr-sample.csv'),
      '--json',
      '--url',
      server.url,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ unchanged: 4, deactivated: 1 });
    expect(await createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog }).findPerson(guid(3001))).toMatchObject({
      displayName: '渡辺 髙志',
      active: false,
    });
    expect((await adminAudit()).at(-1)).toMatchObject({ detail: { replace: true, deactivated: 1 } });
  });

  it('refuses a file with no valid row, telling each bad line, and changes nothing', async () => {
    const path = file('wrong-header.csv', 'id,fullname\r\nE1,someone\r\n');
    const r = await cli(['directory', 'import', path, '--url', server.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('正しい行が1行もない');
    expect(r.stderr).toMatch(/wrong-header\.csv:1 .*employee_id/);
  });

  it('refuses binary garbage, compressed, oversized and mislabelled uploads with a 4xx, importing nothing', async () => {
    const { rows: before } = await db.pool.query('SELECT count(*)::int AS n FROM directory');
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const answers = [
      await upload(garbage),
      await upload(garbage, { 'content-type': 'application/octet-stream' }),
      await upload('not gzip', { 'content-encoding': 'gzip' }),
      await upload(sample, { 'content-type': 'application/x-www-form-urlencoded' }),
      await upload(Buffer.alloc(0)),
      await oversizedUpload(33 * 1024 * 1024),
      await upload(sample, {}, '?fileName=..%2Fetc%2Fpasswd'),
      await upload(sample, {}, '?fileName=hr.csv&replace=maybe'),
    ];
    const statuses = answers.map((a) => a.status);
    // A gzip body is decoded like any other (server/body.ts); one that is not gzip is malformed: 400.
    expect(statuses).toEqual([422, 422, 400, 415, 422, 413, 400, 400]);
    for (const a of answers) {
      const body = (await a.json()) as { error: string; message: string };
      expect(body.error).toMatch(/^[a-z_]+$/);
      expect(body.message).toMatch(/ \/ /); // Japanese / English
    }
    const { rows: after } = await db.pool.query('SELECT count(*)::int AS n FROM directory');
    expect(after[0].n).toBe(before[0].n);

    const path = file('photo.jpg', garbage);
    const r = await cli(['directory', 'import', path, '--url', server.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CSV テキストではありません');
  });
});

describe('delivery report through the CLI', () => {
  it('prints the counts by status and the people not reached by reason', async () => {
    const campaign = 'admin-test:1';
    await db.pool.query(
      `INSERT INTO delivery_outbox (dedupe_key, campaign, kind, priority, aad_object_id, tenant_id, payload, status, reason)
       SELECT $1 || ':' || n, $1, 'digest', 30, 'user-' || n, 'tenant', '{}'::jsonb, s, r
         FROM (VALUES (1, 'sent', NULL), (2, 'failed', 'not_installed'), (3, 'failed', 'not_installed'),
                      (4, 'failed', 'blocked')) AS v(n, s, r)`,
      [campaign],
    );
    const r = await cli(['delivery', 'report', '--campaign', campaign, '--json', '--url', server.url]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      campaign,
      counts: { queued: 0, sending: 0, sent: 1, failed: 3 },
      unreachable: { blocked: 1, not_installed: 2 },
    });

    const human = await cli(['delivery', 'report', '--campaign', campaign, '--url', server.url]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`配信状況 / delivery（${campaign}）`);
    expect(human.stdout).toContain('送信済み sent 1');
    expect(human.stdout).toContain('失敗 failed 3');
    expect(human.stdout).toContain('not_installed: 2 人');

    const all = JSON.parse((await cli(['delivery', 'report', '--json', '--url', server.url])).stdout);
    expect(all.campaign).toBeNull();
    expect(all.counts.failed).toBeGreaterThanOrEqual(3);
    expect((await adminAudit()).at(-1)).toMatchObject({ action: 'admin.delivery.report', detail: { outcome: 'ok' } });
  });

  it('refuses odd option values with a clear 400, never a 500', async () => {
    const get = (query: string) =>
      fetch(`${server.url}/api/admin/delivery/report${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    for (const q of [
      '?campaign=%00',
      '?campaign=a%0Ab',
      `?campaign=${'x'.repeat(201)}`,
      '?campaign=a&campaign=b',
      '?dropTable=1',
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: expect.stringMatching(/option/) });
    }
  });
});

describe('the CLI on its own', () => {
  it('says in one line that it cannot reach a server that is not there, and exits with 1', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await cli(['delivery', 'report', '--url', url]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('サーバーに接続できません');
    expect(r.stderr).toContain(`cannot reach the server at ${url}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with 2 and the usage for an unknown command, a missing file or a stray flag', async () => {
    for (const args of [
      ['rollcall', 'explode'],
      ['directory', 'import'],
      ['delivery', 'report', '--campain', 'x'],
    ]) {
      const r = await cli([...args, '--url', server.url]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('使い方 / usage');
    }
    const missing = await cli(['directory', 'import', join(dataDir, 'nope.csv'), '--url', server.url]);
    expect(missing.code).toBe(2);
  });

  it('never sends the token over plain http to another machine', async () => {
    const r = await cli(['delivery', 'report', '--url', 'http://192.0.2.1:3978']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use https');
  });
});
