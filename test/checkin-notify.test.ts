/**
 * Who hears of a check-in finding besides the employee: a lost device reaches every security contact at once,
 * whatever the policy; violations follow COMPLIANCE_NOTIFY; cautions, mood and notes stay with the employee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceRenderer } from '../bot/cards/compliance.ts';
import { evaluate } from '../src/checkin/evaluate.ts';
import { createComplianceNotifier, type CompliancePolicy } from '../src/checkin/notify.ts';
import { pgCheckins } from '../src/store/checkins.ts';
import { storesOn } from '../server/stores.ts';
import { startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
const employee = 'b0000000-0000-4000-8000-000000000001';
const manager = 'b0000000-0000-4000-8000-000000000002';
const security = ['b0000000-0000-4000-8000-000000000009', 'b0000000-0000-4000-8000-000000000008'];
let n = 0;

beforeAll(async () => {
  db = await startTestDatabase();
  await db.pool.query(
    `INSERT INTO directory (aad_object_id, display_name, manager_aad_object_id, source)
     VALUES ($1, '山田 花子', $2, 'hr-csv'), ($2, '佐藤 部長', NULL, 'hr-csv')`,
    [employee, manager],
  );
});

afterAll(async () => {
  await db?.close();
});

async function submit(kind: 'checkin' | 'checkout', answers: Record<string, string>, policy: CompliancePolicy) {
  n += 1;
  const saved = await pgCheckins(db.pool).save(
    {
      aadObjectId: employee,
      localDate: `2026-11-${String(n).padStart(2, '0')}`,
      kind,
      cardId: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      answers,
      guidelineRevision: '2026-02-01',
    },
    evaluate(kind, answers),
    new Date(),
  );
  if (saved.status !== 'stored') throw new Error(saved.status);
  const notifier = createComplianceNotifier({
    policy,
    securityContacts: security,
    renderer: complianceRenderer,
  });
  await notifier.notify(storesOn(db.pool), saved.record, evaluate(kind, answers), 'tenant-1');
  const { rows } = await db.pool.query(
    'SELECT aad_object_id, kind, priority, payload FROM delivery_outbox WHERE dedupe_key LIKE $1 ORDER BY aad_object_id',
    [`compliance:${saved.record.id}:%`],
  );
  return rows as {
    aad_object_id: string;
    kind: string;
    priority: number;
    payload: { summary: string; card: unknown };
  }[];
}

const CHECKOUT_OK = { disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' };
const CHECKIN_OK = { place: 'home', network: 'wired', device: 'company-pc', access: 'vpn', workspace: 'private' };

describe('compliance notices', () => {
  it('tells every security contact at once about a lost device, even when the policy is nobody', async () => {
    const rows = await submit('checkout', { ...CHECKOUT_OK, report: 'lost-device', note: '体調メモ' }, 'nobody');
    expect(rows.map((r) => r.aad_object_id)).toEqual([...security].sort());
    expect(rows[0]!.priority).toBeGreaterThan(50);
    expect(rows[0]!.kind).toBe('compliance');
    expect(rows[0]!.payload.summary).toContain('【至急】');
    expect(JSON.stringify(rows[0]!.payload)).toContain('山田 花子');
    expect(JSON.stringify(rows[0]!.payload)).not.toContain('体調メモ');
  });

  it('tells the manager of a violation under the manager policy, and nobody under the default', async () => {
    const toManager = await submit('checkin', { ...CHECKIN_OK, network: 'public-wifi', mood: '1' }, 'manager');
    expect(toManager.map((r) => r.aad_object_id)).toEqual([manager]);
    expect(JSON.stringify(toManager[0]!.payload)).toContain('§2.2');
    expect(JSON.stringify(toManager[0]!.payload)).not.toMatch(/気分|mood/i);
    expect(await submit('checkin', { ...CHECKIN_OK, network: 'public-wifi' }, 'nobody')).toEqual([]);
    expect(
      (await submit('checkin', { ...CHECKIN_OK, network: 'public-wifi' }, 'security')).map((r) => r.aad_object_id),
    ).toEqual([...security].sort());
  });

  it('keeps a mere caution with the employee', async () => {
    expect(await submit('checkin', { ...CHECKIN_OK, device: 'personal-pc', access: 'rv' }, 'manager')).toEqual([]);
  });
});
