import type { AuditLog } from '../ports.ts';
import type { Queryable } from './transaction.ts';

export function pgAuditLog(pool: Queryable): AuditLog {
  return {
    async record(e) {
      await pool.query('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
        e.at ?? new Date(),
        e.actor,
        e.action,
        e.subject ?? null,
        JSON.stringify(e.detail ?? {}),
      ]);
    },
  };
}
