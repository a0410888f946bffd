/** §2.6 — paper documents taken out of the office. */
import type { Decision } from './compose.ts';
import { type Facts, d } from './facts.ts';
import { PAPER_REASON } from './reasons.ts';
import { R } from './topics.ts';

const NOT_SEEN = /(見えない|見られない|見えないよう|not (be )?(visible|seen)|can'?t see)/;

export function paper(f: Facts): Decision {
  const rules = ['2.6-paper-in-principle', '2.6-paper-with-approval', '2.6-paper-no-copy', '2.6-department-rules'];
  if (
    /(部門|部署|dept|department|team)[^?？。]{0,12}(ルール|手続|様式|フォーム|form|procedure|process|管理|台帳|記録|ledger|log|rules?)/.test(
      f.n,
    )
  )
    return d('required', ['§2.6'], ['2.6-department-rules', '2.6-paper-in-principle']);
  // Copies of documents taken out are prohibited even with the permission to take them out.
  if (
    /(コピー|複製|photocop|スキャン|\bscan|pdf(に|化)|\bcop(y|ies|ying)\b|第三者|見せ|見られ(?!ない)|のぞ|覗|読ま|確認してもら|見てもら|手伝ってもら|help me (check|proofread)|proofread|読んでもら|チェックしてもら|\bshow|\bseen\b|peek|glance|look at|他人|others|third)/.test(
      f.n,
    ) ||
    (f.has(R.family) && f.has(R.see) && !NOT_SEEN.test(f.n))
  ) {
    const cohabitant = f.has(R.family) ? (['§2.5'] as const) : [];
    return d('prohibited', ['§2.6', ...cohabitant], ['2.6-paper-no-copy', '2.6-paper-in-principle']);
  }
  // Not yet asked, and asking now what to do: the answer is the permission it needs.
  if (f.has(R.approvalNegated) && /(したい|たいです|want to|would like to)/.test(f.n) && !/[?？]/.test(f.n))
    return d('conditional', ['§2.6'], rules, { reason: PAPER_REASON });
  if (f.has(R.approvalNegated)) return d('prohibited', ['§2.6'], rules);
  const hypothetical =
    /(\bif (i|we) (get|obtain|have|ask)|\bonce (i|we) (get|have)|provided (i|we)|もらえば|得れば|取れば|もらったら|得たら)/.test(
      f.n,
    );
  // With both permissions it may go home, still on the conditions: no copies, nobody else reads it.
  if (f.has(R.approval) && f.has(R.customerWord) && f.has(R.managerWord) && !hypothetical) {
    return d('conditional', ['§2.6'], ['2.6-paper-with-approval', '2.6-paper-no-copy', '2.6-department-rules']);
  }
  return d('conditional', ['§2.6'], rules, { reason: PAPER_REASON });
}
