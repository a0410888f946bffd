/**
 * The outbox table: enqueue (idempotent, in bulk), claim (SKIP LOCKED, most urgent first), settle, and the status
 * queries a roll call shows ("who was reached").
 */
import type pg from 'pg';
import { inTransaction, type Queryable } from '../store/transaction.ts';
import type { ConversationReference } from '../ports.ts';
import type { DeliveryPayload } from './ports.ts';

/** Higher goes first: a roll call overtakes everything already queued. */
export const PRIORITY = { rollcall: 100, compliance: 50, checkin: 50, reminder: 40, digest: 30 } as const;
export type MessageKind = keyof typeof PRIORITY;

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutgoingMessage {
  aadObjectId: string;
  tenantId: string;
  payload: DeliveryPayload;
  /** Default `${campaign}:user:${aadObjectId}`. */
  dedupeKey?: string;
}

export interface EnqueueRequest {
  /** e.g. 'rollcall:42', 'checkin:2026-04-01'. */
  campaign: string;
  kind: MessageKind;
  /** Overrides PRIORITY[kind]. */
  priority?: number;
  messages: OutgoingMessage[];
}

const CHUNK = 5_000;

export interface EnqueueResult {
  queued: number;
  skipped: number;
}

/**
 * Queues every message in one transaction: the caller's, when `db` is a client inside one (the messages then commit
 * or vanish with the fact that caused them), else its own. A dedupe key already present is skipped.
 */
export async function enqueue(db: Queryable, req: EnqueueRequest): Promise<EnqueueResult> {
  const priority = req.priority ?? PRIORITY[req.kind];
  const queued = await inTransaction(db, async (client) => {
    let n = 0;
    for (let i = 0; i < req.messages.length; i += CHUNK) {
      const chunk = req.messages.slice(i, i + CHUNK);
      const r = await client.query(
        `INSERT INTO delivery_outbox (dedupe_key, campaign, kind, priority, aad_object_id, tenant_id, payload)
         SELECT k, $1, $2, $3, a, t, p::jsonb FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(k, a, t, p)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          req.campaign,
          req.kind,
          priority,
          chunk.map((m) => m.dedupeKey ?? `${req.campaign}:user:${m.aadObjectId}`),
          chunk.map((m) => m.aadObjectId),
          chunk.map((m) => m.tenantId),
          chunk.map((m) => JSON.stringify(m.payload)),
        ],
      );
      n += r.rowCount ?? 0;
    }
    return n;
  });
  return { queued, skipped: req.messages.length - queued };
}

/** The outbox as a port, bound to a pool or to the caller's transaction. */
export interface Outbox {
  enqueue(req: EnqueueRequest): Promise<EnqueueResult>;
}

export const outboxOn = (db: Queryable): Outbox => ({ enqueue: (req) => enqueue(db, req) });

export interface ClaimedMessage {
  id: string;
  dedupeKey: string;
  aadObjectId: string;
  tenantId: string;
  payload: DeliveryPayload;
  attempts: number;
  conversationRef?: ConversationReference;
  /** The database's clock when claimed. */
  claimedAtMs: number;
}

/** Takes up to `limit` ready rows for `worker`, leased for `leaseMs`, inside the caller's transaction. */
export async function claim(
  client: pg.PoolClient | pg.Pool,
  worker: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMessage[]> {
  if (limit <= 0) return [];
  const { rows } = await client.query(
    `WITH picked AS (
       SELECT id FROM delivery_outbox
       WHERE status = 'queued' AND next_attempt_at <= now()
       ORDER BY priority DESC, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED)
     UPDATE delivery_outbox o
        SET status = 'sending', locked_by = $1, locked_until = now() + $3 * interval '1 millisecond',
            attempts = o.attempts + 1, updated_at = now()
       FROM picked
      WHERE o.id = picked.id
     RETURNING o.id, o.dedupe_key, o.aad_object_id, o.tenant_id, o.payload, o.attempts,
               (SELECT u.conversation_ref FROM users u WHERE u.aad_object_id = o.aad_object_id) AS conversation_ref,
               extract(epoch FROM now()) * 1000 AS now_ms`,
    [worker, limit, leaseMs],
  );
  return rows
    .map((r) => ({
      id: String(r.id),
      dedupeKey: r.dedupe_key,
      aadObjectId: r.aad_object_id,
      tenantId: r.tenant_id,
      payload: r.payload,
      attempts: r.attempts,
      conversationRef: r.conversation_ref ?? undefined,
      claimedAtMs: Number(r.now_ms),
    }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** Rows whose worker died mid-send (lease expired) go back to the queue; they may have been sent (at-least-once). */
export async function releaseExpiredLeases(pool: pg.Pool): Promise<number> {
  const r = await pool.query(
    `UPDATE delivery_outbox SET status = 'queued', locked_by = NULL, locked_until = NULL, updated_at = now(),
            last_error = 'lease expired (worker stopped while sending)'
      WHERE status = 'sending' AND locked_until < now()`,
  );
  return r.rowCount ?? 0;
}

export type Settlement =
  | { id: string; outcome: 'sent'; activityId: string }
  | { id: string; outcome: 'retry'; delayMs: number; error: string; refund?: boolean }
  | { id: string; outcome: 'failed'; reason: string; error: string };

/** Records the outcomes of a batch in one statement; only rows still leased by `worker` change. */
export async function settle(pool: pg.Pool, worker: string, items: Settlement[]): Promise<void> {
  if (items.length === 0) return;
  await pool.query(
    `UPDATE delivery_outbox o SET
        status = CASE s.outcome WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END,
        activity_id = COALESCE(s.activity_id, o.activity_id),
        sent_at = CASE WHEN s.outcome = 'sent' THEN clock_timestamp() ELSE o.sent_at END,
        reason = s.reason,
        last_error = COALESCE(s.error, o.last_error),
        attempts = o.attempts - CASE WHEN s.refund THEN 1 ELSE 0 END,
        next_attempt_at = clock_timestamp() + COALESCE(s.delay_ms, 0) * interval '1 millisecond',
        locked_by = NULL, locked_until = NULL, updated_at = clock_timestamp()
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bool[])
            AS s(id, outcome, activity_id, reason, error, delay_ms, refund)
      WHERE o.id = s.id AND o.locked_by = $1 AND o.status = 'sending'`,
    [
      worker,
      items.map((i) => i.id),
      items.map((i) => i.outcome),
      items.map((i) => (i.outcome === 'sent' ? i.activityId : null)),
      items.map((i) => (i.outcome === 'failed' ? i.reason : null)),
      items.map((i) => (i.outcome === 'sent' ? null : i.error.slice(0, 500))),
      items.map((i) => (i.outcome === 'retry' ? Math.max(0, Math.round(i.delayMs)) : null)),
      items.map((i) => i.outcome === 'retry' && i.refund === true),
    ],
  );
}

export interface RecipientStatus {
  dedupeKey: string;
  aadObjectId: string;
  status: DeliveryStatus;
  attempts: number;
  activityId?: string;
  reason?: string;
  lastError?: string;
  sentAt?: Date;
}

export interface CampaignStatus {
  counts: Record<DeliveryStatus, number>;
  recipients: RecipientStatus[];
}

/** Who was reached in a campaign (by campaign id, or by dedupe-key prefix when `byPrefix`). */
export async function campaignStatus(
  pool: Queryable,
  campaign: string,
  opts: { byPrefix?: boolean; recipients?: boolean } = {},
): Promise<CampaignStatus> {
  const where = opts.byPrefix ? `dedupe_key LIKE $1 || '%'` : 'campaign = $1';
  const arg = opts.byPrefix ? campaign.replace(/[\\%_]/g, (c) => `\\${c}`) : campaign;
  const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  const c = await pool.query(`SELECT status, count(*)::int AS n FROM delivery_outbox WHERE ${where} GROUP BY status`, [
    arg,
  ]);
  for (const r of c.rows) counts[r.status as DeliveryStatus] = r.n;
  const recipients: RecipientStatus[] = [];
  if (opts.recipients !== false) {
    const { rows } = await pool.query(
      `SELECT dedupe_key, aad_object_id, status, attempts, activity_id, reason, last_error, sent_at
         FROM delivery_outbox WHERE ${where} ORDER BY id`,
      [arg],
    );
    for (const r of rows) {
      recipients.push({
        dedupeKey: r.dedupe_key,
        aadObjectId: r.aad_object_id,
        status: r.status,
        attempts: r.attempts,
        ...(r.activity_id ? { activityId: r.activity_id } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.sent_at ? { sentAt: r.sent_at } : {}),
      });
    }
  }
  return { counts, recipients };
}

/** Messages by status, every status present (0 when none), for the whole outbox or one campaign. */
export async function statusCounts(pool: Queryable, campaign?: string): Promise<Record<DeliveryStatus, number>> {
  const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  const { rows } = await pool.query(
    `SELECT status, count(*)::int AS n FROM delivery_outbox
      WHERE ($1::text IS NULL OR campaign = $1) GROUP BY status`,
    [campaign ?? null],
  );
  for (const r of rows) counts[r.status as DeliveryStatus] = r.n;
  return counts;
}

/** Counts of people who could not be reached, by reason (optionally for one campaign). */
export async function unreachableReport(pool: Queryable, campaign?: string): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    `SELECT reason, count(DISTINCT aad_object_id)::int AS n FROM delivery_outbox
      WHERE status = 'failed' AND ($1::text IS NULL OR campaign = $1) GROUP BY reason ORDER BY reason`,
    [campaign ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.reason ?? 'unknown', r.n]));
}
