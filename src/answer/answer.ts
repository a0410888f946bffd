/**
 * answer(question): what the telework security guideline says about a question, in the question's language.
 * Pure: no I/O, no network, no state. understand.ts normalises the question; situation.ts reads the situation it
 * describes (place, devices and owners, network, apps, actions, services, people); decide.ts applies the topic rules
 * in order; strictest.ts checks every prohibition against the situation so the most restrictive one decides.
 * Anything the guideline does not cover is 'unknown', with the nearest sections to look at.
 */

import { compose } from './compose.ts';
import { decide } from './decide.ts';
import { facts } from './facts.ts';
import { nearestSections } from './nearest.ts';
import { situationOf } from './situation.ts';
import { strictest } from './strictest.ts';
import type { Answer } from './types.ts';
import { languageOf, normalize } from './understand.ts';

export type { Answer } from './types.ts';

export function answer(question: string): Answer {
  const lang = languageOf(question);
  const n = normalize(question);
  const f = facts(n);
  const situation = situationOf(f, question.normalize('NFKC'));
  const decision = strictest(decide(f), situation, n);
  if (decision.verdict === 'unknown') decision.nearest = nearestSections(situation, n);
  return compose(lang, decision, situation);
}
