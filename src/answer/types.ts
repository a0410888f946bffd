/**
 * The contract of the answer engine. The bot's card builder, the core and the CLI depend on it: change it only
 * together with them.
 */
export type { Lang, SectionId, App, Device, Edition, CellVerdict, MatrixCell } from '../guideline/types.ts';
import type { App, Edition, Lang, MatrixCell, SectionId } from '../guideline/types.ts';

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
  /** What the engine read in the question, so a person sees at once when it misread them. */
  understood: Understood;
  /** For unknown answers: the sections nearest to what was asked, to look at; [] otherwise. */
  nearest: SectionId[];
}

/**
 * permission: "may I…?"; obligation: "must I…? / what must I…?"; info: "what / why / who…?";
 * unclear: a fragment with no question form ("teams on ipad"), answered as the topic decides.
 */
export type Asks = 'permission' | 'obligation' | 'info' | 'unclear';

/** unclear: a place the question names that is neither known to be home nor known to be elsewhere. */
export type PlaceKind = 'home' | 'elsewhere' | 'unclear';
/** own: the home line; shared-building: an apartment's shared line; carrier: a SIM / tethering. */
export type NetworkKind =
  'own' | 'wired' | 'wifi' | 'shared-building' | 'family-shared' | 'carrier' | 'public' | 'others';
export type DeviceKind = 'pc' | 'phone' | 'tablet' | 'any';
export type OwnerKind = 'company' | 'personal' | 'customer';

export interface Understood {
  asks: Asks;
  /** Where the work happens, with the word used ("車内", "café"). */
  place?: { kind: PlaceKind; word: string };
  devices: Array<{ kind: DeviceKind; owner?: OwnerKind; word: string }>;
  network?: { kind: NetworkKind; word: string };
  apps: App[];
  editions: Edition[];
  /** Action codes: copy, print, screenshot, photo, record, send, take-out, install, share-credentials, touch, private-use, chat. */
  actions: string[];
  /** Services outside the company named in the question (Dropbox, Gmail, LINE…), as written. */
  services: string[];
  /** People codes: family, others, customer, manager. */
  people: string[];
  /** The line shown on the card, in the question's language: 「場所：自宅以外（車内）／回線：—」; '' if nothing was read. */
  summary: string;
}

export type AnswerFn = (question: string) => Answer;
