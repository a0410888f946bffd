/**
 * Question understanding: normalisation, language, and the facts a question mentions (devices with their owner,
 * apps, editions, and topic words). Plain regular expressions over a short string; no dictionary, no I/O.
 */
import type { App, Device, Edition, Lang } from '../guideline/types.ts';
import { fromRomaji, isRomajiJapanese } from './romaji.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

export function languageOf(question: string): Lang {
  return JAPANESE.test(question) || isRomajiJapanese(question.normalize('NFKC').toLowerCase()) ? 'ja' : 'en';
}

/** NFKC, lower case, one spelling of Wi-Fi and PC, no spaces next to Japanese, no trailing "please tell me". */
export function normalize(question: string): string {
  let n = fromRomaji(question.normalize('NFKC').toLowerCase());
  n = n.replace(/[’`]/g, "'");
  n = n.replace(/wi[\s\-‐]?fi|ワイファイ|わいふぁい|無線lan|\bwlan\b/g, 'wifi');
  n = n.replace(/\bp\s+c\b/g, 'pc').replace(/ピーシー/g, 'pc');
  // Common slips of the IME and words typed in kana.
  n = n
    .replace(/市的|詩的(?=(利用|に使))/g, '私的')
    .replace(/試用(?=(pc|パソコン|スマホ|携帯|端末|機器|の))/g, '私用')
    .replace(/しごと/g, '仕事')
    .replace(/かいしゃ/g, '会社')
    .replace(/ざいたく/g, '在宅')
    .replace(/めーる/g, 'メール')
    .replace(/ぱそこん|ぱそ(?!ぱ)/g, 'pc')
    .replace(/すまほ/g, 'スマホ')
    .replace(/てれわ(ーく)?/g, 'テレワーク')
    .replace(/ぽけわい|ポケワイ|ぽけっとわいふぁい/g, 'ポケットwifi')
    .replace(/かふぇ/g, 'カフェ')
    .replace(/ぶらうざ/g, 'ブラウザ')
    .replace(/わいやれす/g, 'ワイヤレス')
    .replace(/あぷり/g, 'アプリ')
    .replace(/てざりんぐ/g, 'テザリング')
    .replace(/再択|在択|再宅|財宅/g, '在宅')
    .replace(/暗合化|暗号可/g, '暗号化')
    .replace(/保簡|保感/g, '保管')
    .replace(/補修(?=作業|する|して|対応)/g, '保守')
    .replace(/神(?=資料|の資料|書類)/g, '紙')
    .replace(/メアド/g, 'メールアドレス')
    .replace(/制約書|成約書/g, '誓約書')
    .replace(/連略/g, '連絡')
    .replace(/除き見/g, '覗き見')
    .replace(/ちゃっと/g, 'チャット')
    .replace(/気お付け|気を付け/g, '気をつけ')
    .replace(/おく(る|って|り)(?!れ)/g, '送$1')
    .replace(/持ち出す(わけ|訳)じゃない|持ち出すわけではない|持ち出さない/g, '')
    .replace(/がめんしょっと|画面ショット/g, 'スクショ');
  // Living at one's parents' (実家暮らし) makes the 実家 one's home.
  if (/(実家暮らし|実家に住ん|実家住まい|住民票(も|は)?実家|i live with my parents|living with my parents)/.test(n))
    n = n.replace(/実家/g, '自宅').replace(/parents'? ?(house|home|place)/g, 'home');
  // An assurance that someone will not touch the PC is not someone touching it.
  n = n
    .replace(/\b(doesn'?t|does not|won'?t|will not|never|not) (touch|use) (\w+ ){0,2}/g, '')
    .replace(/(触ら|使わ)(ない|せない)(ように|約束|なら)?/g, '');
  n = n.replace(/\p{Extended_Pictographic}|\ufe0f/gu, ' ');
  // A wireless headset is not a wireless network.
  n = n.replace(
    /((ヘッドセット|イヤホン|イヤフォン|マウス|キーボード|headset|earbuds|earphones|mouse|keyboard)[^。、.?？]{0,12})(ワイヤレス|wireless|bluetooth)/g,
    '$1',
  );
  // What the asker already knows is forbidden ("I know USB sticks are banned") is not what they ask about.
  n = n.replace(/\bi know [^.?!]*(banned|not allowed|prohibited)[^.?!]*[.?!]?/g, '');
  n = n
    .replace(/\(?not (a |the )?(public|free) wi-?fi\)?/g, '')
    .replace(/(isn'?t|is not) (a |the )?(free|public) (wi-?fi|network|line)/g, '');
  // A loanword typed in hiragana (りもーとですくとっぷ, ふぃるたー) reads as katakana: runs with ー or a small vowel.
  n = n.replace(/(?<![\u30a0-\u30ff])[\u3041-\u3096][\u3041-\u3096ー]*(ー|[ぁぃぅぇぉ])[\u3041-\u3096ー]*/g, (run) =>
    run.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)),
  );
  n = n.replace(/\s+/g, ' ').trim();
  n = n.replace(/\bremote-desktop/g, 'remote desktop').replace(/\bnot (the )?(wifi|wireless)\b/g, '');
  // An alternative the person rules out ("有線ではなく無線", "the app rather than the web version") is not asked.
  n = n.replace(/\b(the )?app'?s out\b|\bapp is (out|not allowed)\b/g, '');
  n = n
    .replace(
      /(有線|無線|wifi|web版|ウェブ版|ブラウザ版?|アプリ版?|デスクトップ版?|rv|vpn|リモートデスクトップ)(経由)?(ではなく|じゃなくて?|じゃなきゃ|でなければ|でなく|ではありません|(が|は)?(引けない|使えない|無理)|は(対象外|ダメ|だめ|不可|使えない)(って|と)?)/g,
      '',
    )
    .replace(
      /\b(rather than|instead of) (our |my |the )?(family |home |own )?(fibre|fiber|line|network|connection|router)\b/g,
      '',
    )
    .replace(
      /\b(rather than|instead of) (installing |using |downloading )?(the |a |my )?(web|browser|app|desktop|wired|wifi)( (version|app|edition|one|connection))?/g,
      '',
    );
  n = n.replace(
    /\s+(?=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef])|(?<=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef])\s+/g,
    '',
  );
  // A request to be told ("…を教えて") is not the act of telling someone.
  n = n.replace(
    /(を|について)?教えて(ください|下さい|くれ|ほしい|欲しい|くれますか|もらえますか)?(?=[?？。!！]*$)/,
    '',
  );
  n = n.replace(/\b(can|could) you (please )?tell me\b|\bplease tell me\b|\btell me\b/g, '');
  return n;
}

export type DeviceClass = 'pc' | 'phone';
export type Owner = 'company' | 'personal' | 'customer';

export interface DeviceMention {
  cls: DeviceClass | 'any';
  owner?: Owner;
  at: number;
  /** The word as written (normalised). */
  word: string;
}

// Devices named by product that the company does not issue (it lends PCs and phones): with no owner given, they
// are someone's own.
const NOT_ISSUED = /^(chromebook|クロームブック|kindle)/;
/** A tablet named as such: lent like a phone, or one's own ("my tablet"); the matrix treats it as a phone. */
export const TABLET = /^(タブレット|ipad|アイパッド|tablet)/;
const LENT_BY_CUSTOMER =
  /(lent by (the |a )?(customer|client)|(customer|client|顧客|お客様|お客さん|客先)[^.?？。]{0,20}(lent|lends?|loaned|provided|gave|issued|貸与|貸し|借り|支給)|(borrowed|借りた|貸与された)[^.?？。]{0,12}(from (the |a |my |our )?(customer|client)|顧客|お客様|客先))/;
// Someone else's device is never a company device.
const SOMEONE_ELSES =
  /((夫|妻|嫁|旦那|子供|子ども|こども|息子|娘|親|母|父|兄|弟|姉|妹|祖父|祖母|友人|友達|彼女|彼氏|恋人|家族|同居人)の|\b(wife|husband|son|daughter|kid|child|children|partner|friend|mum|mom|dad|father|mother|brother|sister|roommate|family)('s|s')? )$/;

const DEVICE_RE =
  /(ノートpc|ノートパソコン|デスクトップpc|pc|パソコン|ぱそこん|ノーパソ|ラップトップ|\blaptops?\b|\bcomputers?\b|\bnotebook\b|(windows|win)\s*ノート|(windows|家の|自宅の|私物の|自分の)\s*デスクトップ(?!版|アプリ)|\b(home|personal|my own|my|family) ((windows|win|mac|gaming) )?desktop\b(?! (app|version|client|edition))|ノート型|macbook|\bmacs?\b(?!\s*(アドレス|address|認証|フィルタ|filter|auth))|マック(?=ブック|book)|chromebook|クロームブック|surface|サーフェス|thinkpad|レッツノート|let'?s ?note|vaio|dynabook|スマホ|すまほ|スマートフォン|スマフォ|携帯電話|携帯(?!する|して|し|キャリア)|ケータイ|けいたい|iphone|アイフォン|android|アンドロイド|smart ?phones?|\bphones?\b|\bmobiles?\b(?!\s*(router|wifi|hotspot|data))|\bcell ?phones?\b|galaxy|ギャラクシー|pixel|ピクセル|xperia|エクスペリア|aquos|アクオス|タブレット|ipad|アイパッド|\bbyod\b|\btablets?\b|kindle|端末|デバイス|\bdevices?\b|私用機器|私物機器)/g;

const PHONE_WORD =
  /^(スマホ|すまほ|スマートフォン|スマフォ|携帯|ケータイ|けいたい|iphone|アイフォン|android|アンドロイド|smart|phone|mobile|cell|galaxy|ギャラクシー|pixel|ピクセル|xperia|エクスペリア|aquos|アクオス|タブレット|ipad|アイパッド|tablet|kindle)/;
const GENERIC_WORD = /^(端末|デバイス|device|私用機器|私物機器|byod)/;

// Ownership words in Japanese that come right before the device (gap checked separately).
const JA_MARKERS: Array<[RegExp, Owner]> = [
  [
    /(顧客|お客様|お客さん|客先)(から|より)?(の|貸与(の|された|されている|いただいた)?|支給(の|された)?|借りた|お借りした|借りている)?/g,
    'customer',
  ],
  [
    /(社用|会社(から)?(支給|貸与|配布)(の|された|されている)?|会社から(借り|もらっ|渡され|配られ)[^、。をでにはが]{0,5}|会社(の|用の?)?|貸与(の|された|されている|品の?)?|支給(の|された|されている|品の?)?|業務用の?|社給の?|社有の?|仕事用の?|法人(契約)?の?)/g,
    'company',
  ],
  [
    /(私用(の|で使っている)?|私有の?|個人(の|用の?|所有の?|持ちの?|契約の?)?|自分(の|で買った|専用の?)|自前の?|私物の?|自己所有の?|プライベート(の|用の?)|自宅(の|にある)?|家(の|にある)|うちの|我が家の|マイ|家族の|家族共用の?)/g,
    'personal',
  ],
];
const EN_MARKERS: Array<[RegExp, Owner]> = [
  [/\b(customer|client)('s|s')?[ -](\w+[ -])?$/, 'customer'],
  [
    /\b(company|corporate|work|business|office|employer'?s?|company[- ](issued|provided|owned|supplied)|work[- ](issued|provided)|issued|provided)[ -](\w+[ -])?$/,
    'company',
  ],
  [
    /\b(personal|private|own|home|family|byod|non-company|non-work|privately[- ]owned|personally[- ]owned)[ -](\w+[ -])?$/,
    'personal',
  ],
];
const BLOCKING_GAP = /[をでにはがへと、。,.?？!！]/;

function ownerBefore(n: string, at: number): Owner | undefined {
  const enWindow = n.slice(Math.max(0, at - 28), at);
  // English: marker word(s) right before the device.
  for (const [re, owner] of EN_MARKERS) if (re.test(enWindow)) return owner;
  const window = n.slice(Math.max(0, at - 16), at);
  let best: { end: number; owner: Owner } | undefined;
  for (const [re, owner] of JA_MARKERS) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && owner === 'customer')) best = { end, owner };
    }
  }
  if (!best) return undefined;
  const gap = window.slice(best.end);
  // A product or OS name may stand between the owner and the device (私物のWindows PC).
  if ((gap.length > 6 && !/^[a-z0-9 ]{0,12}の?$/.test(gap)) || BLOCKING_GAP.test(gap)) return undefined;
  // 「会社の自分のPC」 is the PC at the office assigned to me.
  if (best.owner === 'personal' && /(会社|社内|オフィス)(の|にある)自分の$/.test(window)) return 'company';
  return best.owner;
}

const AFTER_COMPANY =
  /^(\s*[（(]?\s*(会社支給|会社貸与|会社の|会社|貸与|支給|社用|業務用)|(は|が)(会社|貸与|支給|社用|業務用)|\s*(that |which )?(is |was |i was )?(issued|provided|given|lent|supplied|owned)( to me)? by (the |my )?(company|employer|work|firm)|\s*((that|which) )?(the |my )?(company|employer|firm|work|office) (gave|issued|provided|lent|supplied|loaned)|\s*(from|for) (the )?(company|work|office)\b|\s*(is|was) (a )?(company|work)[- ]?(issued|provided|owned|phone|laptop|pc))/;
const AFTER_PERSONAL =
  /^(\s*[（(]?\s*(私物|私用|個人所有|自前|自己所有)|(は|が)(私物|私用|個人|自分|自前)|\s*(that |which )?i (own|bought|paid for)|\s*(is|was) (my own|personal|private|mine))/;

function ownerAfter(n: string, end: number): Owner | undefined {
  const rest = n.slice(end, end + 48);
  if (AFTER_COMPANY.test(rest)) return 'company';
  if (AFTER_PERSONAL.test(rest)) return 'personal';
  return undefined;
}

const GLOBAL_PERSONAL =
  /([（(](私用|私物|個人)[）)]|私物|私用の|私用(?=pc|パソコン|スマホ|携帯|端末|機器|iphone|タブレット|ノート)|個人所有|自前|自己所有|\bbyod\b|bring your own|my own|personal (devices?|phones?|pcs?|laptops?|computers?|smartphones?|tablets?))/;
const GLOBAL_COMPANY = /(会社支給|会社貸与|貸与|社用|company[- ](issued|provided|owned)|work[- ]issued)/;

export function findDevices(n: string): DeviceMention[] {
  const out: DeviceMention[] = [];
  DEVICE_RE.lastIndex = 0;
  for (let m = DEVICE_RE.exec(n); m; m = DEVICE_RE.exec(n)) {
    const word = m[0];
    const cls: DeviceMention['cls'] = GENERIC_WORD.test(word) ? 'any' : PHONE_WORD.test(word) ? 'phone' : 'pc';
    // 「personal desktop for work」: the owner named in the device's own words comes first.
    let owner: Owner | undefined = /^(home|personal|my own|family) |^(家の|自宅の|私物の|自分の)/.test(word)
      ? 'personal'
      : undefined;
    owner ??=
      word === '私用機器' || word === '私物機器' || word === 'byod'
        ? 'personal'
        : (ownerBefore(n, m.index) ?? ownerAfter(n, m.index + word.length));
    if (word.startsWith('携帯') && /会社$|社用$/.test(n.slice(0, m.index))) owner = 'company';
    if (!owner && /^(home|personal|my own|family) /.test(word)) owner = 'personal';
    if (!owner && SOMEONE_ELSES.test(n.slice(Math.max(0, m.index - 12), m.index))) owner = 'personal';
    out.push({ cls, owner, at: m.index, word });
  }
  // The same device named twice ("the Teams mobile app on my private smartphone") takes the owner given once.
  for (const d of out) {
    if (d.owner) continue;
    const owners = new Set(
      out.filter((o) => o.owner && (o.cls === d.cls || o.cls === 'any' || d.cls === 'any')).map((o) => o.owner),
    );
    if (owners.size === 1) d.owner = [...owners][0];
  }
  if (out.some((d) => !d.owner) && LENT_BY_CUSTOMER.test(n))
    for (const d of out) if (!d.owner && d.cls !== 'phone') d.owner = 'customer';
  if (out.some((d) => !d.owner)) {
    const p = GLOBAL_PERSONAL.test(n);
    const c = GLOBAL_COMPANY.test(n);
    if (p !== c) for (const d of out) if (!d.owner) d.owner = p ? 'personal' : 'company';
  }
  // "BYOD" says whose, not which: with a named device it adds nothing.
  if (out.some((d) => d.word !== 'byod')) out.splice(0, out.length, ...out.filter((d) => d.word !== 'byod'));
  for (const d of out) if (!d.owner && NOT_ISSUED.test(d.word)) d.owner = 'personal';
  for (const d of out)
    if (!d.owner && TABLET.test(d.word) && /\bmy (own )?$|私の$/.test(n.slice(Math.max(0, d.at - 8), d.at)))
      d.owner = 'personal';
  return out;
}

/** The §3.5 devices a question's device mentions stand for; an unowned or generic mention expands. */
export function matrixDevices(mentions: DeviceMention[]): Device[] {
  const set = new Set<Device>();
  for (const d of mentions) {
    const classes: DeviceClass[] = d.cls === 'any' ? ['pc', 'phone'] : [d.cls];
    const owners: Array<'company' | 'personal'> =
      d.owner === 'company'
        ? ['company']
        : d.owner === 'personal'
          ? ['personal']
          : d.owner === 'customer'
            ? []
            : ['company', 'personal'];
    for (const c of classes) for (const o of owners) set.add(`${o}-${c}` as Device);
  }
  const order: Device[] = ['company-pc', 'personal-pc', 'company-phone', 'personal-phone'];
  return order.filter((d) => set.has(d));
}

const WEB_RE =
  /(website|web site|web ?app\b|outlook\.com|ブラウザ|browser|web版|webばん|ウェブ版|webブラウザ|\bweb\b(?!\s*(会議|meeting|conference|camera|cam|カメラ|ミーティング))|web(?=で|から|の?outlook|の?teams|の?メール)|ウェブ(?!会議|カメラ)|\bowa\b|outlook\.office|on the web|online版|オンライン版|\bonline\b(?!\s*(meeting|会議))|chrome(?!book)|safari|\bedge\b|firefox)/;
const APP_RE =
  /(アプリ|あぷり|\bapps?\b|application|デスクトップ版|デスクトップアプリ|desktop|クライアント|\bclient\b(?!'s|s')|インストール|いんすとーる|\binstall|を入れ|ダウンロード|\\bdownload|ストア|app ?store|play ?store)/;

const NO_INSTALL_RE =
  /(without (installing|downloading|an app|the app|any app)|no app|(インストール|ダウンロード)(は)?(せず|しない|しなくて|なし|いたしません|しません)|not (installing|going to install)|won'?t install|do(n'?t| not) have the app( installed)?|アプリ(は|を)?入れ(ません|ない|ず|てない|ていない)|アプリ(は|が)?入っていない|アプリ(を)?入れられない|nothing installed|no install|アプリ(なし|無し|を入れず|を入れない)|入れずに)/;

const INSTALL_ASKED =
  /(インストールし(て|たい)|入れ(て|たい)|いれ(て|たい)|\binstall (the |a )?(\w+ ){0,3}(app|desktop|client|application))/;

export function findEditions(n: string): Edition[] {
  const out: Edition[] = [];
  const noInstall = NO_INSTALL_RE.test(n);
  if (WEB_RE.test(n) || noInstall) out.push('web');
  if (APP_RE.test(n) && !noInstall) out.push('app');
  // "install the app … the browser version is slow": the app is what is asked.
  if (out.length === 2 && INSTALL_ASKED.test(n)) return ['app'];
  return out;
}

const OUTLOOK_RE =
  /(outlook|outlok|otlook|outlock|アウトルック|メール(?!アドレス)|めーる|\be-?mails?\b(?!\s*address)|\bmails?\b|予定表|スケジュール|カレンダー|\bcalendar|受信トレイ|\binbox|\bowa\b)/;
const TEAMS_RE = /(teams|チームズ|ティームズ|てぃーむず|ちーむず|temas|teems|\btems\b)/;
const OFFICE_RE =
  /(office\s*(365|アプリ|apps?\b|web|版|on the web|ソフト)|\bm365\b|microsoft\s*365|マイクロソフト\s*365|\bo365\b|オフィス(365|アプリ|ソフト|のアプリ)|\boffice\b(?=.*(アプリ|\bapps?\b|\bweb\b|版|ブラウザ|browser))|(web版|アプリ版|ブラウザ版?)の?office|the office (app|suite))/;

export function findApps(n: string): { apps: App[]; office: boolean } {
  const apps: App[] = [];
  const office = OFFICE_RE.test(n);
  if (office || OUTLOOK_RE.test(n)) apps.push('outlook');
  if (office || TEAMS_RE.test(n)) apps.push('teams');
  return { apps, office };
}
