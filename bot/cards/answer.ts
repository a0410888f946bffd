import type { Answer, MatrixCell, SectionId, Verdict } from '../../src/answer/types.ts';
import {
  CELL_VERDICT_NAMES,
  DEVICE_NAMES,
  EDITION_NAMES,
  GUIDELINE_REVISION,
  sectionTitle,
} from '../../src/guideline/index.ts';
import type { Strings } from '../locale.ts';
import {
  bullets,
  card,
  text,
  type Card,
  type Element,
  type Table,
  type TableCell,
  type TableRow,
  type TextBlock,
} from './card.ts';

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
    conditions: '条件',
    matrix: 'Microsoft 365 の機器制限（§3.5）',
    columns: ['アプリ', '機器', '種類', '可否'],
    source: (ids: string) => `出典：セキュリティガイドライン（テレワーク版）${ids}（${GUIDELINE_REVISION} 改訂）`,
    unknownHint: 'ご不明な点は管理部門にお問い合わせください。',
  },
  en: {
    conditions: 'Conditions',
    matrix: 'Microsoft 365 device rules (§3.5)',
    columns: ['App', 'Device', 'Edition', 'Verdict'],
    source: (ids: string) => `Source: Telework security guideline ${ids} (revision ${GUIDELINE_REVISION})`,
    unknownHint: 'Please ask the administration department (管理部門).',
  },
} as const;

// The guideline's full app names are too long for a table column.
const SHORT_APP_NAMES = { outlook: 'Outlook', teams: 'Teams' } as const;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function answerCard(a: Answer): Card {
  const v = verdicts[a.lang][a.verdict];
  const l = labels[a.lang];
  const body: Element[] = [
    text(v.label, { size: 'Large', weight: 'Bolder', color: v.color, style: 'heading' }),
    text(a.reason),
  ];
  if (a.conditions.length) {
    body.push(text(l.conditions, { weight: 'Bolder', spacing: 'Medium' }), bullets(a.conditions));
  }
  if (a.cells.length) {
    body.push(text(l.matrix, { weight: 'Bolder', spacing: 'Medium' }), matrixTable(a.cells, a.lang));
  }
  if (a.citations.length) {
    body.push(
      text(l.source(a.citations.map((id) => citation(id, a.lang)).join('、')), {
        isSubtle: true,
        size: 'Small',
        spacing: 'Medium',
      }),
    );
  } else {
    body.push(text(l.unknownHint, { isSubtle: true, spacing: 'Medium' }));
  }
  return card(body);
}

function citation(id: SectionId, lang: 'ja' | 'en'): string {
  return `${id} ${sectionTitle(id, lang)}`;
}

function matrixTable(cells: MatrixCell[], lang: 'ja' | 'en'): Table {
  const l = labels[lang];
  const cell = (value: string, extra: Omit<TextBlock, 'type' | 'text'> = {}): TableCell => ({
    type: 'TableCell',
    items: [text(value, extra)],
  });
  return {
    type: 'Table',
    firstRowAsHeaders: true,
    showGridLines: true,
    columns: [{ width: 2 }, { width: 3 }, { width: 2 }, { width: 1 }],
    rows: [
      { type: 'TableRow', style: 'accent', cells: l.columns.map((c) => cell(c, { weight: 'Bolder' })) },
      ...cells.map((c): TableRow => ({
        type: 'TableRow',
        cells: [
          cell(SHORT_APP_NAMES[c.app]),
          cell(capitalize(DEVICE_NAMES[c.device][lang])),
          cell(capitalize(EDITION_NAMES[c.edition][lang])),
          cell(CELL_VERDICT_NAMES[c.verdict].symbol, {
            weight: 'Bolder',
            color: c.verdict === 'allowed' ? 'Good' : c.verdict === 'conditional' ? 'Warning' : 'Attention',
          }),
        ],
      })),
    ],
  };
}
