import type { Lang, Section, SectionId } from './types.ts';

/** Every section, with the guideline's own Japanese heading and an English title. */
export const SECTIONS: readonly Section[] = [
  { id: '§0', ja: '目的・位置づけと概要', en: 'Purpose, scope and overview' },
  {
    id: '§1',
    ja: 'テレワークを行う上で実施すべき事・守るべき事の理由',
    en: 'Why the rules for telework must be followed',
  },
  { id: '§2.1', ja: '主な禁止事項1：自宅以外の場所での業務の禁止', en: 'Prohibition 1: no work anywhere but home' },
  {
    id: '§2.2',
    ja: '主な禁止事項2：漏洩リスクの高いネットワークへの接続の禁止',
    en: 'Prohibition 2: no connection to high-risk networks',
  },
  {
    id: '§2.3',
    ja: '主な禁止事項3：会社貸与PC以外へのデータの複製・保存の禁止',
    en: 'Prohibition 3: no copying or saving data anywhere but the company PC',
  },
  {
    id: '§2.4',
    ja: '主な禁止事項4：スクリーンショット・印刷・テキストのコピー等の情報複製の禁止',
    en: 'Prohibition 4: no screenshots, printing, text copying or other duplication',
  },
  {
    id: '§2.5',
    ja: '主な禁止事項5：社員以外の同居人等が会社貸与PC及び機密情報に接する行為の禁止',
    en: 'Prohibition 5: no access to the company PC or confidential information by people you live with',
  },
  {
    id: '§2.6',
    ja: '主な禁止事項6：紙資料の持ち出しの原則禁止',
    en: 'Prohibition 6: no taking paper documents out, in principle',
  },
  {
    id: '§2.7',
    ja: '主な禁止事項7：会社貸与PCの私的利用の禁止',
    en: 'Prohibition 7: no private use of the company PC',
  },
  { id: '§3.1', ja: '社内情報への接続方法', en: 'How to connect to company information' },
  { id: '§3.2', ja: '利用するPC機器等', en: 'PCs and other equipment' },
  { id: '§3.3', ja: 'テレワーク場所（自宅）のネットワーク', en: 'The network at the telework location (home)' },
  { id: '§3.4', ja: 'テレワークを実行する時の環境への注意', en: 'Care for your surroundings while teleworking' },
  {
    id: '§3.5',
    ja: 'Microsoft 365 を社外で利用する時の機器制限',
    en: 'Device restrictions for Microsoft 365 outside the office',
  },
  {
    id: '§4',
    ja: '補足：リモートを行う時こそ、コミュニケーションの質と社会人モラルを重視',
    en: 'Supplement: when working remotely, value the quality of communication and professional conduct',
  },
  { id: '§R', ja: '変更履歴', en: 'Revision history' },
];

const byId = new Map<SectionId, Section>(SECTIONS.map((s) => [s.id, s]));

export function section(id: SectionId): Section {
  const s = byId.get(id);
  if (!s) throw new Error(`unknown section id ${id}`);
  return s;
}

/** The section's title in the given language, e.g. sectionTitle('§3.5', 'ja'). */
export function sectionTitle(id: SectionId, lang: Lang): string {
  return section(id)[lang];
}

/** How a section is named wherever it is cited: its id, then its title (「§2.1 主な禁止事項1：…」). */
export function sectionLabel(id: SectionId, lang: Lang): string {
  return `${id} ${sectionTitle(id, lang)}`;
}

export function isSectionId(value: string): value is SectionId {
  return byId.has(value as SectionId);
}
