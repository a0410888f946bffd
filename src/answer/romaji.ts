/**
 * Japanese typed in rōmaji ("jikka kara zaitaku shitemo ii desuka?") from a keyboard without an IME. A short word
 * list is enough for the guideline's vocabulary; everything else passes through.
 */
const FUNCTION_WORDS =
  /\b(desu|desuka|masu|masuka|shitemo|shite|daijoubu|daijobu|dame|kudasai|no wa|nan desu|tsukatte|tsukau|nara|dekiru|dekimasu|shitemo ii|omou)\b/;

const WORDS: Array<[RegExp, string]> = [
  [/\b(ii|yoi) ?desu ?ka\b|\bii no\b|\bii\?/g, 'いいですか'],
  [/\bng desu ?ka\b/g, 'ngですか'],
  [/\bdaijou?bu( desu ?ka)?\b/g, '大丈夫ですか'],
  [/\bdame( desu ?ka)?\b/g, 'ダメですか'],
  [/\bshitemo\b/g, 'しても'],
  [/\bjikka\b/g, '実家'],
  [/\bzaitaku( kinmu)?\b/g, '在宅勤務'],
  [/\bterewaaku|terewaku\b/g, 'テレワーク'],
  [/\btoshokan\b/g, '図書館'],
  [/\bkafe\b/g, 'カフェ'],
  [/\bhoteru\b/g, 'ホテル'],
  [/\bshinkansen\b/g, '新幹線'],
  [/\bdensha\b/g, '電車'],
  [/\bkuruma\b/g, '車内'],
  [/\bshigoto\b/g, '仕事'],
  [/\bsumaho\b/g, 'スマホ'],
  [/\bpasokon|pc\b/g, 'pc'],
  [/\bkaisha( no)?\b/g, '会社の'],
  [/\bkazoku\b/g, '家族'],
  [/\bshiyou?( no)?\b/g, '私用の'],
  [/\bkojin( no)?\b/g, '個人の'],
  [/\btsunaide|tsunagu|setsuzoku\b/g, '接続'],
  [/\binsutooru|insutoru\b/g, 'インストール'],
  [/\bapuri-?ban\b/g, 'アプリ版'],
  [/\bapuri\b/g, 'アプリ'],
  [/\bweb-?ban\b/g, 'web版'],
  [/\bnoo?to ?pc\b/g, 'ノートpc'],
  [/\bnote pc\b/g, 'ノートpc'],
  [/\btsukatte( ok| mo ii)?\b/g, '使っていい'],
  [/\bnara\b/g, 'なら'],
  [/\binsatsu\b/g, '印刷'],
  [/\bsukusho\b/g, 'スクショ'],
  [/\bkopii?\b/g, 'コピー'],
  [/\bhozon\b/g, '保存'],
  [/\bkami( no)? shiryou?\b/g, '紙資料'],
  [/\bshiryou?\b/g, '資料'],
  [/\bmochikaeru|mochikaeri|mochidashi\b/g, '持ち帰り'],
  [/\bkinmu\b/g, '勤務'],
  [/\bkouen\b/g, '公園'],
  [/\beki\b/g, '駅'],
  [/\btomodachi\b/g, '友達'],
  [/\bbasho\b/g, '場所'],
  [/\bbyouin\b/g, '病院'],
  [/\bmachiai(-| )?shitsu\b/g, '待合室'],
  [/\bkaigi\b/g, '会議'],
  [/\bkeitai\b/g, '携帯'],
  [/\bkodomo\b/g, '子ども'],
  [/\bjishuu?shitsu\b/g, '自習室'],
  [/\bburauza\b/g, 'ブラウザ'],
  [/\bmeeru\b/g, 'メール'],
];

export function isRomajiJapanese(lower: string): boolean {
  return !/[\u3040-\u30ff\u4e00-\u9fff]/.test(lower) && FUNCTION_WORDS.test(lower);
}

export function fromRomaji(lower: string): string {
  if (!isRomajiJapanese(lower)) return lower;
  let out = lower;
  for (const [re, ja] of WORDS) out = out.replace(re, ja);
  return out;
}
