/**
 * For a question the guideline does not answer: the sections closest to what it mentions, so the card can offer
 * them to read instead of a guess. Nothing for questions that are plainly about something else (pay, leave).
 */
import type { SectionId } from '../guideline/types.ts';
import type { Situation } from './situation.ts';
import { R } from './topics.ts';

export function nearestSections(s: Situation, n: string): SectionId[] {
  if (R.offTopic.test(n)) return [];
  const out: SectionId[] = [];
  if (s.place) out.push(s.place.kind === 'elsewhere' ? '§2.1' : '§3.4');
  if (s.network) out.push('§3.3');
  if (s.apps.length) out.push('§3.5');
  if (s.devices.length) out.push(s.devices.some((d) => d.owner === 'personal' || d.kind !== 'pc') ? '§3.5' : '§3.2');
  if (s.devices.length) out.push('§3.2');
  if (s.actions.some((a) => a === 'copy' || a === 'send') || s.services.length) out.push('§2.3');
  if (s.actions.some((a) => a === 'screenshot' || a === 'print' || a === 'photo' || a === 'record')) out.push('§2.4');
  if (s.actions.includes('private-use')) out.push('§2.7');
  if (s.people.includes('family') || s.people.includes('others')) out.push('§2.5', '§3.4');
  if (s.people.includes('manager') || s.actions.includes('chat')) out.push('§4');
  if (R.lost.test(n)) out.push('§3.5', '§3.4');
  if (R.vpn.test(n) || R.rv.test(n) || R.connectMethod.test(n)) out.push('§3.1');
  return [...new Set(out)].slice(0, 3);
}
