/**
 * npm run -s delivery:report -- [--campaign rollcall:42] [--json]
 * Who was reached: message counts by status, and the people who could not be reached, by reason.
 * Reads DATABASE_URL, or the embedded database in DATA_DIR (only while no server holds it).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { createLogger } from '../log.ts';
import { openDatabase } from '../store/database.ts';
import { campaignStatus, unreachableReport } from './outbox.ts';

if (existsSync('.env')) dotenv.config({ path: '.env', quiet: true });

const { values } = parseArgs({ options: { campaign: { type: 'string' }, json: { type: 'boolean', default: false } } });
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? './data',
  log: createLogger(process.env.LOG_LEVEL ?? 'warn'),
});
try {
  const counts = values.campaign
    ? (await campaignStatus(db.pool, values.campaign, { recipients: false })).counts
    : Object.fromEntries(
        (
          await db.pool.query<{ status: string; n: number }>(
            'SELECT status, count(*)::int AS n FROM delivery_outbox GROUP BY status',
          )
        ).rows.map((r) => [r.status, r.n]),
      );
  const unreachable = await unreachableReport(db.pool, values.campaign);
  if (values.json) {
    console.log(JSON.stringify({ campaign: values.campaign ?? null, counts, unreachable }));
  } else {
    const n = (k: string) => (counts as Record<string, number>)[k] ?? 0;
    console.log(`配信状況 / delivery${values.campaign ? `（${values.campaign}）` : ''}`);
    console.log(
      `  送信済み sent ${n('sent')}  送信中 sending ${n('sending')}  待機 queued ${n('queued')}  失敗 failed ${n('failed')}`,
    );
    const reasons = Object.entries(unreachable);
    console.log(
      reasons.length ? '届かなかった人 / not reached, by reason:' : '届かなかった人はいません / everyone was reached',
    );
    for (const [reason, people] of reasons) console.log(`  ${reason}: ${people} 人`);
  }
} finally {
  await db.close();
}
