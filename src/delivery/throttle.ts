/**
 * The global send budget and Teams' pause, shared by every instance through one PostgreSQL row per bot app.
 * Each batch takes its tokens from that row in the same transaction that claims the rows, so N instances together
 * never exceed the configured rate, whatever N is and without knowing N.
 */
import type pg from 'pg';
import { bucketCapacity, refillBucket } from './limits.ts';
import { claim, type ClaimedMessage } from './outbox.ts';
import { withTransaction } from '../store/transaction.ts';

export async function ensureThrottleRow(pool: pg.Pool, app: string): Promise<void> {
  await pool.query('INSERT INTO delivery_throttle (app) VALUES ($1) ON CONFLICT (app) DO NOTHING', [app]);
}

export interface Batch {
  messages: ClaimedMessage[];
  /** How long to wait before asking again: until the pause ends or a token accrues; 0 = ask again now. */
  waitMs: number;
  /** The queue had fewer ready rows than the budget allowed. */
  exhausted: boolean;
}

export async function takeBatch(
  pool: pg.Pool,
  o: { app: string; worker: string; ratePerSecond: number; want: number; leaseMs: number },
): Promise<Batch> {
  const capacity = bucketCapacity(o.ratePerSecond);
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query(
      `SELECT tokens, extract(epoch FROM refilled_at) * 1000 AS refilled_ms,
              extract(epoch FROM paused_until) * 1000 AS paused_ms, extract(epoch FROM now()) * 1000 AS now_ms
         FROM delivery_throttle WHERE app = $1 FOR UPDATE`,
      [o.app],
    );
    const row = rows[0];
    if (!row) throw new Error(`delivery_throttle has no row for ${o.app}`);
    const nowMs = Number(row.now_ms);
    const pausedUntilMs = row.paused_ms === null ? undefined : Number(row.paused_ms);
    if (pausedUntilMs !== undefined && nowMs < pausedUntilMs) {
      return { messages: [], waitMs: pausedUntilMs - nowMs, exhausted: false };
    }
    const available = refillBucket(
      {
        tokens: Number(row.tokens),
        refilledAtMs: Number(row.refilled_ms),
        ...(pausedUntilMs ? { pausedUntilMs } : {}),
      },
      nowMs,
      o.ratePerSecond,
      capacity,
    );
    const grant = Math.min(Math.floor(available), o.want);
    const messages = await claim(client, o.worker, grant, o.leaseMs);
    const left = available - messages.length;
    await client.query(
      `UPDATE delivery_throttle SET tokens = $2, refilled_at = to_timestamp($3 / 1000.0) WHERE app = $1`,
      [o.app, left, nowMs],
    );
    const exhausted = messages.length < grant;
    const waitMs = left >= 1 ? 0 : Math.ceil(((1 - left) * 1000) / o.ratePerSecond);
    return { messages, waitMs, exhausted };
  });
}

/**
 * Teams throttled the app: nobody sends until now + retryAfter. A 429 for a request claimed before the current
 * pause ended (it was already in flight) does not extend the pause: it says nothing new.
 * Returns when the pause ends (database clock, ms).
 */
export async function pauseApp(pool: pg.Pool, app: string, retryAfterMs: number, claimedAtMs: number): Promise<number> {
  const { rows } = await pool.query(
    `WITH upd AS (
       UPDATE delivery_throttle
          SET paused_at = now(), tokens = 0,
              paused_until = GREATEST(COALESCE(paused_until, now()), now() + $2 * interval '1 millisecond')
        WHERE app = $1 AND (paused_until IS NULL OR paused_until <= to_timestamp($3 / 1000.0))
        RETURNING paused_until)
     SELECT extract(epoch FROM COALESCE((SELECT paused_until FROM upd), t.paused_until)) * 1000 AS until_ms
       FROM delivery_throttle t WHERE t.app = $1`,
    [app, retryAfterMs, claimedAtMs],
  );
  return Number(rows[0]?.until_ms ?? Date.now() + retryAfterMs);
}
