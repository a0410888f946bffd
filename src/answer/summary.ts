/** The one line a card shows of what was read in a question: 「場所：自宅以外（車内）／機器：—／回線：—」. */
import { APP_NAMES, EDITION_NAMES } from '../guideline/matrix.ts';
import type { Lang } from '../guideline/types.ts';
import type { Situation } from './situation.ts';
import type { DeviceKind, NetworkKind, OwnerKind } from './types.ts';

const L = {
  ja: {
    place: '場所',
    device: '機器',
    network: '回線',
    app: 'アプリ',
    action: '行為',
    service: '外部サービス',
    people: '人',
    none: '—',
    sep: '／',
    list: '・',
    home: '自宅',
    elsewhere: (w: string) => `自宅以外（${w}）`,
    unclear: (w: string) => `自宅かどうか不明（${w}）`,
    quoted: (label: string, w: string) => `${label}（${w}）`,
  },
  en: {
    place: 'Place',
    device: 'Device',
    network: 'Network',
    app: 'App',
    action: 'Doing',
    service: 'Outside services',
    people: 'People',
    none: '—',
    sep: ' / ',
    list: ', ',
    home: 'home',
    elsewhere: (w: string) => `not home (${w})`,
    unclear: (w: string) => `home or not? (${w})`,
    quoted: (label: string, w: string) => `${label} (${w})`,
  },
} as const;

const OWNERS: Record<OwnerKind | 'unknown', { ja: string; en: string }> = {
  company: { ja: '貸与', en: 'company' },
  personal: { ja: '私用', en: 'personal' },
  customer: { ja: '顧客貸与', en: "customer's" },
  unknown: { ja: '', en: '' },
};
const KINDS: Record<DeviceKind, { ja: string; en: string }> = {
  pc: { ja: 'PC', en: 'PC' },
  phone: { ja: 'スマホ', en: 'phone' },
  tablet: { ja: 'タブレット', en: 'tablet' },
  any: { ja: '機器', en: 'device' },
};
const NETWORKS: Record<NetworkKind, { ja: string; en: string }> = {
  own: { ja: '自宅の回線', en: 'home line' },
  wired: { ja: '有線', en: 'wired' },
  wifi: { ja: '無線（Wi-Fi）', en: 'Wi-Fi' },
  'shared-building': { ja: '集合住宅の共用回線', en: "building's shared line" },
  'family-shared': { ja: '家族と共用の回線', en: 'shared with family' },
  carrier: { ja: 'キャリア回線（SIM・テザリング）', en: 'carrier SIM / tethering' },
  public: { ja: '公衆・フリーの回線', en: 'public / free network' },
  others: { ja: '他人の回線', en: "someone else's network" },
};
const ACTIONS: Record<string, { ja: string; en: string }> = {
  copy: { ja: '複製・保存', en: 'copying or saving' },
  print: { ja: '印刷', en: 'printing' },
  screenshot: { ja: 'スクリーンショット', en: 'screenshots' },
  photo: { ja: '撮影', en: 'photos' },
  record: { ja: '録音・録画', en: 'recording' },
  send: { ja: '送信・転送', en: 'sending' },
  'take-out': { ja: '持ち出し', en: 'taking out' },
  install: { ja: 'インストール', en: 'installing' },
  touch: { ja: '他人が触る・使う', en: 'someone else using it' },
  'share-credentials': { ja: 'ID・パスワードを教える', en: 'sharing credentials' },
  'private-use': { ja: '私的利用', en: 'private use' },
  chat: { ja: 'チャット', en: 'chat' },
};
const PEOPLE: Record<string, { ja: string; en: string }> = {
  family: { ja: '家族・同居人', en: 'family / household' },
  others: { ja: '社外の人', en: 'other people' },
  customer: { ja: '顧客', en: 'customer' },
  manager: { ja: '上司・部下', en: 'manager / reports' },
};

// The words come from the normalised question (lower case, one spelling of Wi-Fi); shown back in the usual case.
const shown = (word: string) =>
  word
    .replace(/wifi/g, 'Wi-Fi')
    .replace(/\bpc\b|(?<=[^a-z]|^)pc(?=[^a-z]|$)/g, 'PC')
    .replace(/\bvpn\b/g, 'VPN')
    .replace(/iphone/g, 'iPhone')
    .replace(/ipad/g, 'iPad')
    .replace(/macbook/g, 'MacBook')
    .replace(/chromebook/g, 'Chromebook');

export function summaryOf(s: Situation, lang: Lang): string {
  const l = L[lang];
  const parts: string[] = [];
  const core = s.place || s.devices.length || s.network || s.apps.length;
  if (core) {
    parts.push(
      `${l.place}：${s.place ? (s.place.kind === 'home' ? l.home : l[s.place.kind](shown(s.place.word))) : l.none}`,
    );
    const devices = [
      ...new Set(
        s.devices.map((d) => {
          const owner = OWNERS[d.owner ?? 'unknown'][lang];
          const kind = KINDS[d.kind][lang];
          const label = lang === 'ja' ? `${owner}${kind}` : `${owner ? `${owner} ` : ''}${kind}`;
          return d.word.toLowerCase() === kind.toLowerCase() ? label : l.quoted(label, shown(d.word));
        }),
      ),
    ];
    parts.push(`${l.device}：${devices.length ? devices.join(l.list) : l.none}`);
    parts.push(`${l.network}：${s.network ? l.quoted(NETWORKS[s.network.kind][lang], shown(s.network.word)) : l.none}`);
  }
  if (s.apps.length) {
    const apps = s.apps.map((a) => APP_NAMES[a].en.replace(/ \(.*\)$/, '')).join(l.list);
    const eds = s.editions.map((e) => EDITION_NAMES[e][lang]).join(l.list);
    parts.push(`${l.app}：${eds ? l.quoted(apps, eds) : apps}`);
  }
  const actions = s.actions.filter((a) => ACTIONS[a]).map((a) => ACTIONS[a]?.[lang] ?? a);
  if (actions.length) parts.push(`${l.action}：${actions.join(l.list)}`);
  if (s.services.length) parts.push(`${l.service}：${s.services.join(l.list)}`);
  const people = s.people.map((p) => PEOPLE[p]?.[lang] ?? p);
  if (people.length) parts.push(`${l.people}：${people.join(l.list)}`);
  return lang === 'en' ? parts.join(l.sep).replace(/：/g, ': ') : parts.join(l.sep);
}
