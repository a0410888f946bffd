import type { Bilingual } from './types.ts';

export interface Revision {
  /** ISO date; month-only entries in the guideline are given as YYYY-MM. */
  date: string;
  /** Where the change was made, in the guideline's words. */
  where: Bilingual;
  what: Bilingual;
}

/** 変更履歴 (§R), oldest first. */
export const REVISIONS: readonly Revision[] = [
  {
    date: '2020-12-01',
    where: { ja: 'テレワーク業務に伴う、セキュリティガイドライン制定', en: 'Guideline established for telework' },
    what: { ja: '初版', en: 'First edition' },
  },
  {
    date: '2022-02',
    where: { ja: '目次の追加 全体の見直し', en: 'Table of contents added; whole text reviewed' },
    what: {
      ja: '目次ページの作成 文体の整理と表記ゆれの修正',
      en: 'Table of contents page; style tidied and inconsistent wording fixed',
    },
  },
  {
    date: '2023-02',
    where: { ja: '目次 M365を利用する機器の制限', en: 'Table of contents; devices for M365' },
    what: {
      ja: 'リンクの作成 災害時等は「Teams連絡が基本」を追記',
      en: 'Links added; "contact through Teams" added for disasters and emergencies',
    },
  },
  {
    date: '2023-10',
    where: { ja: '位置づけと概要', en: 'Scope and overview' },
    what: {
      ja: '“テレワーク”の表記ゆれ(リモート勤務)を修正',
      en: 'Inconsistent use of "telework" (remote work) fixed',
    },
  },
  {
    date: '2024-02',
    where: { ja: 'テレワーク場所のネットワーク', en: 'Network at the telework location' },
    what: {
      ja: 'MACアドレスを認証に利用しないよう修正',
      en: 'MAC addresses must not be used for authentication',
    },
  },
  {
    date: '2025-02-01',
    where: {
      ja: '全ページ 3. ■ テレワーク場所（自宅）のネットワーク',
      en: 'All pages; 3. Network at the telework location (home)',
    },
    what: {
      ja: 'ロゴマークの更新 自己所有の通信機器のサポート状況確認を追記',
      en: 'Logo updated; checking the maker support status of your own network equipment added',
    },
  },
  {
    date: '2026-02-01',
    where: { ja: '2.テレワーク中の主な禁止事項', en: '2. Main prohibitions during telework' },
    what: {
      ja: '会社貸与PCの私的利用の禁止を追記',
      en: 'Prohibition of private use of the company PC added',
    },
  },
];

/** The revision in force: the last line of 変更履歴. */
export const GUIDELINE_REVISION = '2026-02-01';

/** The edition named on the cover. */
export const GUIDELINE_EDITION: Bilingual = { ja: 'テレワーク版 2026年2月', en: 'Telework edition, February 2026' };

export const GUIDELINE_TITLE: Bilingual = {
  ja: 'セキュリティガイドライン（テレワーク版）',
  en: 'Security guideline (telework edition)',
};
