/**
 * npm run bench:answer — answers the evaluation set and the fresh batches (test/answer-batches/, longer and wordier
 * questions) many times and prints {"questions","p50_ms","p99_ms","mean_ms"}: per-question latency, the median of
 * several runs.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answer } from '../src/answer/answer.ts';
import { loadBatch } from '../test/answer-batches/grade.ts';
import { QUESTIONS as SET } from '../test/answer-questions.ts';

const DIR = fileURLToPath(new URL('../test/answer-batches/', import.meta.url));
const QUESTIONS = [
  ...SET,
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && f !== 'floors.json')
    .flatMap((f) => loadBatch(`${DIR}${f}`)),
];

const RUNS = 7;
const ROUNDS = 10;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? 0;
}
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

// Warm up the JIT and the regular expressions.
for (let i = 0; i < 5; i++) for (const e of QUESTIONS) answer(e.q);

const p50s: number[] = [];
const p99s: number[] = [];
const means: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of QUESTIONS) {
      const t0 = process.hrtime.bigint();
      answer(e.q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  p50s.push(percentile(times, 0.5));
  p99s.push(percentile(times, 0.99));
  means.push(times.reduce((s, t) => s + t, 0) / times.length);
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
console.log(
  JSON.stringify({
    questions: QUESTIONS.length,
    p50_ms: round4(median(p50s)),
    p99_ms: round4(median(p99s)),
    mean_ms: round4(median(means)),
  }),
);
