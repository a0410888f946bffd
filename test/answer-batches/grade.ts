/**
 * How a fresh batch is graded (test/answer-batches/README.md): the verdict and the primary section must both be
 * right; `alt` names sections the writer accepted as primary too. A permissive error is an answer of allowed or
 * conditional where the guideline prohibits.
 */
import { readFileSync } from 'node:fs';
import type { Answer, SectionId, Verdict } from '../../src/answer/types.ts';

export interface BatchQuestion {
  id: string;
  q: string;
  verdict: Verdict;
  cite: SectionId | null;
  alt?: SectionId[];
  why?: string;
}

export interface Graded {
  question: BatchQuestion;
  answer: Answer;
  right: boolean;
  permissive: boolean;
}

export function loadBatch(path: string): BatchQuestion[] {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path}: not a JSON array`);
  return data as BatchQuestion[];
}

export function grade(question: BatchQuestion, answer: Answer): Graded {
  const primary = answer.citations[0] ?? null;
  const sectionRight =
    question.verdict === 'unknown'
      ? answer.citations.length === 0
      : primary !== null && (primary === question.cite || (question.alt ?? []).includes(primary));
  const right = answer.verdict === question.verdict && sectionRight;
  const permissive =
    question.verdict === 'prohibited' && (answer.verdict === 'allowed' || answer.verdict === 'conditional');
  return { question, answer, right, permissive };
}

export interface Score {
  questions: number;
  right: number;
  accuracy: number;
  permissive: number;
}

export function score(graded: readonly Graded[]): Score {
  const right = graded.filter((g) => g.right).length;
  return {
    questions: graded.length,
    right,
    accuracy: graded.length ? right / graded.length : 0,
    permissive: graded.filter((g) => g.permissive).length,
  };
}
