/**
 * The guideline behind an answer, opened on request under the answer card: a person who doubts the answer can
 * read the rules it rests on without leaving Teams, and the card itself stays short.
 */
import type { Answer, Lang, MatrixCell, SectionId } from '../../src/answer/types.ts';
import {
  CELL_VERDICT_NAMES,
  DEVICE_NAMES,
  EDITION_NAMES,
  MATRIX,
  rule,
  sectionLabel,
} from '../../src/guideline/index.ts';
import {
  bullets,
  text,
  type Element,
  type ShowCardAction,
  type Table,
  type TableCell,
  type TableRow,
  type TextBlock,
} from './card.ts';

const labels = {
  ja: {
    button: 'ガイドラインの該当箇所を見る',
    nearest: 'この質問に近いガイドラインの項目です。',
    columns: ['アプリ', '機器', '種類', '可否'],
  },
  en: {
    button: 'See the guideline',
    nearest: 'The parts of the guideline nearest to your question:',
    columns: ['App', 'Device', 'Edition', 'Verdict'],
  },
} as const;

/** undefined when there is nothing to show: an unknown answer with no section near it. */
export function guidelineAction(a: Answer): ShowCardAction | undefined {
  const body = a.verdict === 'unknown' ? nearestSections(a.nearest, a.lang) : usedRules(a);
  if (!body.length) return undefined;
  return { type: 'Action.ShowCard', title: labels[a.lang].button, card: { type: 'AdaptiveCard', body } };
}

/**
 * Each section the answer rests on with the text of the rules used from it. A rule from a section not cited still
 * shows, under its own section: the person sees every rule the answer used.
 */
function usedRules(a: Answer): Element[] {
  const rules = a.ruleIds.map(rule);
  const sections = [...new Set([...a.citations, ...rules.map((r) => r.section)])];
  return sections.flatMap((id, i): Element[] => {
    const texts = rules.filter((r) => r.section === id).map((r) => r[a.lang]);
    return [
      sectionHeading(id, a.lang, i > 0),
      ...(texts.length ? [bullets(texts)] : []),
      // The whole table, not just the cells asked about: the neighbouring rows answer the next question.
      ...(id === '§3.5' ? [matrixTable(MATRIX, a.lang)] : []),
    ];
  });
}

/** Titles only: the rules of several whole sections would bury the one a person is looking for. */
function nearestSections(ids: SectionId[], lang: Lang): Element[] {
  if (!ids.length) return [];
  return [text(labels[lang].nearest, { isSubtle: true }), bullets(ids.map((id) => sectionLabel(id, lang)))];
}

const sectionHeading = (id: SectionId, lang: Lang, spaced: boolean): TextBlock =>
  text(sectionLabel(id, lang), { weight: 'Bolder', ...(spaced ? { spacing: 'Medium' } : {}) });

// The guideline's full app names are too long for a table column.
const SHORT_APP_NAMES = { outlook: 'Outlook', teams: 'Teams' } as const;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** §3.5 cells as a table, one row a cell, in the order given. */
export function matrixTable(cells: readonly MatrixCell[], lang: Lang): Table {
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
      { type: 'TableRow', style: 'accent', cells: labels[lang].columns.map((c) => cell(c, { weight: 'Bolder' })) },
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
