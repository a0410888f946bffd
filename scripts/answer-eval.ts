/**
 * npm run -s eval:answer -- FILE.json [FILE.json…] [--json] [--quiet]
 *
 * Grades the answer engine on batches of questions written by someone who never saw it (test/answer-batches/):
 * per file, accuracy (verdict + primary section) and permissive errors (allowed or conditional where the guideline
 * prohibits), then every miss with what was understood. --quiet prints the figures only, for the held-out batch.
 */
import { answer } from '../src/answer/answer.ts';
import { grade, loadBatch, score, type Graded } from '../test/answer-batches/grade.ts';

// A reader that stops early (`| head -1`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
const json = args.includes('--json');
const quiet = args.includes('--quiet');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  process.stderr.write('usage: npm run -s eval:answer -- FILE.json [FILE.json…] [--json] [--quiet]\n');
  process.exit(2);
}

const all: Graded[] = [];
const rows: Array<{ file: string } & ReturnType<typeof score>> = [];
for (const file of files) {
  const graded = loadBatch(file).map((q) => grade(q, answer(q.q)));
  all.push(...graded);
  rows.push({ file, ...score(graded) });
}
if (files.length > 1) rows.push({ file: 'all', ...score(all) });

if (json) {
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} else {
  for (const r of rows) {
    process.stdout.write(
      `${r.file}: ${r.right}/${r.questions} right (${(r.accuracy * 100).toFixed(1)} %), ${r.permissive} permissive\n`,
    );
  }
  if (!quiet) {
    for (const g of all.filter((x) => !x.right)) {
      const want = `${g.question.verdict} ${g.question.cite ?? '-'}${g.question.alt?.length ? `(${g.question.alt.join(',')})` : ''}`;
      const got = `${g.answer.verdict} ${g.answer.citations.join(',') || '-'}`;
      const u = g.answer.understood.summary ?? '';
      process.stdout.write(
        `${g.permissive ? '!! ' : '   '}${g.question.id} ${g.question.q}\n      want ${want} · got ${got}${u ? ` · ${u}` : ''}${g.question.why ? ` · why: ${g.question.why}` : ''}\n`,
      );
    }
  }
}
