/**
 * What is kept of a question, and for how long: the whole app in one process (bot, scheduler) against the local
 * Teams channel and a real PostgreSQL, with a clock the test controls. The audit log says that a question was
 * answered and how, never what was asked; the text is kept apart, only when QUESTION_RETENTION_DAYS says so, and a
 * daily job deletes it once the retention period has passed. Migration 007 cleans an existing database.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../server/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { listMigrations, migrate } from '../src/store/migrate.ts';
import { pgAuditLog } from '../src/store/audit.ts';
import { pgQuestionLog } from '../src/store/question-log.ts';
import { startLocalChannel, type LocalChannel } from './harness/channel.ts';
import { trustChannelInProcess } from './harness/delivery-child.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let channel: LocalChannel;
let db: Awaited<ReturnType<typeof startTestDatabase>>;
let now = new Date('2026-11-24T03:00:00Z');
const clock = { now: () => now };

beforeAll(async () => {
  channel = await startLocalChannel();
  trustChannelInProcess(channel);
  db = await startTestDatabase();
});

afterAll(async () => {
  await db?.close();
  await channel?.close();
});

/** Runs `work` against the whole app configured with `env`, listening on a free loopback port. */
async function withApp(env: Record<string, string>, work: (app: App, url: string) => Promise<void>): Promise<void> {
  const config = loadConfig({ ...channel.botEnv(), DATA_DIR: db.dataDir, LOG_LEVEL: 'silent', ...env });
  const app = createApp(config, { db, log: quietLog, clock });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  app.start({ schedulerTimer: false });
  try {
    await work(app, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  } finally {
    await app.stopBackground();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  }
}

async function ask(url: string, text: string) {
  const res = await channel.send(url, channel.activities.message(text));
  expect(res.status).toBe(200);
  await channel.waitFor((c) => c.kind === 'reply' && c.status === 200 && c.replyToId === res.activity.id, 10_000);
}

const questionRows = async () =>
  (
    await db.pool.query(
      'SELECT id, asked_on::text AS asked_on, language, verdict, text FROM question_log ORDER BY asked_on, text',
    )
  ).rows as Record<string, unknown>[];

describe('a question in the audit log', () => {
  it('is recorded as answered, with its verdict and citations, and without its text (the default keeps no text)', async () => {
    const marker = `持病の通院 ${randomUUID()}`;
    await withApp({}, async (_app, url) => {
      await ask(url, `カフェで仕事していい？ ${marker}`);
    });
    const { rows } = await db.pool.query(
      `SELECT actor, detail FROM audit_log WHERE action = 'question.answered' AND subject = $1`,
      [channel.defaultUser.aadObjectId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor).toBe(channel.defaultUser.aadObjectId);
    expect(rows[0].detail).toEqual({
      verdict: 'prohibited',
      citations: expect.arrayContaining(['§2.1']),
      cells: 0,
    });
    const anywhere = await db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE $1`, [
      `%${marker.slice(-12)}%`,
    ]);
    expect(anywhere.rows[0].n).toBe(0);
    expect(await questionRows()).toEqual([]);
  });
});

describe('question retention', () => {
  it('keeps the text apart, with no user id, when QUESTION_RETENTION_DAYS=30', async () => {
    const marker = `テスト${randomUUID().replace(/[^a-f]/g, '')}`;
    await withApp({ QUESTION_RETENTION_DAYS: '30' }, async (_app, url) => {
      await ask(url, `私用スマホでTeamsアプリ使える？ ${marker} 090-1234-5678 tanaka@example.co.jp`);
    });
    const kept = (await questionRows()).filter((r) => String(r.text).includes(marker));
    expect(kept).toEqual([
      {
        id: expect.any(String),
        asked_on: '2026-11-24',
        language: 'ja',
        verdict: expect.any(String),
        // Numbers and addresses never help an answer: they are not kept.
        text: `私用スマホでTeamsアプリ使える？ ${marker} [number] [email]`,
      },
    ]);
    const columns = await db.pool.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'question_log' ORDER BY ordinal_position`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual(['id', 'asked_on', 'language', 'verdict', 'text']);
  });

  it('writes the audit row and the kept text in one transaction: when the text cannot be kept, neither is', async () => {
    const answered = async () =>
      (await db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'question.answered'`)).rows[0].n;
    const before = { audit: await answered(), kept: (await questionRows()).length };
    await db.pool.query(`CREATE FUNCTION refuse_question() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'question_log unavailable'; END $$`);
    await db.pool.query(`CREATE TRIGGER refuse_question BEFORE INSERT ON question_log
      FOR EACH ROW EXECUTE FUNCTION refuse_question()`);
    try {
      await withApp({ QUESTION_RETENTION_DAYS: '30' }, async (_app, url) => {
        await ask(url, 'カフェで仕事していい？'); // answered with the apology card: the turn failed
      });
    } finally {
      await db.pool.query('DROP TRIGGER refuse_question ON question_log; DROP FUNCTION refuse_question()');
    }
    expect({ audit: await answered(), kept: (await questionRows()).length }).toEqual(before);
  });

  it('has the daily job delete what is older than 30 days and leave the rest', async () => {
    await db.pool.query('DELETE FROM question_log');
    const store = pgQuestionLog(db.pool);
    for (const [askedOn, text] of [
      ['2026-10-01', '45 days'],
      ['2026-11-01', '31 days'],
      ['2026-11-02', '30 days'],
      ['2026-11-10', '22 days'],
      ['2026-12-02', 'today'],
    ] as const) {
      await store.add({ askedOn, lang: 'ja', verdict: 'unknown', text });
    }
    now = new Date('2026-12-02T00:00:00Z'); // 09:00 in Tokyo, after the job's 03:15 slot
    await withApp({ QUESTION_RETENTION_DAYS: '30' }, async (app) => {
      const results = await app.scheduler.tick(now);
      expect(results).toContainEqual(expect.objectContaining({ job: 'question-log-purge', ok: true }));
    });
    expect((await questionRows()).map((r) => r.text)).toEqual(['30 days', '22 days', 'today']);
  });

  it('deletes every kept question once the retention is set back to 0', async () => {
    now = new Date('2026-12-03T00:00:00Z');
    await withApp({}, async (app) => {
      await app.scheduler.tick(now);
    });
    expect(await questionRows()).toEqual([]);
  });

  it('reads QUESTION_RETENTION_DAYS as whole days, 0 (nothing kept) unless set', () => {
    expect(loadConfig({}).questions.retentionDays).toBe(0);
    expect(loadConfig({ QUESTION_RETENTION_DAYS: '30' }).questions.retentionDays).toBe(30);
    for (const bad of ['-1', '1.5', 'thirty', '10000']) {
      expect(() => loadConfig({ QUESTION_RETENTION_DAYS: bad })).toThrow(ConfigError);
    }
  });
});

describe('migration 007 on a database that already holds questions', () => {
  it('removes the question text from existing audit rows, records that it did, and keeps the log append-only', async () => {
    const name = `legacy_${randomUUID().slice(0, 8)}`;
    await db.pool.query(`CREATE DATABASE ${name}`);
    const url = new URL(db.pool.options.connectionString!);
    url.pathname = `/${name}`;
    const legacy = new pg.Pool({ connectionString: url.href, max: 2 });
    try {
      // The database as a deployed server left it: every migration before 007 applied.
      await legacy.query(`CREATE TABLE schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of listMigrations().filter((m) => m.version < 7)) {
        await legacy.query(m.sql);
        await legacy.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      const insert = `INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $1, $3)`;
      await legacy.query(insert, [
        'u-1',
        'question.answered',
        { question: 'パスワードは hunter2 でいい？', verdict: 'unknown', citations: [], cells: 0 },
      ]);
      await legacy.query(insert, [
        'u-2',
        'question.answered',
        { question: '腰痛で在宅', verdict: 'allowed', citations: ['§1'], cells: 0 },
      ]);
      await legacy.query(insert, ['u-1', 'welcome.sent', { activityId: 'a-1' }]);

      expect(await migrate(legacy, quietLog)).toContain(7);

      const { rows } = await legacy.query(`SELECT actor, action, detail FROM audit_log ORDER BY id`);
      expect(rows).toEqual([
        { actor: 'u-1', action: 'question.answered', detail: { verdict: 'unknown', citations: [], cells: 0 } },
        { actor: 'u-2', action: 'question.answered', detail: { verdict: 'allowed', citations: ['§1'], cells: 0 } },
        { actor: 'u-1', action: 'welcome.sent', detail: { activityId: 'a-1' } },
        { actor: 'migration-007', action: 'audit.question-text-removed', detail: { rows: 2 } },
      ]);
      // An instance still running the old code during a rolling deployment cannot write the text again.
      await legacy.query(insert, ['u-3', 'question.answered', { question: '通院中', verdict: 'unknown' }]);
      const late = await legacy.query(`SELECT detail FROM audit_log WHERE actor = 'u-3'`);
      expect(late.rows).toEqual([{ detail: { verdict: 'unknown' } }]);
      await expect(legacy.query(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
      await expect(legacy.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await legacy.end();
      await db.pool.query(`DROP DATABASE ${name}`);
    }
  });
});

describe('the audit log adapter', () => {
  it('refuses an event whose detail carries typed text, and writes nothing', async () => {
    const audit = pgAuditLog(db.pool);
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    for (const detail of [
      { question: '通院中です' },
      { note: '腰痛' },
      { checkin: { answers: { mood: 'bad' } } },
      { items: [{ text: 'パスワード' }] },
    ]) {
      await expect(audit.record({ actor: 'u-9', action: 'test.event', detail })).rejects.toThrow(/typed text/);
    }
    await audit.record({
      actor: 'u-9',
      action: 'test.event',
      detail: { verdict: 'allowed', reasons: [{ code: 'x' }] },
    });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before + 1);
  });
});
