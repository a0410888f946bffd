/**
 * The contract of the answer engine. The bot's card builder, the core and the CLI depend on it: change it only
 * together with them.
 */
export type { Lang, SectionId, App, Device, Edition, CellVerdict, MatrixCell } from '../guideline/types.ts';
import type { Lang, MatrixCell, SectionId } from '../guideline/types.ts';

/**
 * allowed / conditional / prohibited — what the guideline says about the thing asked;
 * required — an obligation the employee must do;
 * depends — the matching §3.5 matrix cells disagree;
 * unknown — the guideline does not cover it.
 */
export type Verdict = 'allowed' | 'conditional' | 'prohibited' | 'required' | 'depends' | 'unknown';

export interface Answer {
  /** The question's language: Japanese if it contains kana or kanji, else English. */
  lang: Lang;
  verdict: Verdict;
  /** M365 questions only: every matching cell of the §3.5 matrix; [] otherwise. */
  cells: MatrixCell[];
  /** Sections the answer rests on, the primary one first; [] only for unknown. */
  citations: SectionId[];
  /** One line in the guideline's own terms, in lang. */
  reason: string;
  /** Conditions attached to the verdict, in lang; [] if none. */
  conditions: string[];
  /** The ids of the rules used (see src/guideline/rules.ts). */
  ruleIds: string[];
  /** The full answer a person reads, in lang. */
  text: string;
}

export type AnswerFn = (question: string) => Answer;
