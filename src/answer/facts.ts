/** What decide() knows of a question: its device mentions, apps, editions, and a test for any topic word. */
import type { App, Device, Edition, SectionId } from '../guideline/types.ts';
import type { Decision } from './compose.ts';
import type { Verdict } from './types.ts';
import { type DeviceMention, findApps, findDevices, findEditions, matrixDevices } from './understand.ts';

export interface Facts {
  n: string;
  mentions: DeviceMention[];
  devices: Device[];
  editions: Edition[];
  apps: App[];
  office: boolean;
  has(re: RegExp): boolean;
}

export function facts(n: string): Facts {
  const mentions = findDevices(n);
  const { apps, office } = findApps(n);
  return {
    n,
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
