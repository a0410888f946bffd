/**
 * node --import tsx bench/directory-import.ts [rows=50000]
 * Imports a generated HR CSV of `rows` people (Shift_JIS, managers in the same file) into a fresh embedded
 * PostgreSQL, then again unchanged, then reads everyone back as the roll call would, and prints
 * {"rows","bytes","first_import_s","reimport_s","list_active_s","rejected"}.
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import pino from 'pino';
import { importHrCsv } from '../src/people/directory/hr-import.ts';
import { PREFECTURES } from '../src/people/directory/prefectures.ts';
import { listPeople, pgDirectoryDb } from '../src/store/directory.ts';
import { openDatabase } from '../src/store/database.ts';

const rows = Number(process.argv[2] ?? 50_000);
const guid = (n: number) => `6f1c2a8e-0d7b-4c1e-9a55-${String(n).padStart(12, '0')}`;
const lines = ['社員番号,オブジェクトID,氏名,メール,部署,上長メール,居住都道府県,入社日,役割'];
for (let i = 1; i <= rows; i++) {
  const manager = i <= 50 ? '' : `e${1 + (i % 50)}@example.co.jp`;
  lines.push(
    [
      `E${i}`,
      guid(i),
      `社員 ${i}号`,
      `e${i}@example.co.jp`,
      `第${i % 40}営業部`,
      manager,
      PREFECTURES[i % 47],
      `20${String(i % 25).padStart(2, '0')}/4/1`,
      i <= 50 ? '管理職' : '一般',
    ].join(','),
  );
}
const file = iconv.encode(lines.join('\r\n') + '\r\n', 'cp932');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tg-bench-'));
chmodSync(dataDir, 0o755);
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, log: pino({ level: 'silent' }) });
try {
  await db.pool.query('TRUNCATE directory');
  const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await f();
    return [r, Math.round(performance.now() - t0) / 1000];
  };
  const [first, firstS] = await time(() => importHrCsv(pgDirectoryDb(db.pool), file, { sourceName: 'bench.csv' }));
  const [second, againS] = await time(() => importHrCsv(pgDirectoryDb(db.pool), file, { sourceName: 'bench.csv' }));
  const [people, listS] = await time(() => listPeople(db.pool, {}));
  if (first.imported !== rows || second.unchanged !== rows || people.length !== rows)
    throw new Error(`unexpected counts: ${JSON.stringify({ first, second: second.unchanged, listed: people.length })}`);
  console.log(
    JSON.stringify({
      rows,
      bytes: file.length,
      first_import_s: firstS,
      reimport_s: againS,
      list_active_s: listS,
      rejected: first.rejected.length,
    }),
  );
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
