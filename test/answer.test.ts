import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.ts';
import type { Answer } from '../src/answer/types.ts';
import { SECTION_IDS, hasRule, matrixCell } from '../src/guideline/index.ts';
import { QUESTIONS, type CellKey, type EvalQuestion } from './answer-questions.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const key = (c: { app: string; device: string; edition: string }) => `${c.app}/${c.device}/${c.edition}`;

function grade(e: EvalQuestion, a: Answer): string[] {
  const wrong: string[] = [];
  if (a.verdict !== e.verdict) wrong.push(`verdict ${a.verdict} ≠ ${e.verdict}`);
  const got = a.cells.map(key).sort().join(' ');
  const want = [...(e.cells ?? [])].sort().join(' ');
  if (got !== want) wrong.push(`cells [${got}] ≠ [${want}]`);
  if (e.verdict === 'unknown' ? a.citations.length !== 0 : a.citations[0] !== e.cite) {
    wrong.push(`citations ${JSON.stringify(a.citations)} ≠ primary ${e.cite ?? 'none'}`);
  }
  return wrong;
}

describe('the evaluation set', () => {
  it('is large and varied: ≥150 questions, about 60/40 Japanese/English, every matrix cell asked several ways', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(QUESTIONS.map((e) => e.q)).size).toBe(QUESTIONS.length);
    const ja = QUESTIONS.filter((e) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(e.q)).length / QUESTIONS.length;
    expect(ja).toBeGreaterThan(0.5);
    expect(ja).toBeLessThan(0.7);
    const perCell = new Map<CellKey, number>();
    for (const e of QUESTIONS) for (const c of e.cells ?? []) perCell.set(c, (perCell.get(c) ?? 0) + 1);
    expect(perCell.size).toBe(16);
    for (const [cell, n] of perCell) expect(n, cell).toBeGreaterThanOrEqual(3);
    for (const id of [
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
      '§0',
      '§1',
      '§4',
      '§R',
    ]) {
      expect(
        QUESTIONS.some((e) => e.cite === id),
        id,
      ).toBe(true);
    }
    expect(QUESTIONS.filter((e) => e.verdict === 'unknown').length).toBeGreaterThanOrEqual(8);
  });

  it('is answered entirely right (verdict, cells and primary citation)', () => {
    const failures: string[] = [];
    for (const e of QUESTIONS) {
      const wrong = grade(e, answer(e.q));
      if (wrong.length) failures.push(`  ${e.q}\n    ${wrong.join('; ')}`);
    }
    const accuracy = (QUESTIONS.length - failures.length) / QUESTIONS.length;
    console.log(
      `answer accuracy: ${(accuracy * 100).toFixed(1)}% (${QUESTIONS.length - failures.length}/${QUESTIONS.length})` +
        (failures.length ? `\n${failures.join('\n')}` : ''),
    );
    expect(accuracy).toBe(1);
  });
});

describe('the answer contract', () => {
  it('has exactly the contract fields', () => {
    const a = answer('私用スマホでTeamsアプリ使える？');
    expect(Object.keys(a).sort()).toEqual([
      'cells',
      'citations',
      'conditions',
      'lang',
      'nearest',
      'reason',
      'ruleIds',
      'text',
      'understood',
      'verdict',
    ]);
    expect(a).toMatchObject({
      lang: 'ja',
      verdict: 'prohibited',
      cells: [{ app: 'teams', device: 'personal-phone', edition: 'app', verdict: 'prohibited' }],
      citations: ['§3.5'],
      nearest: [],
      understood: { asks: 'permission', apps: ['teams'], devices: [{ kind: 'phone', owner: 'personal' }] },
    });
    expect(a.understood.summary).toMatch(/^.+$/);
  });

  it('answers an ambiguous matrix question with every matching cell and says which is which', () => {
    const a = answer('個人のPCでOutlookは使える？');
    expect(a.verdict).toBe('depends');
    expect(a.cells).toEqual([
      { app: 'outlook', device: 'personal-pc', edition: 'web', verdict: 'allowed' },
      { app: 'outlook', device: 'personal-pc', edition: 'app', verdict: 'prohibited' },
    ]);
    expect(a.citations[0]).toBe('§3.5');
    expect(a.text).toMatch(/WEB版.*○/);
    expect(a.text).toMatch(/アプリ版.*×/);
  });

  it('gives the company-phone conditions: named roles and Intune MDM', () => {
    const a = answer('Can I use the Outlook app on my company phone?');
    expect(a).toMatchObject({ lang: 'en', verdict: 'conditional', citations: ['§3.5'] });
    expect(a.conditions.join(' ')).toMatch(/Intune/);
    expect(a.conditions.join(' ')).toMatch(/PM/);
    const ja = answer('会社支給のスマホでOutlookアプリを使いたい');
    expect(ja.conditions.join('')).toMatch(/部長職以上/);
    expect(ja.conditions.join('')).toMatch(/Intune/);
  });

  it('never guesses outside the guideline and points to the administration department', () => {
    for (const q of ["What's the weather?", '今日のランチどこ？', '有給休暇は何日？']) {
      const a = answer(q);
      expect(a.verdict, q).toBe('unknown');
      expect(a.citations).toEqual([]);
      expect(a.cells).toEqual([]);
      expect(a.ruleIds).toEqual([]);
      expect(a.text).toMatch(a.lang === 'ja' ? /管理部門/ : /administration department/);
    }
    expect(answer('').verdict).toBe('unknown');
    expect(answer('？？？').verdict).toBe('unknown');
  });

  it('keeps every answer consistent: valid citations and rules, cells as the matrix says, text in the language asked', () => {
    for (const e of QUESTIONS) {
      const a = answer(e.q);
      expect(a.lang).toBe(/[\u3040-\u30ff\u4e00-\u9fff]/.test(e.q) ? 'ja' : 'en');
      for (const id of a.citations) expect(SECTION_IDS).toContain(id);
      for (const id of a.ruleIds) expect(hasRule(id), id).toBe(true);
      for (const id of a.nearest) expect(SECTION_IDS).toContain(id);
      if (a.verdict !== 'unknown') expect(a.nearest).toEqual([]);
      expect(a.understood.summary).not.toMatch(/\n/);
      for (const c of a.cells) expect(c.verdict).toBe(matrixCell(c.app, c.device, c.edition).verdict);
      if (a.cells.length) {
        const verdicts = new Set(a.cells.map((c) => c.verdict));
        expect(a.verdict).toBe(verdicts.size === 1 ? [...verdicts][0] : 'depends');
      }
      if (a.verdict !== 'unknown') {
        expect(a.citations.length).toBeGreaterThan(0);
        expect(a.ruleIds.length).toBeGreaterThan(0);
        for (const id of a.citations) expect(a.text).toContain(id);
      }
      expect(a.reason).not.toMatch(/\n/);
      // English answers may quote a Japanese name in brackets (the pledge form, 管理部門), nothing more.
      if (a.lang === 'en') expect(a.text.replace(/[（(][^）)]*[）)]/g, '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('is fast: well under 5 ms a question', () => {
    const start = performance.now();
    let n = 0;
    for (let i = 0; i < 5; i++) for (const e of QUESTIONS) (answer(e.q), n++);
    expect((performance.now() - start) / n).toBeLessThan(5);
  });
});

describe('the ask CLI', () => {
  const FIELDS = ['verdict', 'cells', 'citations', 'text', 'understood', 'nearest'];
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/answer/cli.ts', ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('prints one JSON object on one line for a question argument', () => {
    const r = run(['--json', '私用スマホでTeamsアプリ使える？']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0] ?? '');
    expect(Object.keys(o)).toEqual(FIELDS);
    expect(o).toMatchObject({ verdict: 'prohibited', citations: ['§3.5'], nearest: [] });
    expect(o.cells).toEqual([{ app: 'teams', device: 'personal-phone', edition: 'app', verdict: 'prohibited' }]);
  });

  it('answers stdin one line at a time, in order, skipping blank lines', () => {
    const qs = [
      'Can I work from a café?',
      '',
      '個人のPCでOutlookは使える？',
      'What is the weather?',
      '自分のUSBメモリを挿していい？',
    ];
    const r = run(['--json'], `${qs.join('\n')}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.verdict)).toEqual(['prohibited', 'depends', 'unknown', 'prohibited']);
    expect(out.map((o) => o.citations[0] ?? null)).toEqual(['§2.1', '§3.5', null, '§3.2']);
    for (const o of out) expect(Object.keys(o)).toEqual(FIELDS);
  });

  it('carries what was read in the question, so a misreading shows in --json', () => {
    const r = run(['--json', '駐車場に停めた車の中でTeams会議に出てもいい？']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.understood).toMatchObject({ asks: 'permission', place: { kind: 'elsewhere' }, apps: ['teams'] });
    expect(o.understood.summary).toMatch(/自宅以外/);
    expect(o.nearest).toEqual([]);
  });

  it('prints a readable answer without --json, and refuses unknown flags', () => {
    const r = run(['Can I use Teams on my personal phone?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Prohibited/);
    expect(r.stdout).toMatch(/§3\.5/);
    const bad = run(['--jsn', 'q']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown option --jsn/);
  });
});
