/**
 * The situation a question describes, element by element (place, devices and whose they are, network, app and
 * edition, actions, services, people), read from the normalised question. The rules check these elements; the
 * card shows them back to the person so a misreading is visible at once.
 */
import { R } from './topics.ts';
import { TABLET } from './understand.ts';
import type { Asks, DeviceKind, NetworkKind, OwnerKind, PlaceKind, Understood } from './types.ts';
import type { Facts } from './facts.ts';

export type Situation = Omit<Understood, 'summary'>;

const HOME =
  /(自宅|在宅|家で|家から|家の中|うちで|部屋で|書斎|リビング|寝室|\bat home\b|from home|my (flat|apartment|house|room|bedroom|living room)|home office)/;

// "Xで仕事" / "work from X": the X a question says work happens in, to be told home or not.
const PLACE_SLOT_JA =
  /([^\s、。,.!?？！「」『』（）()・をがはにもと]{0,10}(場|館|店|室|所|園|屋|宅|先|駅|港|センター|スペース|ブース|ホール|ルーム|ラウンジ|サウナ|ジム|施設|会場|ホテル|カフェ|バー|銭湯|スパ|ビーチ|海|山|湖|広場|テラス|屋上))(で|から)(の)?[^。？?、]{0,20}?(仕事|作業|業務|勤務|在宅|テレワーク|リモート|働|会議|使|開|参加|返信|対応)/;
const PLACE_SLOT_EN =
  /\b(work|working|telework|wfh|join|answer|use|check|read|do (it|my work|the work))\b[^.?!]{0,40}?\b(from|at|in) (a |an |the |my |our |his |her |their )([a-z'’-]+( [a-z'’-]+)?)/;
// What may stand in that slot and is not a place: devices, networks, apps, methods, rooms of a home, ways and times.
const NOT_A_PLACE =
  /(それ|これ|あれ|この|その|あの|どこ|研修|お客様|pc|パソコン|スマホ|携帯|タブレット|ipad|iphone|mac|chromebook|surface|ノート|端末|機器|wifi|回線|有線|無線|ネット|lan|vpn|rv|ブラウザ|アプリ|teams|outlook|チャット|テザリング|sim|一人|自分|私物|私用|会社|貸与|社用|英語|日本語|電話|ビデオ|web|zoom|休憩|昼|夜|朝|今日|明日|週末|休日|時間|状態|場合|方法|ように|ため|ながら|まま|間|中|後|前|形|感じ|ルール|ガイドライン|誓約|許可|申請|上長|家族|子ども|子供|妻|夫|親|リビング|台所|キッチン|ダイニング|書斎|寝室|部屋|机|ベランダ|庭|自室|客先|オフィス|社内)/;
const NOT_A_PLACE_EN =
  /(\bthere\b|\bhere\b|\bcall|\bwatch|\bmeeting|repair|switch|segment|network|router|laptop|\bpc\b|computer|phone|tablet|ipad|iphone|macbook|chromebook|surface|device|browser|safari|chrome|edge|firefox|\bapp\b|vpn|\brv\b|teams|outlook|wifi|network|line|home|house|flat|apartment|kitchen|living|dining|bedroom|study|sofa|couch|desk|table|balcony|garden|room|office|client site|customer site|general|meantime|around|\ball\b|least|once|time|end|morning|evening|night|weekend|lunch|break|\bit\b|that|this|guideline|bed\b)/;

function unclearPlace(n: string): string | undefined {
  const ja = PLACE_SLOT_JA.exec(n);
  if (ja?.[1] && !NOT_A_PLACE.test(ja[1]) && !R.homeWord.test(ja[1])) return ja[1];
  const en = PLACE_SLOT_EN.exec(n);
  const x = en?.[5];
  if (x && !NOT_A_PLACE_EN.test(x) && !R.homeWord.test(x)) return x;
  return undefined;
}

const NETWORKS: Array<[NetworkKind, RegExp]> = [
  // A guest network on one's own router is a segment of one's own network, not a public one.
  [
    'own',
    /((router|ルーター)[^.?。]{0,40}(guest|ゲスト)|(guest|ゲスト)[^.?。]{0,40}(segment|separate|セグメント|分け))/,
  ],
  [
    'shared-building',
    /((ネット|インターネット|wifi|回線)(無料|付き|完備)の(マンション|アパート|物件)|管理会社が[^。]{0,12}(提供|用意)|全戸|各戸|(マンション|集合住宅|アパート|団地|寮|社宅|シェアハウス|share ?house|apartment|condo|building|dorm)(の|'s)?\s*(共用|共有|shared|備え付け|無料|フリー|free|lobby|ロビー)?の?\s*(wifi|無線|ネット|回線|network|internet|line)|(wifi|internet|network|line) (at|in|of|for) (my|the|our) (apartment|building|condo|dorm|share ?house)|landlord provides (the )?(wifi|internet)|大家(さん)?(が|の)(用意|提供|契約)?[^?？。]{0,6}(wifi|ネット|回線))/,
  ],
  [
    'public',
    /(mcdonald'?s\s*(wifi|free)|マクドナルド|(フリー|free|無料|公衆|公共|public|open|オープン|誰でも使える|パスワード(なし|無し)の|鍵(なし|無し)の|鍵のかかっていない)の?\s*(wifi|無線|アクセスポイント|access points?|hotspots?|ネットワーク|networks?|回線|\blan\b|スポット|インターネット|internet)|公衆無線|フリースポット|00000japan|guest\s*(wifi|network)|ゲスト(wifi|ネットワーク)|(市|区|町|村|自治体|商店街|街|駅前|駅|city|town|municipal|community|カフェ|喫茶店|ホテル|空港|図書館|お店|店舗|コンビニ|スタバ|スターバックス|新幹線|電車|ファミレス|マクド|caf[eé]|coffee ?shop|hotel|airport|library|starbucks|station|train|shop|store|restaurant)(の|で|'s)?\s*(無料|フリー|free|公衆)?\s*(wifi|無線|ネット|network|internet|hotspot))/,
  ],
  [
    'others',
    /((隣|近所|お隣|ご近所|他人)[^?？。]{0,14}(wifi|無線|ネット|回線|network|internet|router|ルーター)|neighbou?r[^?？。.]{0,40}(wifi|network|internet|router)|(隣|隣人|近所|他人|お隣|ご近所|他の家|友人|友達|親戚|neighbou?r|someone else|a friend|friend)('s|s')?の?(家の|宅の|部屋の)?\s*(wifi|無線|network|ネットワーク|ネット|回線|internet|line|router|ルーター))/,
  ],
  [
    'carrier',
    /(テザリング|tether|personal hotspot|mobile hotspot|ポケット\s*wifi|ポケwifi|poket\s*wifi|pocket\s*wifi|モバイルルーター|モバイルwifi|mobile (router|wifi)|キャリアsim|\bsim\b|\b[45]g\b|\blte\b|スマホの回線|phone'?s? (hotspot|data|connection)|インターネット共有)/,
  ],
  [
    'family-shared',
    /((家族|同居人|夫|妻|子ども|子供|family|roommates?|flatmates?)[^?？。]{0,10}(共用|共有|同じ|一緒|shar(e|ed|ing)|same)[^?？。]{0,8}(wifi|無線|ネット|回線|network|internet|ルーター|router))/,
  ],
  ['wired', /(有線|lanケーブル|ケーブルで|ethernet|wired|lan cable)/],
  [
    'own',
    /(自宅の?(回線|ネット|インターネット|光|ネットワーク|wifi)|家の(回線|ネット|インターネット|ネットワーク|wifi)|光回線|回線契約|プロバイダ|home (internet|network|line|broadband|connection|wifi)|own (line|internet|connection|network|broadband|wifi)|fib(er|re)|broadband)/,
  ],
  [
    'wifi',
    /(wifi|無線|ワイヤレス(?!ヘッドセット|イヤホン|イヤフォン|マウス|キーボード|充電)|wireless(?! (headset|earbuds|earphones|mouse|keyboard|charg))|ルーター|router|ssid)/,
  ],
];

const ACTIONS: Array<[string, RegExp]> = [
  [
    'screenshot',
    /(スクリーンショット|スクショ|すくしょ|screenshot|screen ?shot|screen ?capture|画面キャプチャ|キャプチャ|\bcapture\b)/,
  ],
  ['print', /(印刷|プリント(?!アウトした紙)|\bprint(?!outs?|ed)|プリンター|printer)/],
  [
    'photo',
    /(写真(を)?(と[っる]|撮)|撮影|写真を?撮|写メ|撮っ|撮る|撮り|カメラで|(photo|picture|pic)s? of|photograph|take (a )?(photo|picture|pic)|snap)/,
  ],
  ['record', /(録音|録画|ボイスメモ|record(ing)?\b)/],
  [
    'copy',
    /(\bput (\w+ ){0,3}(on|in|into) (my |a |the )?(dropbox|drive|onedrive|cloud|usb|gmail|icloud|phone)|(onedrive|dropbox|ドライブ|クラウド|gmail|line|icloud)に入れ|\bpaste\b|貼り付け|ペースト|\bpush\b|複製|コピー|コピペ|\bcop(y|ies|ying)\b|保存|\bsav(e|ing)\b|ダウンロード|download|バックアップ|back ?up|同期|\bsync)/,
  ],
  ['send', /(転送|送信|送る|送っ|送り|forward|\bsend|\bsent\b|アップロード|upload|共有リンク|添付して|メールで送)/],
  [
    'take-out',
    /(持ち出|持ち帰|持って帰|持って行|持っていく|take( \w+){0,3} (home|out)|bring (it |the \w+ |my \w+ )?(home|along|with me)|carry (it )?(home|out))/,
  ],
  ['install', /(インストール|install|アプリを入れ|ダウンロードして使)/],
  [
    'touch',
    new RegExp(
      `${R.touchStrong.source}|\\b(him|her|them|son|daughter|kids?|child|children|wife|husband|family|friends?|someone) (to )?use|使ってもらう|使いたいと言`,
    ),
  ],
];

const SERVICES =
  /(dropbox|ドロップボックス|gmail|ジーメール|yahoo|ヤフー|icloud|google\s*drive|グーグルドライブ|googleドライブ|個人の?\s*onedrive|personal onedrive|wechat|whatsapp|messenger|slack|chatwork|chatgpt|evernote|wetransfer|ギガファイル便|firestorage|\bbox\b|notion|instagram|facebook|twitter|discord)/g;

const PERMISSION =
  /(いい(です|でしょう|っす|んです|のですか)?(か|の|ん|よね|よな|かな|かしら|っすか)?[?？]?$|いい(か|の|ん|よね|かな)?[?？]|いいよね|良い|よい|よろしい|大丈夫|だいじょうぶ|平気|へいき|いいんでしょうか|いいのでしょうか|よろしいのでしょうか|isn'?t it[?？]?$|問題(あり|ござい)ますか|問題ある|is (that|it|this) a problem|is (ok|okay|fine),? right|that'?s (fine|ok|okay),? right|ですよね[?？]|\bdon'?t (need|have) to\b|よくない|いいよね|いいっしょ|いいでしょ|いいす|いけたり|いける|いけます|\benough\b|\bcan (use|work|connect|access|open|install|bring|take)\b|だいじょぶ|セーフ|問題ない|問題ありません|構わない|かまわない|可能|認められ|構いません|かまいません|差し支え|さしつかえ|\bacceptable\b|\bpermissible\b|would it be (ok|okay|fine|possible|allowed)|できる|できます|出来る|出来ます|できません|使える|使えます|持ち出せ|持ち帰れ|出せる|使えない|使っても(?!ら)|しても(?!ら)|してよい|許され|許可され|\bok\b|オッケー|マズい|まずくない|おk|アリ|あり(です)?か|だめ|ダメ|駄目|いけない|いけません|\bng\b|アウト|禁止|まずい|不可|\bcan i\b|\bmay i\b|\bcould i\b|\bam i allowed|\bis it (ok|okay|fine|allowed|permitted|possible|alright|safe)|allowed to|permitted to|\bcan (we|my|you|he|she)\b|\bcan it\b|\bis (that|this) (ok|okay|fine|allowed)|\bare (we|you) allowed|\bok to\b|\bokay to\b|\bfine (to|if)\b|\bany problem|\ballowed\b)/;
const OBLIGATION =
  /(how (should|do|can) i (keep in touch|communicate|support|manage|check on)|(やっといた|しといた|しておいた|やっておいた)(方|ほう)がいい|(方|ほう)がいいこと|(やる|やっとく|やっておく|する|しておく|しとく)こと|何を(すれば|したら|する|しなければ)|どうすれば|どうしたら|どうすべき|すべき|しなければ|しないといけない|しなきゃ|必要(です)?か|必要な|気をつけ|注意(点|すること|事項)|守るべき|義務|ルールは|決まり|what (should|must|do) i|what do i (need|have) to|how should i|do i (have|need) to|must i|should i|what (is|are) (the )?(rule|requirement)s?|required|what (happens|to do)|what are my)/;

// A question word makes it a "what / where / how" question even when it ends in いい？ or can I.
const WH =
  /(どこ(?!にも|か|でも)|どの|どれ|何(?!も|か|と|でも)|なに(?!も|か)|(?<![ぁ-んァ-ヶ一-龥])なんで(?!す|し|、)|なんて|なぜ|どうして|どう(?!せ|ぞ|も)|どんな|いつ(?!も|か|でも)|誰(?!も|か|でも)|だれ(?!も|か|でも)|どちら|どっち|(できる|やる|べき)こと(は|って)[?？]?$|(^|[.?!,;]\s*|\b(tell me|know|confirm|outline|explain|describe|list|ask) )(what|whats|where|which|how|when|who|whom|why)\b)/;
const MUST =
  /(他に(何か)?(やる|する)こと|だけで(いい|大丈夫|ok)[?？]*$|それだけで|ないと(だめ|ダメ|駄目|いけない|いけません|まずい)|なければ(ならない|いけない|だめ)|なきゃ|必要(です|でしょう)?か|必要ある|必須|義務|\bmust i\b|\bdo i (have|need) to\b|\bshould i\b|\bdo i need\b|\bam i required\b|\bis it (required|mandatory|necessary)\b)/;

// Yes/no questions about facts ("Does the company read our chats?", 「見られてるの？」).
const INFO =
  /(とは|って(何|なに|なん)|意味|教えて|知りたい|\b(explain|tell me|meaning|mean)\b|(^|[.?!—:-]\s*)(does|do|is|are|will|has|have|did|was|were)\b|(^|[.?!]\s*)(can|could|may|will|does) (the|our|my) (company|employer|boss|manager|it|admins?|management|firm)\b|(の|んですか|んでしょうか|ますか|ですか|でしょうか|る)[?？。.!！\s]*$)/;
// "Can I …, or does it have to be …?" asks for leave first.
const LEAVE_FIRST =
  /(^|[.?!,]\s*)((can|may|could) i|is it (ok|okay|fine|alright)|is (a |an |the |my )?[\w-]+ (ok|okay|fine|allowed|alright))\b/;

function asksOf(n: string): Asks {
  if (LEAVE_FIRST.test(n)) return 'permission';
  // "Do I really have to lock it just for the toilet?" asks for leave to skip it.
  if (/\breally (have|need) to\b|本当に(必要|しないと|しなきゃ)|わざわざ/.test(n)) return 'permission';
  // 「誰でもできるの？」 asks who may, which the guideline answers with its rule.
  if (/(誰でも|anyone can|everyone (can|is allowed))/.test(n)) return 'info';
  // 「Wi-Fiを使ってもいいですか？それとも有線じゃないとダメ？」: the first question is the one asked.
  const first = n.split(/[?？]/)[0] ?? n;
  if (first !== n && PERMISSION.test(`${first}？`) && !WH.test(first) && !MUST.test(first)) return 'permission';
  // 「どこまでダメ？ニュース見るくらいなら？」: a last "…でも？" asks for leave.
  if (/(くらい|ぐらい|程度|だけ)なら[?？]*$|\bwhat if i just\b/.test(n)) return 'permission';
  if (MUST.test(n)) return 'obligation';
  if (PERMISSION.test(n) && !WH.test(n)) return 'permission';
  if (OBLIGATION.test(n)) return 'obligation';
  return WH.test(n) || INFO.test(n) ? 'info' : 'unclear';
}

function devicesOf(all: Facts['all']): Situation['devices'] {
  return all.map((m) => ({
    kind: (TABLET.test(m.word) ? 'tablet' : m.cls) as DeviceKind,
    owner: m.owner as OwnerKind | undefined,
    word: m.word,
  }));
}

function firstMatch(n: string, re: RegExp): string | undefined {
  return re.exec(n)?.[0];
}

/** The situation, from the normalised question, its NFKC original (for LINE in capitals) and the devices, apps and
 *  editions facts() has already read. */
export function situationOf(f: Facts, original: string): Situation {
  const { n } = f;
  const elsewhere = firstMatch(n, R.location);
  const home = firstMatch(n, HOME);
  let place: Situation['place'];
  if (elsewhere) place = { kind: 'elsewhere' as PlaceKind, word: elsewhere };
  else if (home) place = { kind: 'home', word: home };
  else {
    const unclear = unclearPlace(n);
    if (unclear) place = { kind: 'unclear', word: unclear };
  }
  let network: Situation['network'];
  for (const [kind, re] of NETWORKS) {
    const word = firstMatch(n, re);
    if (word) {
      network = { kind, word };
      break;
    }
  }
  const actions = ACTIONS.filter(([, re]) => re.test(n)).map(([code]) => code);
  if (R.credential.test(n) && (R.share.test(n) || R.memo.test(n))) actions.push('share-credentials');
  if (R.privateUse.test(n)) actions.push('private-use');
  if (R.chat.test(n)) actions.push('chat');
  const services = [...new Set([...n.matchAll(SERVICES)].map((m) => m[0]))];
  // LINE the app, not a line: its capitals, or ライン as a noun that is not part of オンライン.
  if (/\bLINE\b/.test(original) || /(?<![ァ-ヶー])ライン(で|に|の|を|へ|グループ|アプリ)/.test(n))
    services.push('LINE');
  const people: string[] = [];
  if (R.family.test(n)) people.push('family');
  if (R.others.test(n)) people.push('others');
  if (R.customerWord.test(n)) people.push('customer');
  if (R.manager.test(n)) people.push('manager');
  return {
    asks: asksOf(n),
    place,
    devices: devicesOf(f.all),
    network,
    apps: f.apps,
    editions: f.editions,
    actions,
    services,
    people,
  };
}
