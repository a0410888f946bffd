/**
 * The logger keeps ids and codes and drops what people typed: real PostgreSQL errors carry the failing row, the
 * offending value and the query parameters in `detail`, `where` and the message, and none of it may be written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { createDirectory } from '../src/people/directory/index.ts';
import { directorySyncJob } from '../src/people/directory/sync-job.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';
import { noHolidays } from '../src/schedule/calendar.ts';
import { createScheduler } from '../src/schedule/jobs.ts';
import { startTestDatabase } from './support/database.ts';

type Db = Awaited<ReturnType<typeof startTestDatabase>>;
let db: Db;

const SECRET = 'hunter2-腰痛で通院中';

beforeAll(async () => {
  db = await startTestDatabase();
  await db.pool.query(`CREATE TABLE privacy_probe (
    id int PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('a', 'b')),
    note text NOT NULL,
    at date
  )`);
  await db.pool.query(`INSERT INTO privacy_probe (id, kind, note) VALUES (1, 'a', 'x')`);
});

afterAll(async () => {
  await db?.close();
});

/** A logger at `level` writing JSON lines into an array. */
function capture(level = 'debug') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

async function pgError(sql: string, params: unknown[]): Promise<Error> {
  try {
    await db.pool.query(sql, params);
  } catch (err) {
    return err as Error;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('error serialisation', () => {
  it('keeps the code and the constraint of a check violation and drops the failing row', async () => {
    const err = await pgError('INSERT INTO privacy_probe (id, kind, note) VALUES ($1, $2, $3)', [2, 'c', SECRET]);
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err))).toContain(SECRET); // the raw error does carry it
    const { log, lines } = capture();
    log.error({ err, aadObjectId: 'u-1' }, 'turn failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    const out = JSON.parse(lines[0]!);
    expect(out.aadObjectId).toBe('u-1');
    expect(out.err).toMatchObject({ code: '23514', constraint: 'privacy_probe_kind_check', table: 'privacy_probe' });
    expect(out.err.stack).toMatch(/\n\s+at /);
    expect(out.err).not.toHaveProperty('detail');
  });

  it('drops the duplicate key, the value quoted in a message and the parameter shown in `where`', async () => {
    const duplicate = await pgError('INSERT INTO privacy_probe (id, kind, note) VALUES (1, $1, $2)', ['a', SECRET]);
    const badDate = await pgError('INSERT INTO privacy_probe (id, kind, note, at) VALUES (3, $1, $2, $3)', [
      'a',
      'x',
      SECRET,
    ]);
    const nul = await pgError('INSERT INTO privacy_probe (id, kind, note) VALUES (4, $1, $2)', [
      'a',
      `${SECRET}\u0000`,
    ]);
    const json = await pgError('SELECT $1::jsonb', [JSON.stringify({ question: `${SECRET}\u0000` })]);
    expect(`${badDate.message}`).toContain(SECRET);

    const { log, lines } = capture();
    log.error({ err: duplicate }, 'duplicate');
    log.warn({ err: badDate }, 'bad date');
    log.error({ error: nul }, 'nul');
    log.error(json); // pino takes the message from the error itself
    log.warn({ err: badDate.message }, 'only the message');
    log.error({ err: { detail: SECRET, where: SECRET, code: 'X1' } }, 'a plain object as err');
    log.error({ result: { cause: badDate } }, 'an error deeper down');

    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).not.toContain(SECRET);
    const [dup, date] = lines.map((l) => JSON.parse(l));
    expect(dup.err).toMatchObject({ code: '23505', constraint: 'privacy_probe_pkey' });
    expect(date.err.code).toBe('22007');
    expect(date.err.message).toMatch(/invalid input syntax for type date/);
  });

  it('keeps the name, message and stack of an ordinary error, and its cause', () => {
    const { log, lines } = capture();
    const err = new TypeError('connector answered 502', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    log.error({ err }, 'send failed');
    const out = JSON.parse(lines[0]!);
    expect(out.err).toMatchObject({ name: 'TypeError', message: 'connector answered 502' });
    expect(out.err.stack).toContain('privacy-log.test.ts');
    expect(out.err.cause).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
  });
});

describe('fields that carry what people typed', () => {
  it('are redacted at any depth, and the rest of the line stays', () => {
    const { log, lines } = capture();
    log.warn(
      {
        aadObjectId: 'u-2',
        text: SECRET,
        note: SECRET,
        question: SECRET,
        answers: { mood: SECRET },
        activity: { text: SECRET, from: { id: '29:x' } },
        nested: { row: [SECRET], deeper: { value: SECRET, body: SECRET } },
        reasons: [{ code: 'not-owner' }],
      },
      'refused',
    );
    expect(lines[0]).not.toContain(SECRET);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ aadObjectId: 'u-2', reasons: [{ code: 'not-owner' }], msg: 'refused' });
    expect(out.text).toBe('[redacted]');
    expect(out.nested.deeper.value).toBe('[redacted]');
  });
});

describe('what the server logs and keeps about its own jobs', () => {
  it('keeps no typed value in a failed job run, nor in its log line', async () => {
    const { log, lines } = capture();
    const scheduler = createScheduler({
      pool: db.pool,
      clock: { now: () => new Date('2026-11-24T03:00:00Z') },
      calendar: noHolidays,
      log,
      jobs: [
        {
          name: 'privacy-probe',
          schedule: { every: '1h' },
          run: async () => {
            await db.pool.query('INSERT INTO privacy_probe (id, kind, note, at) VALUES (9, $1, $2, $3)', [
              'a',
              'x',
              SECRET,
            ]);
          },
        },
      ],
    });
    expect(await scheduler.tick()).toMatchObject([{ job: 'privacy-probe', ok: false }]);
    const { rows } = await db.pool.query(`SELECT last_error FROM job_runs WHERE job_name = 'privacy-probe'`);
    expect(rows[0].last_error).toMatch(/invalid input syntax for type date/);
    expect(rows[0].last_error).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('names the line of a rejected HR file row, not the cells it holds', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tg-hr-'));
    const file = path.join(dir, 'hr.csv');
    writeFileSync(
      file,
      '社員番号,オブジェクトID,氏名,メール,部署,役職,上長メール,居住都道府県,入社日,役割\n' +
        `E9001,6f1c2a8e-0d7b-4c1e-9a55-000000009001,秘密 太郎,${SECRET},総務部,,,${SECRET},2020-04-01,一般\n`,
    );
    try {
      const { log, lines } = capture();
      const clock = { now: () => new Date('2026-11-24T03:00:00Z') };
      const directory = createDirectory({ db: pgDirectoryDb(db.pool), log, clock });
      const sync = directorySyncJob({ directory, hrCsvFile: file, syncMinutes: 15, log });
      await sync.run({
        job: sync.name,
        key: 'k',
        scheduledAt: clock.now(),
        windowStart: clock.now(),
        windowEnd: clock.now(),
        attempt: 1,
      });
      const rejected = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'HR file row rejected');
      expect(rejected).toMatchObject({ line: 2, reason: expect.stringMatching(/email .* is not an address/) });
      expect(lines.join('\n')).not.toContain(SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
