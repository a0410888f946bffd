import type { AuditEvent, AuditLog } from '../ports.ts';
import type { Queryable } from './transaction.ts';

/**
 * Keys under which what a person typed would sit. The audit log is append-only and never purged, so it records
 * ids, codes and counts; an event that would store typed text is a programming error and is refused.
 */
const TYPED_TEXT_KEYS = new Set(['question', 'text', 'note', 'notes', 'answers', 'body', 'activity', 'row']);

export function pgAuditLog(db: Queryable): AuditLog {
  return {
    async record(e) {
      refuseTypedText(e);
      await db.query('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
        e.at ?? new Date(),
        e.actor,
        e.action,
        e.subject ?? null,
        JSON.stringify(e.detail ?? {}),
      ]);
    },
  };
}

function refuseTypedText(e: AuditEvent): void {
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if (TYPED_TEXT_KEYS.has(key.toLowerCase())) {
        throw new Error(`audit event ${e.action} would store typed text under ${path}${key}`);
      }
      walk(v, `${path}${key}.`);
    }
  };
  walk(e.detail, 'detail.');
}
