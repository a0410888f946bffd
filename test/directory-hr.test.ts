import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDirectory, type Directory } from '../src/people/directory/index.ts';
import { pgDirectoryDb } from '../src/store/directory.ts';
import { REPO_ROOT } from './harness/spawn.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
let directory: Directory;
const sample = readFileSync(join(REPO_ROOT, 'test/fixtures/hr-sample.csv'));
const guid = (n: number) => `6f1c2a8e-0d7b-4c1e-9a55-${String(n).padStart(12, '0')}`;
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const HEADER = 'employee_id,aad_object_id,name,email,department,manager_email,home_prefecture,hire_date,role';

beforeAll(async () => {
  db = await startTestDatabase();
  directory = createDirectory({ db: pgDirectoryDb(db.pool), log: quietLog });
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE directory');
});

const everyone = async () =>
  (await directory.listPeople()).map((p) => [p.employeeId, p.displayName, p.managerAadObjectId ?? null]);

describe('importing the HR CSV file', () => {
  it('reads the Japanese-header sample in UTF-8: managers, prefectures, dates and roles normalised', async () => {
    const r = await directory.importHrCsv(sample, { sourceName: 'hr-sample.csv' });
    expect(r).toMatchObject({ imported: 4, updated: 0, unchanged: 0, rejected: [], warnings: [] });
    expect(await directory.findPerson(guid(1002))).toMatchObject({
      employeeId: 'E1002',
      displayName: '山田 花子',
      mail: 'hanako.yamada@example.co.jp',
      managerAadObjectId: guid(1001),
      homePrefecture: '神奈川県',
      hireDate: '2015-04-01',
      role: 'employee',
      source: 'hr-csv',
      active: true,
      installed: false,
    });
    expect(await directory.findPerson(guid(1001))).toMatchObject({ role: 'manager', hireDate: '2001-04-01' });
    expect(await directory.findPerson(guid(1003))).toMatchObject({
      department: '営業部, 東日本',
      homePrefecture: '大阪府',
    });
    expect(await directory.findPerson(guid(1004))).toMatchObject({ role: 'admin', homePrefecture: '北海道' });
    expect((await directory.listPeople({ homePrefectures: ['東京都', '神奈川県'] })).map((p) => p.employeeId)).toEqual([
      'E1001',
      'E1002',
    ]);
  });

  it('reads the same file with a BOM, and as Shift_JIS the way Japanese Excel saves it', async () => {
    const text = sample.toString('utf8');
    const bom = await directory.importHrCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]), {
      sourceName: 'bom.csv',
    });
    expect(bom).toMatchObject({ imported: 4, rejected: [] });
    const before = await everyone();
    await db.pool.query('TRUNCATE directory');
    const sjis = iconv.encode(text, 'Shift_JIS');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
    expect(await directory.importHrCsv(sjis, { sourceName: 'sjis.csv' })).toMatchObject({ imported: 4, rejected: [] });
    expect(await everyone()).toEqual(before);
    expect(await directory.findPerson(guid(1001))).toMatchObject({
      displayName: '佐藤 健',
      department: '情報システム部',
    });
  });

  it('reports bad rows by line with a reason, and still imports the good ones', async () => {
    const r = await directory.importHrCsv(
      csv(
        HEADER,
        `E1,${guid(1)},部長 太郎,bucho@example.co.jp,本部,,東京,2010/4/1,マネージャー`,
        `E2,${guid(2)},"改行
入り 花子",hanako@example.co.jp,本部,bucho@example.co.jp,東京都,2024-04-01,一般`,
        `E3,${guid(3)},,no-name@example.co.jp,本部,,東京都,2024-04-01,一般`,
        `E4,${guid(4)},メール 不正,not-an-address,本部,,東京都,2024-04-01,一般`,
        `E5,${guid(5)},県 不正,ken@example.co.jp,本部,,東京県,2024-04-01,一般`,
        `E6,${guid(6)},日付 不正,date@example.co.jp,本部,,京都府,2024-02-30,一般`,
        `E7,${guid(7)},役割 不正,role@example.co.jp,本部,,京都府,2024-04-01,社長`,
        `E1,${guid(8)},番号 重複,dup@example.co.jp,本部,,京都府,2024-04-01,一般`,
        `E9,${guid(9)},上長 不明,lost@example.co.jp,本部,nobody@example.co.jp,沖縄,2024-04-01,`,
        `E10,${guid(10)},列 不足,short@example.co.jp`,
      ),
      { sourceName: 'bad.csv' },
    );
    expect(r.rejected.map((x) => x.line)).toEqual([5, 6, 7, 8, 9, 10, 12]);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      expect.stringContaining('name is empty'),
      expect.stringContaining('email "not-an-address"'),
      expect.stringContaining('home_prefecture "東京県"'),
      expect.stringContaining('hire_date "2024-02-30"'),
      expect.stringContaining('role "社長"'),
      expect.stringContaining('employee_id repeats line 2'),
      expect.stringContaining('fields'),
    ]);
    expect(r.warnings).toEqual([{ line: 11, reason: expect.stringContaining('nobody@example.co.jp not found') }]);
    expect(r).toMatchObject({ imported: 3 });
    expect(await directory.findPerson(guid(2))).toMatchObject({
      displayName: '改行\n入り 花子',
      managerAadObjectId: guid(1),
    });
    expect(await directory.findPerson(guid(1))).toMatchObject({ role: 'manager', homePrefecture: '東京都' });
    expect(await directory.findPerson(guid(9))).toMatchObject({ homePrefecture: '沖縄県', role: 'employee' });
  });

  it('loses nothing to a bad, empty or truncated file, and deletes nobody absent from a file', async () => {
    await directory.importHrCsv(sample, { sourceName: 'hr-sample.csv' });
    const before = await everyone();
    const wrongHeader = await directory.importHrCsv(csv('番号,名前,住所', '1,a,b'), { sourceName: 'x.csv' });
    expect(wrongHeader).toMatchObject({
      imported: 0,
      updated: 0,
      rejected: [{ line: 1, reason: expect.stringContaining('header lacks') }],
    });
    expect(await directory.importHrCsv(Buffer.alloc(0), { sourceName: 'empty.csv' })).toMatchObject({
      imported: 0,
      rejected: [{ line: 1 }],
    });
    const allBad = await directory.importHrCsv(csv(HEADER, `E1,${guid(1)},,,,,,,`), { sourceName: 'bad.csv' });
    expect(allBad).toMatchObject({ imported: 0, updated: 0, rejected: [{ line: 2 }] });
    expect(await everyone()).toEqual(before);

    // Cut off inside a quoted field: the rows before the cut still count, the cut one is reported.
    const text = sample.toString('utf8');
    const truncated = Buffer.from(text.slice(0, text.indexOf('"鈴木') + 3), 'utf8');
    const r = await directory.importHrCsv(truncated, { sourceName: 'truncated.csv' });
    expect(r).toMatchObject({
      imported: 0,
      unchanged: 2,
      rejected: [{ line: 4, reason: expect.stringContaining('truncated') }],
    });
    expect(await everyone()).toEqual(before);
  });

  it('is idempotent, updates what changed, and retires people only when asked to replace', async () => {
    await directory.importHrCsv(sample, { sourceName: 'hr-sample.csv' });
    expect(await directory.importHrCsv(sample, { sourceName: 'hr-sample.csv' })).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 4,
    });
    const moved = Buffer.from(sample.toString('utf8').replace('総務部', '人事部'), 'utf8');
    expect(await directory.importHrCsv(moved, { sourceName: 'moved.csv' })).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await directory.findPerson(guid(1004))).toMatchObject({ department: '人事部' });

    const onlyTwo = Buffer.from(sample.toString('utf8').split('\n').slice(0, 3).join('\n'), 'utf8');
    expect(await directory.importHrCsv(onlyTwo, { sourceName: 'two.csv' })).toMatchObject({
      unchanged: 2,
      deactivated: 0,
    });
    expect(await directory.listPeople()).toHaveLength(4);
    expect(await directory.importHrCsv(onlyTwo, { sourceName: 'two.csv', replace: true })).toMatchObject({
      deactivated: 2,
    });
    expect((await directory.listPeople()).map((p) => p.employeeId)).toEqual(['E1001', 'E1002']);
    expect((await directory.listPeople({ active: false })).map((p) => p.employeeId)).toEqual(['E1003', 'E1004']);
  });

  it('finds managers and people already in the directory by e-mail or employee id', async () => {
    await directory.importHrCsv(sample, { sourceName: 'hr-sample.csv' });
    const r = await directory.importHrCsv(
      csv(
        'employee_id,aad_object_id,name,email,manager_email,manager_employee_id',
        `E2001,${guid(2001)},新人 一号,new1@example.co.jp,hanako.yamada@example.co.jp,`,
        `E2002,${guid(2002)},新人 二号,new2@example.co.jp,,E1004`,
        `E1003,,鈴木 一郎,ichiro.suzuki@example.co.jp,,E2001`,
        `E2003,,名無し 三号,new3@example.co.jp,,`,
      ),
      { sourceName: 'new.csv' },
    );
    expect(r).toMatchObject({
      imported: 2,
      updated: 1,
      rejected: [{ line: 5, reason: expect.stringContaining('aad_object_id is empty') }],
    });
    expect(await directory.findPerson(guid(2001))).toMatchObject({ managerAadObjectId: guid(1002), role: 'employee' });
    expect(await directory.findPerson(guid(2002))).toMatchObject({ managerAadObjectId: guid(1004) });
    // Fields the file leaves out keep what the directory had.
    expect(await directory.findPerson(guid(1003))).toMatchObject({
      managerAadObjectId: guid(2001),
      homePrefecture: '大阪府',
      department: '営業部, 東日本',
    });
  });
  // The command line (`npm run cli -- directory import`, alias `directory:import`) is in admin-api.test.ts.
});
