import type { App, Bilingual, CellVerdict, Device, Edition, MatrixCell } from './types.ts';
import { APPS, DEVICES, EDITIONS } from './types.ts';

/** Which note of §3.5 explains a row: ① personal devices, ② company phones. */
export type MatrixNote = '①' | '②';

export interface MatrixRow {
  app: App;
  device: Device;
  web: CellVerdict;
  app_: CellVerdict;
  note?: MatrixNote;
}

/**
 * §3.5 「Microsoft 365 を社外で利用する時の機器制限」 exactly as the guideline's table states it
 * (○ allowed · △ conditional · × prohibited). Rows are in the guideline's order.
 */
export const MATRIX_ROWS: readonly MatrixRow[] = [
  { app: 'outlook', device: 'company-pc', web: 'allowed', app_: 'allowed' },
  { app: 'outlook', device: 'personal-pc', web: 'allowed', app_: 'prohibited', note: '①' },
  { app: 'outlook', device: 'company-phone', web: 'allowed', app_: 'conditional', note: '②' },
  { app: 'outlook', device: 'personal-phone', web: 'allowed', app_: 'prohibited', note: '①' },
  { app: 'teams', device: 'company-pc', web: 'allowed', app_: 'allowed' },
  { app: 'teams', device: 'personal-pc', web: 'allowed', app_: 'prohibited', note: '①' },
  { app: 'teams', device: 'company-phone', web: 'prohibited', app_: 'conditional', note: '②' },
  { app: 'teams', device: 'personal-phone', web: 'prohibited', app_: 'prohibited', note: '①' },
];

/** All 16 cells, ordered app → device → edition (web before app). */
export const MATRIX: readonly MatrixCell[] = APPS.flatMap((app) =>
  DEVICES.flatMap((device) =>
    EDITIONS.map((edition): MatrixCell => ({
      app,
      device,
      edition,
      verdict: rowOf(app, device)[edition === 'web' ? 'web' : 'app_'],
    })),
  ),
);

function rowOf(app: App, device: Device): MatrixRow {
  const row = MATRIX_ROWS.find((r) => r.app === app && r.device === device);
  if (!row) throw new Error(`no matrix row for ${app} × ${device}`);
  return row;
}

const cellIndex = new Map<string, MatrixCell>(MATRIX.map((c) => [`${c.app}|${c.device}|${c.edition}`, c]));

/** The verdict of one cell of the §3.5 table. */
export function matrixCell(app: App, device: Device, edition: Edition): MatrixCell {
  const c = cellIndex.get(`${app}|${device}|${edition}`);
  if (!c) throw new Error(`no matrix cell for ${app} × ${device} × ${edition}`);
  return c;
}

/** Every cell matching the given dimensions; an omitted (or empty) dimension expands to all its values. */
export function matrixCells(query: {
  apps?: readonly App[];
  devices?: readonly Device[];
  editions?: readonly Edition[];
}): MatrixCell[] {
  const apps = query.apps?.length ? query.apps : APPS;
  const devices = query.devices?.length ? query.devices : DEVICES;
  const editions = query.editions?.length ? query.editions : EDITIONS;
  const out: MatrixCell[] = [];
  for (const c of MATRIX) {
    if (apps.includes(c.app) && devices.includes(c.device) && editions.includes(c.edition)) out.push(c);
  }
  return out;
}

/** The note (① or ②) that governs a device's row, if any. */
export function matrixNote(device: Device): MatrixNote | undefined {
  if (device === 'personal-pc' || device === 'personal-phone') return '①';
  if (device === 'company-phone') return '②';
  return undefined;
}

export interface MatrixNoteText {
  title: Bilingual;
  points: { ja: string[]; en: string[] };
}

/** The two notes under the table. */
export const MATRIX_NOTES: Record<MatrixNote, MatrixNoteText> = {
  '①': {
    title: { ja: '① 私用機器：利用不可', en: '① Personal devices: not allowed' },
    points: {
      ja: [
        '私用機器ではアプリ版は利用不可',
        'ローカルにデータを残さない事を重視（ダウンロードも禁止）',
        'スマホは紛失の可能性が高く、アプリ版はデータを保持する為、漏洩リスクがある',
      ],
      en: [
        'No app versions on personal devices',
        'Leave no data on the device (downloads are prohibited too)',
        'Phones are easily lost and app versions keep data on the device, so there is a risk of leaks',
      ],
    },
  },
  '②': {
    title: { ja: '② 貸与スマホ：制限（条件付き利用可）', en: '② Company phones: restricted (allowed with conditions)' },
    points: {
      ja: [
        'アプリ版は、責任をもって管理できる人（部長職以上と会社が認めたPM、PL等）に限定',
        'リモートワイプ、アプリ制限等のMDM機能（Intune）の導入が必須',
      ],
      en: [
        'App versions only for people who can take responsibility for them (department managers and above, and PMs/PLs the company names)',
        'MDM (Intune) with remote wipe and app restrictions is mandatory',
      ],
    },
  },
};

/** Display names, in the guideline's own terms. */
export const APP_NAMES: Record<App, Bilingual> = {
  outlook: { ja: 'Outlook（メール、スケジュール）', en: 'Outlook (mail, calendar)' },
  teams: { ja: 'Teams（チームの利用）', en: 'Teams' },
};

export const DEVICE_NAMES: Record<Device, Bilingual> = {
  'company-pc': { ja: '貸与PC', en: 'company PC' },
  'personal-pc': { ja: '私用PC', en: 'personal PC' },
  'company-phone': { ja: '貸与スマホ', en: 'company phone' },
  'personal-phone': { ja: '私用スマホ', en: 'personal phone' },
};

export const EDITION_NAMES: Record<Edition, Bilingual> = {
  web: { ja: 'WEB版', en: 'web version' },
  app: { ja: 'アプリ版', en: 'app version' },
};

export const CELL_VERDICT_NAMES: Record<CellVerdict, Bilingual & { symbol: string }> = {
  allowed: { symbol: '○', ja: '利用可', en: 'allowed' },
  conditional: { symbol: '△', ja: '条件付きで利用可', en: 'allowed with conditions' },
  prohibited: { symbol: '×', ja: '利用不可', en: 'not allowed' },
};

/** The definitions under the table. */
export const EDITION_DEFINITIONS: Record<Edition, Bilingual> = {
  web: { ja: 'WEB版とは、ブラウザ上で動作させるもの', en: 'The web version is what runs in a browser' },
  app: {
    ja: 'アプリ版とは、office.com、各store等からダウンロードし、PCやスマホ等にインストールして使うもの',
    en: 'The app version is what you download from office.com or an app store and install on a PC or phone',
  },
};
