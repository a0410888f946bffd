import type { Answer, Verdict } from '../../src/answer/types.ts';
import { GUIDELINE_REVISION, sectionLabel } from '../../src/guideline/index.ts';
import type { Strings } from '../locale.ts';
import { bullets, card, text, type Card, type Container, type Element } from './card.ts';
import { guidelineAction, matrixTable } from './guideline.ts';

type VerdictStyle = { label: string; color: 'Good' | 'Warning' | 'Attention' | 'Accent' | 'Default' };

const verdicts: Strings<Record<Verdict, VerdictStyle>> = {
  ja: {
    allowed: { label: '○ 利用できます', color: 'Good' },
    conditional: { label: '△ 条件付きで可', color: 'Warning' },
    prohibited: { label: '× 禁止されています', color: 'Attention' },
    required: { label: '！ 必ず守ってください', color: 'Accent' },
    depends: { label: '使い方によって異なります', color: 'Warning' },
    unknown: { label: 'ガイドラインに記載がありません', color: 'Default' },
  },
  en: {
    allowed: { label: '○ Allowed', color: 'Good' },
    conditional: { label: '△ Allowed with conditions', color: 'Warning' },
    prohibited: { label: '× Prohibited', color: 'Attention' },
    required: { label: '! You must do this', color: 'Accent' },
    depends: { label: 'It depends on how you use it', color: 'Warning' },
    unknown: { label: 'Not covered by the guideline', color: 'Default' },
  },
};

const labels = {
  ja: {
    understood: (summary: string) => `読み取った状況：${summary}`,
    rephrase: '違っている場合は、言い方を変えて質問し直してください。',
    conditions: '条件',
    matrix: 'Microsoft 365 の機器制限（§3.5）',
    source: (ids: string) => `出典：セキュリティガイドライン（テレワーク版）${ids}（${GUIDELINE_REVISION} 改訂）`,
    unknownHint: 'ご不明な点は管理部門にお問い合わせください。',
  },
  en: {
    understood: (summary: string) => `What I understood: ${summary}`,
    rephrase: 'If that is not right, try asking in other words.',
    conditions: 'Conditions',
    matrix: 'Microsoft 365 device rules (§3.5)',
    source: (ids: string) => `Source: Telework security guideline ${ids} (revision ${GUIDELINE_REVISION})`,
    unknownHint: 'Please ask the administration department (管理部門).',
  },
} as const;

export function answerCard(a: Answer): Card {
  const v = verdicts[a.lang][a.verdict];
  const l = labels[a.lang];
  const body: Element[] = [text(v.label, { size: 'Large', weight: 'Bolder', color: v.color, style: 'heading' })];
  if (a.understood.summary) body.push(understoodLine(a));
  body.push(text(a.reason));
  if (a.conditions.length) {
    body.push(text(l.conditions, { weight: 'Bolder', spacing: 'Medium' }), bullets(a.conditions));
  }
  if (a.cells.length) {
    body.push(text(l.matrix, { weight: 'Bolder', spacing: 'Medium' }), matrixTable(a.cells, a.lang));
  }
  if (a.citations.length) {
    body.push(
      text(l.source(a.citations.map((id) => sectionLabel(id, a.lang)).join('、')), {
        isSubtle: true,
        size: 'Small',
        spacing: 'Medium',
      }),
    );
  } else {
    body.push(text(l.unknownHint, { isSubtle: true, spacing: 'Medium' }));
  }
  const more = guidelineAction(a);
  return card(body, more ? [more] : undefined);
}

/** What the engine read, right under the verdict: a misread question shows at once, before the answer is trusted. */
function understoodLine(a: Answer): Container {
  const l = labels[a.lang];
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      text(l.understood(a.understood.summary), { isSubtle: true, size: 'Small' }),
      text(l.rephrase, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
  };
}
