/**
 * The arithmetic of rate limits and retries, without I/O, so that it can be tested with a controllable clock.
 * The global bucket's state lives in PostgreSQL (throttle.ts) but is advanced with `refillBucket`.
 */

export interface BucketState {
  tokens: number;
  refilledAtMs: number;
  pausedUntilMs?: number;
}

/**
 * Tokens available at `nowMs`. Nothing accrues while Teams asked us to pause: refilling starts again from the end
 * of the pause, so the first second after a pause is not a burst.
 */
export function refillBucket(s: BucketState, nowMs: number, ratePerSecond: number, capacity: number): number {
  if (s.pausedUntilMs !== undefined && nowMs < s.pausedUntilMs) return 0;
  const from = Math.max(s.refilledAtMs, s.pausedUntilMs ?? -Infinity);
  const tokens = s.pausedUntilMs !== undefined && s.pausedUntilMs > s.refilledAtMs ? 0 : s.tokens;
  return Math.min(capacity, tokens + (Math.max(0, nowMs - from) * ratePerSecond) / 1000);
}

/** A small bucket: a burst never exceeds a fifth of a second's worth of sends (at least one). */
export function bucketCapacity(ratePerSecond: number): number {
  return Math.max(1, Math.ceil(ratePerSecond * 0.2));
}

/** Teams' limits for one conversation (bot → the same 1:1 chat). */
export const CONVERSATION_LIMITS: ReadonlyArray<{ max: number; windowMs: number }> = [
  { max: 7, windowMs: 1_000 },
  { max: 60, windowMs: 30_000 },
];

/** Sliding windows per conversation, in one process. */
export class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();
  constructor(private readonly limits = CONVERSATION_LIMITS) {}

  /** 0 when a send to `key` may go now (and records it), else how long to wait. */
  tryTake(key: string, nowMs: number): number {
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    const times = (this.sent.get(key) ?? []).filter((t) => t > nowMs - longest);
    let wait = 0;
    for (const l of this.limits) {
      const inWindow = times.filter((t) => t > nowMs - l.windowMs);
      if (inWindow.length >= l.max) wait = Math.max(wait, inWindow[inWindow.length - l.max]! + l.windowMs - nowMs);
    }
    if (wait > 0) {
      this.sent.set(key, times);
      return wait;
    }
    times.push(nowMs);
    this.sent.set(key, times);
    if (this.sent.size > 100_000) this.prune(nowMs - longest);
    return 0;
  }

  private prune(before: number): void {
    for (const [k, v] of this.sent) if (v.every((t) => t <= before)) this.sent.delete(k);
  }
}

export const MAX_ATTEMPTS = 8;

/** Statuses worth trying again: throttled, precondition (Teams' transient 412), and the gateway/service errors. */
export function isRetryable(status: number): boolean {
  return (
    status === 0 ||
    status === 429 ||
    status === 412 ||
    status === 500 ||
    status === 502 ||
    status === 503 ||
    status === 504
  );
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * After a failed attempt (1-based `attempts` already made): retry with the channel's Retry-After, else with
 * jittered exponential backoff (1 s, 2 s, 4 s … capped at 60 s), up to MAX_ATTEMPTS; other failures are final.
 */
export function retryDecision(
  failure: { status: number; retryAfterMs?: number; reason: string },
  attempts: number,
  random: () => number = Math.random,
  maxAttempts = MAX_ATTEMPTS,
): RetryDecision {
  if (!isRetryable(failure.status)) return { retry: false, reason: finalReason(failure) };
  if (attempts >= maxAttempts) return { retry: false, reason: 'gave_up' };
  if (failure.retryAfterMs !== undefined) return { retry: true, delayMs: failure.retryAfterMs };
  const base = Math.min(60_000, 1_000 * 2 ** (attempts - 1));
  return { retry: true, delayMs: Math.round(base / 2 + random() * (base / 2)) };
}

/** The reason code a final failure is grouped under in the unreachable report (the detail goes to last_error). */
export function finalReason(failure: { status: number }): string {
  if (failure.status === 403) return 'not_reachable';
  if (failure.status === 404) return 'conversation_not_found';
  if (failure.status === 401) return 'unauthorized';
  return `rejected_${failure.status}`;
}
