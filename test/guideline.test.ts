import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEVICES,
  GUIDELINE_REVISION,
  MATRIX,
  MATRIX_NOTES,
  MATRIX_ROWS,
  PROHIBITIONS,
  REVISIONS,
  RULES,
  SECTIONS,
  SECTION_IDS,
  matrixCell,
  matrixCells,
  rulesOf,
  sectionTitle,
  type App,
  type CellVerdict,
  type Device,
} from '../src/guideline/index.ts';

// The guideline text the typed data is checked against; kept in the repository so a fresh clone tests alone.
const TEXT = readFileSync(new URL('../src/guideline/source/guideline-2026-02-01.txt', import.meta.url), 'utf8');
/** The text without whitespace and ** emphasis, so "P C" and "**自宅以外**" compare as written in the data. */
const norm = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, '');
const FLAT = norm(TEXT);
const LINES = TEXT.split('\n');

const SYMBOL: Record<string, CellVerdict> = { '○': 'allowed', '△': 'conditional', '×': 'prohibited' };
const DEVICE_JA: Record<string, Device> = {
  貸与PC: 'company-pc',
  私用PC: 'personal-pc',
  貸与スマホ: 'company-phone',
  私用スマホ: 'personal-phone',
};

/** The §3.5 table as the text has it: tab-separated rows under the "Office WEB版 / Office アプリ版" header. */
function tableRows() {
  const start = LINES.findIndex((l) => l.includes('Office WEB版') && l.includes('Office アプリ版'));
  expect(start).toBeGreaterThan(0);
  const rows: Array<{ app: App; device: Device; web: CellVerdict; app_: CellVerdict; note: string }> = [];
  let app: App | undefined;
  for (const line of LINES.slice(start + 1)) {
    if (!line.includes('\t')) {
      if (rows.length) break;
      continue;
    }
    const [label = '', device = '', web = '', appCol = '', note = ''] = line.split('\t').map((c) => c.trim());
    if (label.startsWith('Outlook')) app = 'outlook';
    else if (label.startsWith('Teams')) app = 'teams';
    const d = DEVICE_JA[device];
    const w = SYMBOL[web];
    const a = SYMBOL[appCol];
    if (!app || !d || !w || !a) throw new Error(`unparsed matrix row: ${JSON.stringify(line)}`);
    rows.push({ app, device: d, web: w, app_: a, note });
  }
  return rows;
}

describe('the §3.5 Microsoft 365 matrix', () => {
  const rows = tableRows();

  it('has the eight rows of the table, in order', () => {
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => `${r.app}/${r.device}`)).toEqual(MATRIX_ROWS.map((r) => `${r.app}/${r.device}`));
  });

  it('matches every cell of the text, web and app', () => {
    for (const r of rows) {
      expect(matrixCell(r.app, r.device, 'web').verdict, `${r.app} ${r.device} web`).toBe(r.web);
      expect(matrixCell(r.app, r.device, 'app').verdict, `${r.app} ${r.device} app`).toBe(r.app_);
    }
    expect(MATRIX).toHaveLength(16);
  });

  it('gives each row the note the text gives (① personal devices, ② company phones with MDM)', () => {
    for (const r of rows) {
      const row = MATRIX_ROWS.find((m) => m.app === r.app && m.device === r.device);
      if (r.note === '') expect(row?.note).toBeUndefined();
      else expect(r.note.startsWith(row?.note ?? '?'), `${r.app} ${r.device}: ${r.note}`).toBe(true);
      if (r.note.includes('要MDM')) expect(r.device).toBe('company-phone');
    }
  });

  it('states the notes in the guideline terms', () => {
    for (const term of ['部長職以上', 'PM、PL', 'Intune', 'リモートワイプ']) {
      expect(FLAT).toContain(term);
      expect(MATRIX_NOTES['②'].points.ja.join('')).toContain(term);
    }
    expect(FLAT).toContain(norm('ローカルにデータを残さない事を重視（ダウンロードも禁止）'));
    expect(MATRIX_NOTES['①'].points.ja.join('')).toContain('ダウンロードも禁止');
  });

  it('expands unspecified dimensions to all their values', () => {
    expect(matrixCells({ apps: ['outlook'], devices: ['personal-pc'] }).map((c) => c.verdict)).toEqual([
      'allowed',
      'prohibited',
    ]);
    expect(matrixCells({})).toHaveLength(16);
    expect(matrixCells({ devices: [...DEVICES], editions: ['app'], apps: ['teams'] })).toHaveLength(4);
  });
});

describe('the seven prohibitions of §2', () => {
  // The heading is also in the table of contents and the overview; the section is the last one.
  const start = LINES.map((l) => l.trim()).lastIndexOf('2. テレワーク中の主な禁止事項');
  const numbered = LINES.slice(start + 1)
    .filter((l) => /^[1-7]\. /.test(l.trim()))
    .slice(0, 7);

  it('are in the text as seven numbered lines', () => {
    expect(start).toBeGreaterThan(0);
    expect(numbered.map((l) => l.trim().slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
  });

  it('are in the data in the same order, §2.1 to §2.7, each worded as the text', () => {
    expect(PROHIBITIONS).toHaveLength(7);
    PROHIBITIONS.forEach((r, i) => {
      expect(r.section).toBe(`§2.${i + 1}`);
      expect(r.kind).toBe('prohibition');
      expect(r.quote).toBeTruthy();
      expect(norm(numbered[i] ?? '')).toContain(norm(r.quote ?? ''));
    });
  });

  it("keeps §2.6's exception: prior permission from the customer and the manager, no copies, no third parties", () => {
    const ids = rulesOf('§2.6').map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(['2.6-paper-in-principle', '2.6-paper-with-approval', '2.6-paper-no-copy']),
    );
    const approval = rulesOf('§2.6').find((r) => r.kind === 'condition');
    expect(approval?.ja).toMatch(/顧客及び上長/);
  });
});

describe('sections and rules', () => {
  it('has every section id, with its title in both languages', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const id of SECTION_IDS) {
      expect(sectionTitle(id, 'ja').length).toBeGreaterThan(0);
      expect(sectionTitle(id, 'en')).toMatch(/[A-Za-z]/);
    }
  });

  it("uses the guideline's own headings", () => {
    for (const id of ['§1', '§3.1', '§3.2', '§3.3', '§3.4', '§3.5', '§4', '§R'] as const) {
      expect(FLAT, id).toContain(norm(sectionTitle(id, 'ja')));
    }
    expect(FLAT).toContain('目的');
    expect(FLAT).toContain('位置づけと概要');
  });

  it('has rules for every section, with unique ids and both languages', () => {
    for (const id of SECTION_IDS) expect(rulesOf(id).length, id).toBeGreaterThan(0);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.ja, r.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(r.en, r.id).toMatch(/^[^\u3040-\u30ff]*[A-Za-z]/);
      expect(r.id.startsWith(r.section.slice(1))).toBe(true);
    }
  });

  it('rests every rule quote on the text', () => {
    const quoted = RULES.filter((r) => r.quote);
    expect(quoted.length).toBeGreaterThan(RULES.length * 0.9);
    for (const r of quoted) expect(FLAT, r.id).toContain(norm(r.quote ?? ''));
  });

  it('covers what each section asks for', () => {
    const words = (id: (typeof SECTION_IDS)[number]) =>
      rulesOf(id)
        .map((r) => r.ja)
        .join('\n');
    expect(words('§0')).toMatch(/誓約書/);
    expect(words('§0')).toMatch(/処罰/);
    expect(rulesOf('§1').filter((r) => r.id.startsWith('1-risk-'))).toHaveLength(4);
    expect(words('§3.1')).toMatch(/VPN/);
    expect(words('§3.1')).toMatch(/RV/);
    expect(words('§3.1')).toMatch(/セキュア・インターネットログオン/);
    for (const w of [
      '暗号化',
      'AppGuard',
      'ESET',
      'USBメモリ',
      '私的利用',
      'メーカー',
      '顧客',
      'モニター・キーボード・マウス・ヘッドセット',
      'マイク&カメラ',
      '上長',
    ]) {
      expect(words('§3.2'), w).toContain(w);
    }
    for (const w of [
      '集合住宅',
      'キャリアSIM',
      '有線を推奨',
      'WEP',
      'MACアドレス',
      'ファームウェア',
      '同時利用',
      'VPNを稼働していない',
      '共有フォルダ',
      '通信制限',
    ]) {
      expect(words('§3.3'), w).toContain(w);
    }
    for (const w of [
      '画面',
      'スピーカー',
      'ID/PASS',
      'メモを貼らない',
      '触らせない',
      'ロック',
      '撮影',
      'ログオフ',
      'キャビネット',
      'Teams',
    ]) {
      expect(words('§3.4'), w).toContain(w);
    }
    for (const w of [
      '孤立',
      '上司',
      'TV会議',
      '新卒メンター',
      '一人住まい',
      'チャットツールは私用ではありません',
      '報連相',
      '利用ログ',
    ]) {
      expect(words('§4'), w).toContain(w);
    }
  });
});

describe('the revision history', () => {
  const start = LINES.findIndex((l) => l.trim() === '変更履歴');
  const entries = LINES.slice(start + 1).filter((l) => /^\d{4}年/.test(l.trim()));

  it('has every line of 変更履歴', () => {
    expect(entries).toHaveLength(REVISIONS.length);
    entries.forEach((line, i) => {
      const m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(line.trim());
      const [, y, mo, day] = m ?? [];
      const date = `${y}-${String(mo).padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`;
      expect(REVISIONS[i]?.date).toBe(date);
      expect(norm(line)).toContain(norm(REVISIONS[i]?.what.ja ?? '?'));
    });
  });

  it('is current as of the last line: 2026-02-01', () => {
    expect(GUIDELINE_REVISION).toBe('2026-02-01');
    expect(entries.at(-1)?.trim().startsWith('2026年2月1日')).toBe(true);
    expect(REVISIONS.at(-1)?.date).toBe(GUIDELINE_REVISION);
  });
});
