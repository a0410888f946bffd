import { PRIORITY, type Outbox } from '../delivery/outbox.ts';
import type { DeliveryPayload } from '../delivery/ports.ts';
import { langOf, type Lang } from '../lang.ts';
import type { UserStore } from '../ports.ts';
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
  render(lang: Lang, notice: ComplianceNotice): DeliveryPayload;
}

/** What a notice reads and writes, bound to the transaction that stores the check-in. */
export interface NoticeStores {
  users: Pick<UserStore, 'profiles'>;
  directory: { managerOf(aadObjectId: string): Promise<string | undefined> };
  outbox: Outbox;
}

/**
 * Queues the messages a finding calls for: incidents flagged for the security contact always go to every
 * SECURITY_CONTACTS person at once; violations follow the policy; cautions stay with the employee. Mood, the wish
 * to talk and notes are never part of a notice.
 */
export function createComplianceNotifier(o: {
  policy: CompliancePolicy;
  securityContacts: string[];
  renderer: ComplianceRenderer;
}) {
  return {
    /** Queues the notices through `tx`, so they commit with the check-in or not at all. */
    async notify(tx: NoticeStores, record: CheckRecord, findings: Finding[], tenantId: string): Promise<number> {
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
        const manager = await tx.directory.managerOf(record.aadObjectId);
        if (manager) add(manager, violations);
      }
      if (!recipients.size) return 0;

      const info = await tx.users.profiles([...recipients.keys(), record.aadObjectId]);
      const about = { aadObjectId: record.aadObjectId, name: info.get(record.aadObjectId)?.name };
      const messages = [...recipients].map(([to, list]) => {
        const lang = langOf(info.get(to)?.locale);
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
      const result = await tx.outbox.enqueue({
        campaign: `compliance:${record.localDate}`,
        kind: 'compliance',
        // A lost device must not wait behind the morning's check-ins; only a roll call goes first.
        priority: urgent.length ? PRIORITY.rollcall - 10 : PRIORITY.compliance,
        messages,
      });
      return result.queued;
    },
  };
}

export type ComplianceNotifier = ReturnType<typeof createComplianceNotifier>;
