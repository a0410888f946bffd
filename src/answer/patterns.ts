/** Question patterns used by more than one topic rule (the topic words themselves are in topics.ts). */

export const OWN_WORD = /(自分|自前|私物|自己所有|\bown\b|\bpersonal\b|買った|bought)/;

export const FAMILY_DEVICE =
  /((家族|夫|妻|子ども|子供|息子|娘|親)(共用)?の[a-z0-9 ]{0,10}(pc|パソコン|ノート|スマホ|タブレット|ipad)|\b(wife|husband|partner|son|daughter|kid|family|mum|mom|dad)('s|s') (laptop|pc|computer|phone|tablet|ipad|desktop))/;

export const WIFI_ASKED =
  /((wifi|無線|ワイヤレス)[^。.?？]{0,12}(使って(も|いい)|でもいい|でいい|で大丈夫|でok|\bok\b|allowed|fine)|\b(over|use|using|on) (the |my )?(wifi|wireless)\b)/;

export const SOMEONE_USES = /\b(him|her|them|son|daughter|kids?|child|children|wife|husband) (to )?use\b/;

export const PHOTO_OF_SCREEN =
  /((写真|撮影|撮っ|撮る|撮り|写メ|photo|picture|pic|snap)[^?？。]{0,40}(画面|モニター|ディスプレイ|screen|monitor|display)|(画面|モニター|screen|monitor|display)[^?？。]{0,40}(写真|撮影|撮っ|撮る|撮り|写メ|photo|picture|pic|snap))/;

// The PC one connects *to* (「自分の席のPC」, "into my office PC") is not the device one works from.
export const RV_TARGET =
  /(自席|席の|社内の|オフィスの|会社にある|会社の自分の|into (my |the )?(office |work |desk )?|office |desk |at work )$/;

// Apps on company phones are only for 部長職以上 and the PMs/PLs the company names (§3.5 ②).
export const NOT_NAMED =
  /(regular team member|just a (regular )?(team )?member|only a (team )?member|役職は?なく|役職がなく|一般メンバー|一般職|ヒラ|(部長|pm|pl|管理職|manager)[^?？。]{0,16}(でもない|ではない|でもございません|ではございません|ではありません|じゃない|でもありません)|主任|係長|役職なし|役職がない|役職のない|役職じゃない|一般社員|平社員|ヒラ社員|新人|新入社員|新卒|入社[0-9一二三]+年目|部長(じゃない|ではない|でない)|管理職(じゃない|ではない|でない)|not a (manager|pm|pl|department head)|no title|regular (employee|staff)|junior|new hire|rank-and-file|not (a )?(pm|pl))/;

/** Someone else in the room where one works: §3.4's screen and sound rules are what apply. */
export const PEOPLE_PRESENT =
  /(同じ部屋|同じテーブル|家内がいる|泊まりに来|coming over|遊びに来|来客中|(stay|be|sit)s? in the (same )?room|同じ部屋に(いて|いる)|(while|when) (she|he|they)('s| is| are|'re) (home|here|around|in|there)|同じ机|same (room|table|desk)|リビング|living room|dining table|(家族|夫|妻|子ども|子供|息子|娘|親|父|母|友達|友人|roommate|wife|husband|partner|father|mother|kids?|friend)[^。.?？]{0,8}(が|も)?(いる|います|いて|来て|are (at home|around|here|there|in)|is (at home|around|in the room|here))|in the (same )?room with)/;

export const HOME_ROOM =
  /(寝室|ベッドルーム|リビング|台所|キッチン|ダイニング|書斎|ベランダ|自分の部屋|別の部屋|\bbedroom|living room|kitchen|dining (room|table)|\bstudy\b|spare room|balcony|another room)/;

/** Declining to segment the network (「分けるのは面倒」) is not doing it. */
export const DECLINES_SEGMENT =
  /((分ける|設定する)のは[^。]{0,6}(面倒|めんど)|(面倒|めんど)[^。]{0,12}(このまま|しないで|やらずに)|don'?t want to (set|segment|separate))/;

/** The manager's approval already given (「許可をもらって」, "approved"), not merely to be asked for. */
export const APPROVED =
  /(許可(を)?(とって|取って|もらって|得て|いただいて)|承認(済|を得)|approved|got (the )?approval)/;

/** A place named but not worked at: popping out to a shop, a router brought from one's parents' house. */
export const ERRAND =
  /((コンビニ|スーパー|銀行|郵便局|薬局)(に|へ)?(行|寄)|(実家|友達|友人|親|知人)から(持って|もらっ|借り|送)|(go(ing)?|run|pop(ping)?) (out )?to the (store|shop|supermarket|bank|post office|convenience store))/;
