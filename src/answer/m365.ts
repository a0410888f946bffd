/** §3.5 — the Microsoft 365 matrix and the Office apps, with the exceptions of §3.2 that bear on it. */
import { matrixCells } from '../guideline/matrix.ts';
import { rule } from '../guideline/rules.ts';
import type { App, Device, Edition, MatrixCell, SectionId } from '../guideline/types.ts';
import type { Decision } from './compose.ts';
import { type Facts, UNKNOWN, d, owns, personalDevice } from './facts.ts';
import { APPROVED, NOT_NAMED } from './patterns.ts';
import { NOT_NAMED_REASON, OTHER_OFFICE_PERSONAL_REASON } from './reasons.ts';
import { R } from './topics.ts';
import type { Verdict } from './types.ts';

export function isAppInstall(f: Facts): boolean {
  // "download the Teams app" installs an app (§3.5), it does not copy data.
  return (
    (f.apps.length > 0 || /(アプリ|\bapps?\b|software|ソフト)/.test(f.n)) && !f.has(R.dataObject) && f.has(R.install)
  );
}

export function otherOffice(f: Facts): Decision {
  const personal = personalDevice(f);
  const app = f.editions.includes('app') && !f.editions.includes('web');
  const web = f.editions.includes('web') && !f.editions.includes('app');
  if (personal) {
    // On a personal PC, installing apps is §3.2's own prohibition; on a phone, §3.5's.
    if (app)
      return owns(f, 'personal', 'pc')
        ? d('prohibited', ['§3.2', '§3.5'], ['3.2-personal-pc-methods', '3.5-personal-devices'])
        : d('prohibited', ['§3.5', '§3.2'], ['3.5-personal-devices', '3.2-personal-pc-methods']);
    if (web) return d('conditional', ['§3.5', '§3.2'], ['3.5-personal-phone-web-office', '3.5-personal-devices']);
    return d('conditional', ['§3.5', '§3.2'], ['3.5-personal-devices', '3.5-personal-phone-web-office'], {
      reason: OTHER_OFFICE_PERSONAL_REASON,
    });
  }
  if (owns(f, 'company', 'phone') && app) return d('conditional', ['§3.5'], ['3.5-company-phone-app']);
  if (owns(f, 'company')) return d('allowed', ['§3.2', '§3.5'], ['3.2-company-pc-only']);
  return UNKNOWN;
}

/** A personal PC in place of a broken company PC is the §3.2 exception: with the manager's approval. */
export function whileRepaired(decision: Decision, f: Facts): Decision {
  // A personal PC used without the manager's approval (申請は出ていない) breaks §3.2 whatever the matrix says.
  if (decision.verdict === 'allowed' && owns(f, 'personal', 'pc') && f.has(R.approvalNegated))
    return d('prohibited', ['§3.2', '§3.5'], ['3.2-personal-pc-approval', ...decision.ruleIds], {
      cells: decision.cells,
    });
  if (decision.verdict !== 'allowed' || !owns(f, 'personal', 'pc') || !f.has(R.breakdown)) return decision;
  // The manager's approval already given: the exception applies and the matrix's ○ stands.
  if (APPROVED.test(f.n) && !f.has(R.approvalNegated)) return decision;
  return d(
    'conditional',
    ['§3.2', '§3.5'],
    ['3.2-personal-pc-exception', '3.2-personal-pc-approval', ...decision.ruleIds],
    { cells: decision.cells },
  );
}

export function notEligible(decision: Decision, n: string): Decision {
  // The app before Intune is on the phone is exactly what ② forbids: MDM is required first.
  if (
    decision.cells?.some((c) => c.device === 'company-phone' && c.edition === 'app') &&
    /((intune|mdm)[^.?。]{0,40}(later|not yet|まだ|後で|another week)|before (intune|mdm)|without (intune|mdm)|never enrolled|not enrolled|(intune|mdm)(なし|無し|を入れずに|に?登録して(い)?ない))/.test(
      n,
    )
  )
    return { ...decision, verdict: 'prohibited', conditions: { ja: [], en: [] } };
  const cells = decision.cells ?? [];
  // 「部長ではないがPLをやっている」: a PL is one of the named people.
  const namedRole =
    /(\bpm\b|\bpl\b|プロジェクトマネージャー|プロジェクトリーダー)(を|として|をやって|やって|です|の立場)/.test(n);
  if (
    !NOT_NAMED.test(n) ||
    namedRole ||
    !cells.length ||
    !cells.every((c) => c.device === 'company-phone' && c.edition === 'app')
  )
    return decision;
  return { ...decision, verdict: 'prohibited', conditions: { ja: [], en: [] }, reason: NOT_NAMED_REASON };
}

export function matrix(apps: readonly App[], devices: readonly Device[], editions: readonly Edition[]): Decision {
  const cells = matrixCells({ apps, devices, editions });
  const verdicts = new Set(cells.map((c) => c.verdict));
  const verdict: Verdict = verdicts.size === 1 ? (cells[0] as MatrixCell).verdict : 'depends';
  const used = new Set(cells.map((c) => c.device));
  const citations: SectionId[] = ['§3.5'];
  const ruleIds = ['3.5-matrix'];
  const cond = { ja: [] as string[], en: [] as string[] };
  const add = (id: string) => {
    const r = rule(id);
    if (r.conditions) {
      cond.ja.push(...r.conditions.ja);
      cond.en.push(...r.conditions.en);
    }
  };
  if (used.has('personal-pc') || used.has('personal-phone')) {
    ruleIds.push('3.5-personal-devices');
    if (cells.some((c) => c.verdict === 'allowed' && (c.device === 'personal-pc' || c.device === 'personal-phone')))
      add('3.5-personal-devices');
  }
  if (cells.some((c) => c.verdict === 'conditional')) {
    ruleIds.push('3.5-company-phone-app');
    add('3.5-company-phone-app');
  }
  if (used.has('personal-pc')) {
    citations.push('§3.2');
    ruleIds.push('3.2-personal-pc-methods');
    if (cells.some((c) => c.device === 'personal-pc' && c.verdict === 'allowed')) {
      ruleIds.push('3.2-personal-pc-approval');
      add('3.2-personal-pc-approval');
    }
  }
  return { verdict, citations, ruleIds, cells, conditions: cond };
}
