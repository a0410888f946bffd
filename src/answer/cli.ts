/**
 * npm run -s ask -- [--json] ["question"]
 *
 * With a question: prints one answer. Without one: reads stdin, one question per line, and prints one answer per
 * line, in order, as each line arrives. --json prints one JSON object per answer, on one line, with exactly the
 * fields verdict, cells, citations, text, understood (what was read in the question, to see a misreading at once)
 * and nearest (sections to look at when the answer is unknown). Nothing but the answer engine is loaded: no
 * server, no database.
 */
import { createInterface } from 'node:readline';
import { answer } from './answer.ts';
import type { Answer } from './types.ts';

const USAGE = `usage: npm run -s ask -- [--json] ["question"]
  --json      print one JSON object per answer:
              {"verdict","cells","citations","text","understood","nearest"}
              understood: what was read in the question (place, devices, network, apps, ..., summary)
              nearest: for an unknown answer, the sections nearest to the question; [] otherwise
  -h, --help  show this help
Without a question, reads questions from standard input, one per line.`;

interface Options {
  json: boolean;
  question?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false };
  const words: string[] = [];
  let rest = false;
  for (const arg of argv) {
    if (rest) words.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-') && arg.length > 1) {
      process.stderr.write(`ask: unknown option ${arg}\n${USAGE}\n`);
      process.exit(2);
    } else words.push(arg);
  }
  if (words.length) opts.question = words.join(' ');
  return opts;
}

function render(a: Answer, json: boolean): string {
  if (json) {
    const { verdict, cells, citations, text, understood, nearest } = a;
    return JSON.stringify({ verdict, cells, citations, text, understood, nearest });
  }
  return `${a.text}\n`;
}

// A reader that stops early (`| head -1`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const opts = parseArgs(process.argv.slice(2));
if (opts.question !== undefined) {
  if (!opts.question.trim()) {
    process.stderr.write('ask: the question is empty\n');
    process.exit(2);
  }
  process.stdout.write(`${render(answer(opts.question), opts.json)}\n`);
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    process.stdout.write(`${render(answer(line), opts.json)}\n`);
  });
}
