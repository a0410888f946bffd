import { rule, type Bilingual, type SectionId } from '../guideline/index.ts';

/**
 * The questions of the daily check-in and check-out as data, so that the card, the server-side validation and
 * the evaluation all read the same choices: a value the card did not offer cannot be stored.
 */

export type Severity = 'violation' | 'caution' | 'incident';

export interface Choice {
  value: string;
  label: Bilingual;
}

export interface Question {
  id: string;
  /** Single choice from `choices`, a yes/no toggle, or free text. */
  type: 'choice' | 'toggle' | 'text';
  label: Bilingual;
  /** A few words for the receipt's list of answers. */
  short: Bilingual;
  /** The sections the question comes from; shown under the question. */
  sections: readonly SectionId[];
  /** Rules the answers are judged against (ids in src/guideline/rules.ts). */
  ruleIds: readonly string[];
  choices?: readonly Choice[];
  required: boolean;
  /** Text answers longer than this are refused, not cut: a cut note could change its meaning. */
  maxLength?: number;
  /** Kept from the manager unless the employee chooses to share (§4). */
  private?: boolean;
}

const yesNo: readonly Choice[] = [
  { value: 'yes', label: { ja: 'はい', en: 'Yes' } },
  { value: 'no', label: { ja: 'いいえ', en: 'No' } },
];

export const CHECKIN_QUESTIONS: readonly Question[] = [
  {
    id: 'place',
    type: 'choice',
    label: { ja: '今日の勤務場所', en: 'Where are you working today?' },
    short: { ja: '勤務場所', en: 'Place' },
    sections: ['§2.1'],
    ruleIds: ['2.1-home-only'],
    choices: [
      { value: 'home', label: { ja: '自宅', en: 'Home' } },
      {
        value: 'elsewhere',
        label: {
          ja: '自宅以外（カフェ・実家・コワーキング等）',
          en: 'Somewhere else (café, family home, co-working…)',
        },
      },
    ],
    required: true,
  },
  {
    id: 'network',
    type: 'choice',
    label: { ja: 'インターネットへの接続', en: 'How are you connected to the internet?' },
    short: { ja: '回線', en: 'Connection' },
    sections: ['§2.2', '§3.3'],
    ruleIds: [
      '2.2-no-risky-network',
      '3.3-no-free-public',
      '3.3-carrier-sim-ok',
      '3.3-wired-recommended',
      '3.3-no-weak-encryption',
    ],
    choices: [
      { value: 'wired', label: { ja: '有線LAN', en: 'Wired (LAN cable)' } },
      { value: 'home-wifi', label: { ja: '自宅Wi-Fi（WPA2/WPA3）', en: 'Home Wi-Fi (WPA2/WPA3)' } },
      {
        value: 'mobile',
        label: { ja: 'モバイル回線・ポケットWi-Fi（キャリアSIM）', en: 'Mobile line or pocket Wi-Fi (carrier SIM)' },
      },
      { value: 'public-wifi', label: { ja: '公衆・フリーWi-Fi', en: 'Public or free Wi-Fi' } },
    ],
    required: true,
  },
  {
    id: 'device',
    type: 'choice',
    label: { ja: '使用しているPC', en: 'Which PC are you using?' },
    short: { ja: 'PC', en: 'PC' },
    sections: ['§3.2'],
    ruleIds: ['3.2-company-pc-only', '3.2-personal-pc-methods', '3.2-personal-pc-approval', '3.2-customer-pc-rules'],
    choices: [
      { value: 'company-pc', label: { ja: '会社貸与PC', en: 'Company PC' } },
      { value: 'customer-pc', label: { ja: '顧客貸与PC', en: 'PC lent by a customer' } },
      { value: 'personal-pc', label: { ja: '私用PC', en: 'Personal PC' } },
    ],
    required: true,
  },
  {
    id: 'access',
    type: 'choice',
    label: { ja: '社内情報への接続方法', en: 'How do you reach company information?' },
    short: { ja: '接続方法', en: 'Access' },
    sections: ['§3.1', '§3.2'],
    ruleIds: ['3.1-vpn', '3.1-remote-desktop', '3.1-secure-logon'],
    choices: [
      { value: 'vpn', label: { ja: 'VPN（仮想ネットワーク接続）', en: 'VPN' } },
      { value: 'rv', label: { ja: 'リモートデスクトップ（RV）', en: 'Remote desktop (RV)' } },
      {
        value: 'secure-logon',
        label: { ja: 'セキュア・インターネットログオン（ブラウザ）', en: 'Secure internet logon (browser)' },
      },
    ],
    required: true,
  },
  {
    id: 'workspace',
    type: 'choice',
    label: {
      ja: '画面を他の人に見られず、PCに触れられない場所ですか',
      en: 'Can nobody else see your screen or touch your PC where you are?',
    },
    short: { ja: '作業環境', en: 'Workspace' },
    sections: ['§2.5', '§3.4'],
    ruleIds: ['2.5-no-cohabitant-access', '3.4-screen-not-visible', '3.4-no-one-else-touches-pc'],
    choices: [
      { value: 'private', label: { ja: 'はい、見られず触れられない', en: 'Yes, nobody can see or touch it' } },
      {
        value: 'exposed',
        label: { ja: 'いいえ、見られる・触れられる可能性がある', en: 'No, others may see or touch it' },
      },
    ],
    required: true,
  },
  {
    id: 'mood',
    type: 'choice',
    label: { ja: '今日の気分', en: 'How are you feeling today?' },
    short: { ja: '気分', en: 'Mood' },
    sections: ['§4'],
    ruleIds: ['4-prevent-isolation'],
    choices: [
      { value: '5', label: { ja: '5 とても良い', en: '5 Very good' } },
      { value: '4', label: { ja: '4 良い', en: '4 Good' } },
      { value: '3', label: { ja: '3 ふつう', en: '3 OK' } },
      { value: '2', label: { ja: '2 少し不調', en: '2 Not great' } },
      { value: '1', label: { ja: '1 不調', en: '1 Bad' } },
    ],
    required: false,
    private: true,
  },
  {
    id: 'shareMood',
    type: 'toggle',
    label: { ja: '気分を上長に共有する', en: 'Share my mood with my manager' },
    short: { ja: '気分の共有', en: 'Mood shared' },
    sections: ['§4'],
    ruleIds: ['4-managers-talk-to-all'],
    choices: yesNo,
    required: false,
    private: true,
  },
  {
    id: 'talk',
    type: 'toggle',
    label: { ja: '上長と話したい', en: "I'd like to talk with my manager" },
    short: { ja: '上長と話したい', en: 'Talk with manager' },
    sections: ['§4'],
    ruleIds: ['4-managers-talk-to-all', '4-face-to-face'],
    choices: yesNo,
    required: false,
    private: true,
  },
  {
    id: 'note',
    type: 'text',
    label: { ja: 'メモ（任意）', en: 'Note (optional)' },
    short: { ja: 'メモ', en: 'Note' },
    sections: [],
    ruleIds: [],
    required: false,
    maxLength: 500,
    private: true,
  },
];

export const CHECKOUT_QUESTIONS: readonly Question[] = [
  {
    id: 'disconnected',
    type: 'choice',
    label: { ja: 'RV・VPN の接続を終了しましたか', en: 'Have you ended your RV/VPN connection?' },
    short: { ja: 'RV・VPN終了', en: 'RV/VPN ended' },
    sections: ['§3.4'],
    ruleIds: ['3.4-end-of-day'],
    choices: yesNo,
    required: true,
  },
  {
    id: 'loggedOff',
    type: 'choice',
    label: { ja: 'PCをログオフしましたか', en: 'Have you logged off the PC?' },
    short: { ja: 'ログオフ', en: 'Logged off' },
    sections: ['§3.4'],
    ruleIds: ['3.4-end-of-day'],
    choices: yesNo,
    required: true,
  },
  {
    id: 'stored',
    type: 'choice',
    label: { ja: 'PCの保管場所', en: 'Where is the PC now?' },
    short: { ja: 'PCの保管', en: 'PC stored' },
    sections: ['§3.4'],
    ruleIds: ['3.4-store-pc'],
    choices: [
      { value: 'locked-cabinet', label: { ja: '鍵付きキャビネット等に保管', en: 'In a locked cabinet' } },
      { value: 'cabinet', label: { ja: 'キャビネット等に保管（鍵なし）', en: 'In a cabinet (not locked)' } },
      { value: 'not-stored', label: { ja: 'まだ保管していない', en: 'Not put away yet' } },
    ],
    required: true,
  },
  {
    id: 'report',
    type: 'choice',
    label: { ja: '報告すること', en: 'Anything to report?' },
    short: { ja: '報告', en: 'Report' },
    sections: ['§3.4'],
    ruleIds: ['1-risk-burglary', '3.4-disaster-contact'],
    choices: [
      { value: 'none', label: { ja: '特になし', en: 'Nothing' } },
      {
        value: 'lost-device',
        label: { ja: 'PC・スマホ等の紛失・盗難', en: 'A PC, phone or other device lost or stolen' },
      },
      {
        value: 'other',
        label: {
          ja: 'その他のセキュリティ上の問題（メモに記入）',
          en: 'Another security problem (describe in the note)',
        },
      },
    ],
    required: true,
  },
  {
    id: 'note',
    type: 'text',
    label: { ja: 'メモ（任意）', en: 'Note (optional)' },
    short: { ja: 'メモ', en: 'Note' },
    sections: [],
    ruleIds: [],
    required: false,
    maxLength: 500,
  },
];

export type CheckKind = 'checkin' | 'checkout';

export function questionsOf(kind: CheckKind): readonly Question[] {
  return kind === 'checkin' ? CHECKIN_QUESTIONS : CHECKOUT_QUESTIONS;
}

// A question citing a rule id the guideline does not have is a bug to catch at start-up, not at submit time.
for (const q of [...CHECKIN_QUESTIONS, ...CHECKOUT_QUESTIONS]) for (const id of q.ruleIds) rule(id);
