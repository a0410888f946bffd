/**
 * Never yes when the guideline says no: a prohibited element stays prohibited whatever permitted things the question
 * also mentions; permission questions get permission answers; the card's "understood" line shows what was read.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.ts';

const PERMITTED_JA = [
  '会社PCでTeamsアプリを使っていい？',
  '会社PCを有線LANにつないでVPNで仕事していい？',
  '自分のキーボードとマウスを会社PCにつないでいい？',
  '会社PCのブラウザでOutlookを見てもいい？',
];
const PERMITTED_EN = [
  'can I use the Teams app on my company laptop?',
  'may I work on my company PC over VPN with a wired connection?',
  'is it ok to check Outlook in the browser on my company PC?',
];

describe('a prohibited place, network or act is never outweighed by permitted ones', () => {
  const cases: Array<{ prefix: string; section: string; en?: boolean }> = [
    { prefix: 'カフェで', section: '§2.1' },
    { prefix: '実家に帰省中、', section: '§2.1' },
    { prefix: '駐車場に停めた車の中で', section: '§2.1' },
    { prefix: '新幹線の中で', section: '§2.1' },
    { prefix: 'ホテルの部屋で', section: '§2.1' },
    { prefix: 'コワーキングスペースで', section: '§2.1' },
    { prefix: '市のフリーWi-Fiが家まで届くので、それを使って', section: '§2.2' },
    { prefix: '隣の家のWi-Fiを借りて', section: '§3.3' },
    { prefix: 'From a café, ', section: '§2.1', en: true },
    { prefix: 'At my parents’ house over New Year, ', section: '§2.1', en: true },
    { prefix: 'Sitting in my car in the parking lot, ', section: '§2.1', en: true },
    { prefix: "Using the city's free public Wi-Fi that reaches my flat, ", section: '§2.2', en: true },
  ];
  for (const c of cases) {
    for (const rest of c.en ? PERMITTED_EN : PERMITTED_JA) {
      const q = `${c.prefix}${rest}`;
      it(q, () => {
        const a = answer(q);
        expect(a.verdict).toBe('prohibited');
        expect(a.citations).toContain(c.section);
      });
    }
  }

  it('says which rule decides, first, and names the others it runs into', () => {
    const a = answer('カフェのフリーWi-Fiで会社PCのTeamsアプリを使っていい？');
    expect(a.verdict).toBe('prohibited');
    expect(a.citations.slice(0, 3).sort()).toEqual(['§2.1', '§2.2', '§3.3']);
    expect(a.ruleIds).toEqual(expect.arrayContaining(['2.1-home-only', '2.2-no-risky-network']));
  });

  it.each([
    ['画面を写真に撮って後で見返してもいい？ 会社PCは有線でVPN接続してます', '§2.4'],
    ['I work at home on my company laptop over a wired VPN. May I upload the draft proposal to my personal OneDrive?', '§2.3'],
    ['私物のWindows PCでVPNつないで作業してもいい？会社PCが重いから', '§3.1'],
    ['入社2年目で役職なしだけど、社用スマホにTeamsアプリ入れていい？', '§3.5'],
    ['上長とお客さんの許可もらって紙資料持ち帰ったけど、コンビニでコピーしてもいい？', '§2.6'],
    ['Can my friend who is visiting sit next to me while I answer Teams messages?', '§2.5'],
  ])('%s → prohibited (%s)', (q, section) => {
    const a = answer(q);
    expect(a.verdict).toBe('prohibited');
    expect(a.citations[0]).toBe(section);
  });
});

describe('permission questions get permission answers', () => {
  it.each([
    ['一人暮らしなので席を離れる時に画面ロックしなくてもいい？', 'prohibited'],
    ['Would it be acceptable to leave the VPN connected overnight?', 'prohibited'],
    ['ビデオ会議で背景をぼかしてもいいですか？', 'allowed'],
    ['家族がいるリビングで仕事してもいい？', 'conditional'],
    ['私用スマホのブラウザでOutlookを見てもいい？', 'allowed'],
    ['会社支給のスマホでOutlookアプリを使いたい', 'conditional'],
  ])('%s → %s', (q, verdict) => {
    expect(answer(q).verdict).toBe(verdict);
  });

  it.each([
    '離席する時は何をしなければいけない？',
    'What should I do at the end of my work day at home?',
    'VPNってどのPCからなら繋いでいいんだっけ',
    '在宅勤務を始める前に出しておかないといけない書類ってありますか？',
  ])('"%s" asks what to do: required', (q) => {
    expect(answer(q).verdict).toBe('required');
  });
});

describe('what was understood', () => {
  it('reads a car park as a place other than home, and says nothing of a network not mentioned', () => {
    const a = answer('駐車場に停めた車の中でTeams会議に出てもいい？');
    expect(a.understood.place).toEqual({ kind: 'elsewhere', word: '駐車場' });
    expect(a.understood.network).toBeUndefined();
    expect(a.understood.summary).toContain('場所：自宅以外（駐車場）');
    expect(a.understood.summary).toContain('回線：—');
    expect(a.understood.asks).toBe('permission');
  });

  it.each([
    ['自分のiPadでTeamsのアプリを使っていい？', 'personal', 'tablet'],
    ['Can I use Teams on my iPad?', 'personal', 'tablet'],
    ['Can I open Outlook on my Chromebook?', 'personal', 'pc'],
    ['夫のパソコンでメールを見てもいい？', 'personal', 'pc'],
    ['お客様から貸与されたPCを家のWi-Fiにつないでもいい？', 'customer', 'pc'],
    ['私物のWindows PCでVPNつないでもいい？', 'personal', 'pc'],
  ])('%s → a %s %s', (q, owner, kind) => {
    const d = answer(q).understood.devices[0];
    expect(d?.owner).toBe(owner);
    expect(d?.kind).toBe(kind);
  });

  it.each([
    ['マンション共用のWi-Fiで仕事していい？', 'shared-building', 'allowed'],
    ['テザリングで仕事していい？', 'carrier', 'allowed'],
    ['近所の人のWi-Fiを借りてもいい？', 'others', 'prohibited'],
    ['フリーWi-Fiで仕事していい？', 'public', 'prohibited'],
  ])('%s → network %s, %s', (q, kind, verdict) => {
    const a = answer(q);
    expect(a.understood.network?.kind).toBe(kind);
    expect(a.verdict).toBe(verdict);
  });

  it('does not guess whose a tablet is when the question does not say: the answer depends', () => {
    const a = answer('teams on ipad');
    expect(a.understood.devices[0]).toEqual({ kind: 'tablet', owner: undefined, word: 'ipad' });
    expect(a.verdict).toBe('depends');
  });

  it('shows the question back in English for English questions, and nothing for a question with no situation', () => {
    expect(answer('Can I print customer documents at home?').understood.summary).toMatch(/Doing: printing/);
    expect(answer('ガイドラインの目的は？').understood.summary).toBe('');
  });

  it('reads rōmaji Japanese and answers it in Japanese', () => {
    const a = answer('toshokan de VPN tsunaide shigoto shitemo ii desuka?');
    expect(a.lang).toBe('ja');
    expect(a.verdict).toBe('prohibited');
    expect(a.citations[0]).toBe('§2.1');
  });

  it('offers the nearest sections when the guideline has no answer, and none for pay or leave', () => {
    expect(answer('会社のスマホをなくしたらどうする？').nearest).toEqual(expect.arrayContaining(['§3.5']));
    expect(answer('在宅勤務手当はいくら？').nearest).toEqual([]);
  });
});

describe("the issue's vocabulary is read, each word in a question of its own", () => {
  const read = (q: string) => answer(q).understood;
  it.each(['Chromebook', 'Surface', 'iPad', 'タブレット', '私物のPC', 'BYOD'])('device: %s', (w) => {
    expect(read(`${w}でOutlookを使っていい？`).devices.length).toBeGreaterThan(0);
  });
  it.each(['車', '駐車場', '実家', 'ホテル', '新幹線', '公園', 'スタバ', 'コワーキング'])('place: %s', (w) => {
    const a = answer(`${w}で仕事していい？`);
    expect(a.understood.place?.kind).toBe('elsewhere');
    expect(a.verdict).toBe('prohibited');
  });
  it.each([
    ['テザリング', 'carrier'],
    ['隣の家のWi-Fi', 'others'],
    ['マンション共用のWi-Fi', 'shared-building'],
    ['フリーWi-Fi', 'public'],
    ['公衆無線LAN', 'public'],
  ])('network: %s', (w, kind) => {
    expect(read(`${w}で仕事していい？`).network?.kind).toBe(kind);
  });
  it.each([
    ['夫に会社PCを触らせていい？', 'family'],
    ['妻が画面を見てもいい？', 'family'],
    ['子どもに会社PCを使わせていい？', 'family'],
    ['同居人にPCを貸していい？', 'family'],
    ['友人が来ている時に仕事していい？', 'others'],
    ['他社の人に画面を見せていい？', 'others'],
  ])('people: %s', (q, who) => {
    expect(read(q).people).toContain(who);
  });
  it.each(['Dropbox', 'Gmail', 'LINE', '個人のOneDrive'])('service: %s', (w) => {
    const a = answer(`${w}に資料を送っていい？`);
    expect(a.understood.services.length).toBeGreaterThan(0);
    expect(a.verdict).toBe('prohibited');
  });
  it.each([
    ['資料を印刷していい？', 'print'],
    ['資料をコピーしていい？', 'copy'],
    ['画面をスクショしていい？', 'screenshot'],
    ['画面を撮影していい？', 'photo'],
    ['会議を録音していい？', 'record'],
    ['資料を持ち出していい？', 'take-out'],
    ['メールを転送していい？', 'send'],
  ])('action: %s', (q, code) => {
    expect(read(q).actions).toContain(code);
  });
});

describe('a place the engine cannot tell is home or not', () => {
  it.each(['サウナで会社PCのTeamsアプリ使っていい？', 'Can I answer Teams messages on my company laptop from the sauna?'])(
    '%s → depends on whether it is home, citing §2.1 first',
    (q) => {
      const a = answer(q);
      expect(a.understood.place?.kind).toBe('unclear');
      expect(a.verdict).toBe('depends');
      expect(a.citations[0]).toBe('§2.1');
    },
  );
});

describe('an excuse does not buy a yes', () => {
  it.each([
    '今回だけなら、誰にもバレないし会社PCで私用のネットショッピングしてもいい？',
    "Just this once, can I keep the customer's file on my own laptop? I'll delete it after.",
  ])('%s → never allowed or conditional', (q) => {
    expect(['allowed', 'conditional']).not.toContain(answer(q).verdict);
  });
});
