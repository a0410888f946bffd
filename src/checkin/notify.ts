import type pg from 'pg';
import { enqueue, PRIORITY } from '../delivery/outbox.ts';
import type { DeliveryPayload } from '../delivery/ports.ts';
import type { Finding } from './evaluate.ts';
import type { CheckKind } from './questions.ts';
import type { CheckRecord } from './store.ts';

/** Who hears of a compliance finding besides the employee (COMPLIANCE_NOTIFY). */
export type CompliancePolicy = 'nobody' | 'manager' | 'security';

export interface ComplianceNotice {
  /** The employee the finding is about, as the directory or Teams knows them. */
  about: { aadObjectId: string; name?: string };
  kind: CheckKind;
  localDate: string;
  findings: Finding[];
  /** Something the security contact must hear at once (a lost device), whatever the policy. */
  urgent: boolean;
}

export interface ComplianceRenderer {
  render(lang: 'ja' | 'en', notice: ComplianceNotice): DeliveryPayload;
}

/**
 * Queues the messages a finding calls for: incidents flagged for the security contact always go to every
 * SECURITY_CONTACTS person at once; violations follow the policy; cautions stay with the employee. Mood, the wish
 * to talk and notes are never part of a notice.
 */
export function createComplianceNotifier(o: {
  pool: pg.Pool;
  policy: CompliancePolicy;
  securityContacts: string[];
  renderer: ComplianceRenderer;
}) {
  return {
    async notify(record: CheckRecord, findings: Finding[], tenantId: string): Promise<number> {
      const urgent = findings.filter((f) => f.notify === 'security-contact');
      const violations = findings.filter((f) => f.severity !== 'caution' && f.notify !== 'security-contact');
      const recipients = new Map<string, Finding[]>();
      const add = (to: string, list: Finding[]) => {
        if (!list.length || to === record.aadObjectId) return;
        recipients.set(to, [...(recipients.get(to) ?? []), ...list]);
      };
      for (const contact of o.securityContacts) add(contact, urgent);
      if (o.policy === 'security') for (const contact of o.securityContacts) add(contact, violations);
      if (o.policy === 'manager' && violations.length) {
        const { rows } = await o.pool.query<{ manager: string | null }>(
          'SELECT manager_aad_object_id AS manager FROM directory WHERE aad_object_id = $1 AND active',
          [record.aadObjectId],
        );
        if (rows[0]?.manager) add(rows[0].manager, violations);
      }
      if (!recipients.size) return 0;

      const people = await o.pool.query<{ aad_object_id: string; locale: string | null; name: string | null }>(
        `SELECT aad_object_id, u.locale, COALESCE(d.display_name, u.name) AS name
           FROM (SELECT unnest($1::text[]) AS aad_object_id) want
           LEFT JOIN users u USING (aad_object_id) LEFT JOIN directory d USING (aad_object_id)`,
        [[...recipients.keys(), record.aadObjectId]],
      );
      const info = new Map(people.rows.map((r) => [r.aad_object_id, r]));
      const about = { aadObjectId: record.aadObjectId, name: info.get(record.aadObjectId)?.name ?? undefined };
      const messages = [...recipients].map(([to, list]) => {
        const lang = info.get(to)?.locale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
        const notice: ComplianceNotice = {
          about,
          kind: record.kind,
          localDate: record.localDate,
          findings: list,
          urgent: list.some((f) => f.notify === 'security-contact'),
        };
        return {
          aadObjectId: to,
          tenantId,
          payload: o.renderer.render(lang, notice),
          dedupeKey: `compliance:${record.id}:to:${to}`,
        };
      });
      const result = await enqueue(o.pool, {
        campaign: `compliance:${record.localDate}`,
        kind: 'reminder',
        // A lost device must not wait behind the morning's check-ins; only a roll call goes first.
        priority: urgent.length ? PRIORITY.rollcall - 10 : PRIORITY.checkin,
        messages,
      });
      return result.queued;
    },
  };
}

export type ComplianceNotifier = ReturnType<typeof createComplianceNotifier>;
