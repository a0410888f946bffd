/**
 * node --import tsx src/people/import-cli.ts [--replace] path/to/hr.csv
 * Imports the HR file into the directory of this installation (DATABASE_URL, or the embedded one in DATA_DIR).
 */
import { existsSync, readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { basename } from 'node:path';
import { createLogger } from '../log.ts';
import { openDatabase } from '../store/database.ts';
import { pgDirectoryDb } from '../store/directory.ts';
import { importHrCsv } from './directory/hr-import.ts';

if (existsSync('.env')) dotenv.config({ path: '.env', quiet: true });

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('使い方 / usage: directory:import [--replace] path/to/hr.csv');
  process.exit(2);
}

const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const buffer = readFileSync(file);
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? './data',
  log,
});
try {
  const r = await importHrCsv(pgDirectoryDb(db.pool), buffer, { sourceName: basename(file), replace });
  console.log(
    `取り込み完了: 新規 ${r.imported} 件、更新 ${r.updated} 件、変更なし ${r.unchanged} 件、` +
      `無効化 ${r.deactivated} 件、不正な行 ${r.rejected.length} 件、警告 ${r.warnings.length} 件`,
  );
  console.log(
    `Imported: ${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ` +
      `${r.deactivated} deactivated, ${r.rejected.length} rejected, ${r.warnings.length} warnings`,
  );
  for (const x of r.rejected) console.log(`  不正 / rejected  ${file}:${x.line}  ${x.reason}`);
  for (const x of r.warnings) console.log(`  警告 / warning   ${file}:${x.line}  ${x.reason}`);
  process.exitCode = r.rejected.length > 0 ? 1 : 0;
} finally {
  await db.close();
}
