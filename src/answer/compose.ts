/** Turns a decision into the Answer a person reads, in the question's language. */
import { APP_NAMES, CELL_VERDICT_NAMES, DEVICE_NAMES, EDITION_NAMES } from '../guideline/matrix.ts';
import { GUIDELINE_REVISION, GUIDELINE_TITLE } from '../guideline/revisions.ts';
import { rule } from '../guideline/rules.ts';
import { sectionLabel } from '../guideline/sections.ts';
import type { App, Bilingual, Device, Lang, MatrixCell, SectionId } from '../guideline/types.ts';
import type { Situation } from './situation.ts';
import { summaryOf } from './summary.ts';
import type { Answer, Understood, Verdict } from './types.ts';

export interface Decision {
  verdict: Verdict;
  citations: SectionId[];
  ruleIds: string[];
  /** Defaults to the first rule's wording. */
  reason?: Bilingual;
  /** Defaults to the conditions of all the rules used. */
  conditions?: { ja: string[]; en: string[] };
  cells?: MatrixCell[];
  /** unknown only: the sections nearest to what was asked. */
  nearest?: SectionId[];
}

const VERDICT_WORDS: Record<Verdict, Bilingual> = {
  allowed: { ja: '○ 可', en: 'Allowed' },
  conditional: { ja: '△ 条件付きで可', en: 'Allowed with conditions' },
  prohibited: { ja: '× 禁止', en: 'Prohibited' },
  required: { ja: '！ 必須（必ず守ってください）', en: 'Required' },
  depends: { ja: '使い方によって異なります', en: 'It depends' },
  unknown: { ja: 'ガイドラインに記載がありません', en: 'Not covered by the guideline' },
};

const UNKNOWN_REASON: Bilingual = {
  ja: 'この質問はセキュリティガイドライン（テレワーク版）には記載がないため、推測ではお答えできません。管理部門にお問い合わせください。',
  en: 'The telework security guideline does not cover this, so I will not guess. Please ask the administration department (管理部門).',
};

export function compose(lang: Lang, decision: Decision, situation: Situation): Answer {
  const understood: Understood = { ...situation, summary: summaryOf(situation, lang) };
  if (decision.verdict === 'unknown') {
    const reason = UNKNOWN_REASON[lang];
    return {
      lang,
      verdict: 'unknown',
      cells: [],
      citations: [],
      reason,
      conditions: [],
      ruleIds: [],
      text: lang === 'ja' ? `【${VERDICT_WORDS.unknown.ja}】${reason}` : `${VERDICT_WORDS.unknown.en}. ${reason}`,
      understood,
      nearest: decision.nearest ?? [],
    };
  }
  const cells = decision.cells ?? [];
  const reason = decision.reason?.[lang] ?? (cells.length ? matrixReason(cells, lang) : firstRule(decision)[lang]);
  const conditions = dedupe(decision.conditions ? decision.conditions[lang] : rulesConditions(decision.ruleIds, lang));
  const citations = dedupe(decision.citations) as SectionId[];
  const lines: string[] = [];
  const bullet = lang === 'ja' ? '・' : '- ';
  lines.push(
    lang === 'ja'
      ? `【${VERDICT_WORDS[decision.verdict].ja}】${reason}`
      : `${VERDICT_WORDS[decision.verdict].en}. ${reason}`,
  );
  if (cells.length) {
    lines.push(lang === 'ja' ? 'Microsoft 365 の機器制限（§3.5）：' : 'Microsoft 365 device rules (§3.5):');
    for (const c of cells) lines.push(`${bullet}${cellLine(c, lang)}`);
  }
  if (conditions.length) {
    lines.push(lang === 'ja' ? '条件：' : 'Conditions:');
    for (const c of conditions) lines.push(`${bullet}${c}`);
  }
  const cited = citations.map((id) => sectionLabel(id, lang)).join(lang === 'ja' ? '、' : '; ');
  lines.push(
    lang === 'ja'
      ? `根拠：${GUIDELINE_TITLE.ja}${cited}（${GUIDELINE_REVISION} 改訂）`
      : `Source: ${GUIDELINE_TITLE.en} ${cited} (revision ${GUIDELINE_REVISION})`,
  );
  return {
    lang,
    verdict: decision.verdict,
    cells: cells.map((c) => ({ app: c.app, device: c.device, edition: c.edition, verdict: c.verdict })),
    citations,
    reason,
    conditions,
    ruleIds: dedupe(decision.ruleIds),
    text: lines.join('\n'),
    understood,
    nearest: [],
  };
}

function firstRule(decision: Decision): Bilingual {
  const id = decision.ruleIds[0];
  if (!id) throw new Error('a decision needs at least one rule');
  return rule(id);
}

function rulesConditions(ids: string[], lang: Lang): string[] {
  return ids.flatMap((id) => rule(id).conditions?.[lang] ?? []);
}

function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function cellLine(c: MatrixCell, lang: Lang): string {
  const v = CELL_VERDICT_NAMES[c.verdict];
  if (lang === 'ja')
    return `${shortApp(c.app)}（${DEVICE_NAMES[c.device].ja}・${EDITION_NAMES[c.edition].ja}）：${v.symbol} ${v.ja}`;
  return `${shortApp(c.app)} on a ${DEVICE_NAMES[c.device].en}, ${EDITION_NAMES[c.edition].en}: ${v.symbol} ${v.en}`;
}

function shortApp(app: App): string {
  return APP_NAMES[app].en.replace(/ \(.*\)$/, '');
}

/** "私用PCのOutlookは WEB版○・アプリ版×" for each app × device, in one line. */
function matrixReason(cells: MatrixCell[], lang: Lang): string {
  const groups = new Map<string, MatrixCell[]>();
  for (const c of cells) {
    const key = `${c.device}|${c.app}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const parts: string[] = [];
  for (const g of groups.values()) {
    const first = g[0] as MatrixCell;
    const device: Device = first.device;
    if (lang === 'ja') {
      const eds = g
        .map(
          (c) =>
            `${EDITION_NAMES[c.edition].ja}${CELL_VERDICT_NAMES[c.verdict].symbol}（${CELL_VERDICT_NAMES[c.verdict].ja}）`,
        )
        .join('・');
      parts.push(`${DEVICE_NAMES[device].ja}の${shortApp(first.app)}は${eds}`);
    } else {
      const eds = g
        .map(
          (c) =>
            `${EDITION_NAMES[c.edition].en} ${CELL_VERDICT_NAMES[c.verdict].symbol} (${CELL_VERDICT_NAMES[c.verdict].en})`,
        )
        .join(', ');
      parts.push(`${shortApp(first.app)} on a ${DEVICE_NAMES[device].en}: ${eds}`);
    }
  }
  return lang === 'ja'
    ? `Microsoft 365 を社外で利用する時の機器制限では、${parts.join('、')}です。`
    : `Under the Microsoft 365 device rules, ${parts.join('; ')}.`;
}
