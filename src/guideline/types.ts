/**
 * The vocabulary of the telework security guideline (セキュリティガイドライン テレワーク版).
 * These types are shared by the guideline data, the answer engine and the bot's cards.
 */

export type Lang = 'ja' | 'en';

/** Section ids as cited everywhere in the app (see shared/guideline/README.md). */
export const SECTION_IDS = [
  '§0',
  '§1',
  '§2.1',
  '§2.2',
  '§2.3',
  '§2.4',
  '§2.5',
  '§2.6',
  '§2.7',
  '§3.1',
  '§3.2',
  '§3.3',
  '§3.4',
  '§3.5',
  '§4',
  '§R',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export type App = 'outlook' | 'teams';
export type Device = 'company-pc' | 'personal-pc' | 'company-phone' | 'personal-phone';
export type Edition = 'web' | 'app';
export type CellVerdict = 'allowed' | 'conditional' | 'prohibited';

export const APPS: readonly App[] = ['outlook', 'teams'];
export const DEVICES: readonly Device[] = ['company-pc', 'personal-pc', 'company-phone', 'personal-phone'];
export const EDITIONS: readonly Edition[] = ['web', 'app'];

export interface MatrixCell {
  app: App;
  device: Device;
  edition: Edition;
  verdict: CellVerdict;
}

/** Text in both languages. */
export interface Bilingual {
  ja: string;
  en: string;
}

export type RuleKind = 'prohibition' | 'obligation' | 'permission' | 'condition' | 'recommendation' | 'info';

export interface Rule {
  /** Stable id, e.g. "2.4-no-copy". Never reuse an id for a different rule. */
  id: string;
  section: SectionId;
  kind: RuleKind;
  /** The rule in Japanese, close to the guideline's own terms. */
  ja: string;
  /** The rule in English. */
  en: string;
  /** Conditions attached to the rule (approval, devices, roles…), in both languages. */
  conditions?: { ja: string[]; en: string[] };
  /** Words a reader may use for this rule (a hint, not used for matching). */
  keywords?: string[];
  /**
   * A phrase copied from the guideline text that this rule rests on. The tests check it is in the text
   * (ignoring whitespace and the ** emphasis marks), so the data cannot drift from the source.
   */
  quote?: string;
}

export interface Section {
  id: SectionId;
  /** The guideline's own heading. */
  ja: string;
  en: string;
}
