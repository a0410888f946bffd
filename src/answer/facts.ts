/** What decide() knows of a question: its device mentions, apps, editions, and a test for any topic word. */
import type { App, Device, Edition, SectionId } from '../guideline/types.ts';
import type { Decision } from './compose.ts';
import type { Verdict } from './types.ts';
import { type DeviceMention, findApps, findDevices, findEditions, matrixDevices } from './understand.ts';

export interface Facts {
  n: string;
  /** Every device named, broken or not: what the question says, shown back to the person. */
  all: DeviceMention[];
  /** The devices in use (a broken or absent one left out): what the rules are about. */
  mentions: DeviceMention[];
  devices: Device[];
  editions: Edition[];
  apps: App[];
  office: boolean;
  has(re: RegExp): boolean;
}

// A device the question says is broken or away ("my company PC is broken, so my phone…") is not the one asked about.
const OUT_OF_USE =
  /^[^。.?？]{0,10}(壊れ|故障|起動しな|水没|broken|\bdead\b|\bdied\b|is at the repair|修理中|buried|面倒|めんどう|inconvenient)/;

export function facts(n: string): Facts {
  const all = findDevices(n);
  const inUse = all.filter((m) => !OUT_OF_USE.test(n.slice(m.at + m.word.length)));
  const mentions = inUse.length > 0 ? inUse : all;
  const { apps, office } = findApps(n);
  return {
    n,
    all,
    mentions,
    devices: matrixDevices(mentions),
    editions: findEditions(n),
    apps,
    office,
    has: (re) => re.test(n),
  };
}

export function d(
  verdict: Verdict,
  citations: SectionId[],
  ruleIds: string[],
  extra: Partial<Decision> = {},
): Decision {
  return { verdict, citations, ruleIds, ...extra };
}

export const UNKNOWN: Decision = { verdict: 'unknown', citations: [], ruleIds: [] };

export const owns = (f: Facts, owner: 'company' | 'personal' | 'customer', cls?: 'pc' | 'phone') =>
  f.mentions.some((m) => m.owner === owner && (!cls || m.cls === cls || m.cls === 'any'));

export const mentionsClass = (f: Facts, cls: 'pc' | 'phone') =>
  f.mentions.some((m) => m.cls === cls || m.cls === 'any');

export const personalDevice = (f: Facts) => f.mentions.some((m) => m.owner === 'personal');

export const phoneOnly = (f: Facts) => f.mentions.length > 0 && f.mentions.every((m) => m.cls === 'phone');
