/**
 * The topic words of the guideline, Japanese and English, as regular expressions over a normalised question
 * (see normalize() in understand.ts: NFKC, lower case, "wifi", no spaces next to Japanese).
 */
export const R = {
  revision:
    /(since when|最近いつ変わ|いつ変わった|何が追加|first put .{0,40} in place|put (it |this |the guideline )?in place|first established|originally (made|written|established)|いつ[^?？]{0,12}(入っ|入り|加わ|追加|書かれ)|いつから(ルール|入|加わ|追加|導入)|いつから(書|記載|載)|when did .{0,60} (appear|written|added)|最初に(でき|作ら|制定)|いつ(でき|作られ)|first (created|made|written|introduced|published)|改訂|改定|変更履歴|更新履歴|追記され|最新版|最新の(ガイドライン|版)|何年版|いつ(の版|時点|改訂|更新|作ら|制定)|revision|revised|changelog|change log|what changed|何が変わ|変更点|latest (version|edition)|current (version|edition)|which (version|edition) of (the|this) guideline|version of (the|this) guideline|guideline version|last (updated|revised|changed)|when was (it|the guideline|this( guideline)?) (updated|revised|changed|made|written|established)|初版|first edition|制定|いつ(から|の)?(追加|追記|加わ)|when was .{0,80} added|when did .{0,40} (get |become )?(added|introduced|changed?|come in|start|take effect))/,
  disaster:
    /(災害|地震|台風|豪雨|大雨|洪水|津波|火災|火事|停電|非常時|緊急連絡|緊急時の?(連絡|報告)|安否|\bbcp\b|事業継続|disaster|earthquake|typhoon|flood|tsunami|\bfire\b|power (outage|cut|failure)|blackout|emergency contact|in an emergency|emergency (situation|report)|contact .{0,20}emergenc)/,
  pledge:
    /((在宅|テレワーク|リモート)[^。]{0,8}(初めて|はじめて)[^。]{0,20}(提出|書類|手続)|before (\w+ ){0,2}first (day|telework|wfh|remote)|(submit|hand in)[^?？.]{0,40}before (\w+ ){0,2}(first|start)|誓約書|誓約|せいやく|pledge|\boath\b|written (undertaking|commitment)|sign (a|the) (form|agreement|commitment|document)|(初めて|最初|はじめて)(の)?(在宅|テレワーク|リモート)|first (day (of|working) |time )?(telework|remote|working from home|work from home|wfh)|before (i |my )?(first|start)|sign (anything|something)|before (teleworking|working from home|telework|remote work)|start (teleworking|working from home|wfh|remote work)|(在宅|テレワーク|リモート)[^?？]{0,12}(提出|書類|手続)|(提出|手続)[^?？]{0,12}(在宅|テレワーク|リモート))/,
  penalty:
    /((if|when) (\w+ ){0,3}break(s|ing)? (the |these |this |our )?(\w+ ){0,2}(rules?|guidelines?)|違反|罰|処罰|処分(され|を受け)|懲戒|ペナルティ|クビ|解雇|penalt|punish|disciplin|violat|breach|break(ing)? (the )?(\w+ )?(rules?|guidelines?)|\bfired\b|守らなかった|守らないと|守らない場合|破ったら|破ると|consequences?)/,
  screenshot:
    /(pc-?fax|ファックス|ファクス|\bfax\b|情報の複製|情報複製|duplicat(e|ion) of information|(録音|録画)[^。?？]{0,10}(会議|teams|画面)|(会議|teams|画面|定例|打ち合わせ|ミーティング|mtg)[^。?？]{0,30}(録音|録画)|record(ing)? (the )?(meeting|call|teams|screen)|copy (a |the )?(paragraph|sentence|line|passage)s?|スクリーンショット|スクショ|すくしょ|screenshot|screen ?shot|screen ?capture|画面キャプチャ|キャプチャ|\bcapture\b|印刷|プリント(?!アウトした紙)|\bprint(?!outs?|ed)|プリンター|printer|コピペ|コピー&ペースト|コピーアンドペースト|テキスト(を|の|で)?コピー|文章(を|の)?コピー|copy\s*(and|&|-)?\s*paste|copy (the |some )?text|画面(を|の)?(スマホで|携帯で|カメラで|写真に)?(撮影|撮っ|撮る|写真)|写メ|(photo|picture|pic)s? of (the |my )?(screen|monitor|display)|(photograph|snap) (the |my )?(screen|monitor))/,
  paper:
    /(printed contracts?|紙の[^。]{0,10}(持ち帰|持って帰|持ち出)|持ち(帰|出)(っ|し)た[^。]{0,6}(資料|書類|図面)|(メモ(?!リ)|ノート(?!pc|パソコン)|手書き)[^。]{0,20}持(って帰|ち帰|ち出)|(図面|設計図|書類|資料)を?[^。？?]{0,10}持(ち帰|ち出|って帰)|checkout (sheet|form|log)|持ち出し(申請|記録)|持ち出し管理|紙|書類|ペーパー|\bpaper|printouts?|hard ?cop|printed (\w+ )?(documents?|materials?|copies|docs?|specs?|drawings?|designs?|handouts?|binders?|plans?|reports?)|print-?outs?|ファイル(を|ごと)?持ち(出|帰)|資料(を|の)?持ち(出|帰)|持ち(出し|帰っ)た(紙|資料|書類)|documents? (home|out of the office)|(tak(e|ing)|bring(ing)?|carry(ing)?) (the |some |customer |work )?(documents?|docs?|files?|materials?|binders?) (home|out))/,
  location:
    /(避難所|evacuation (shelter|center|centre)|\bshelter\b|parked (outside|in|at|near)|outside the school|学校の(前|駐車場)|校門|駐車中|(sister|brother|aunt|uncle|cousin|grandma|grandparents|in-laws|friend)'?s? (flat|house|place|home|apartment)|(from|at) (her|his) (flat|house|place|apartment)|walk(ing)? (my |the )?dog|散歩(中|しながら)|on a walk|7-?eleven|seven-?eleven|セブン(イレブン)?|ローソン|ファミマ|ファミリーマート|cottage|villa|airbnb|\blodge\b|glamping|hostel|guest ?house|\bmotel|コテージ|貸別荘|ロッジ|バンガロー|グランピング|ゲストハウス|(?<![電自駐列汽馬停発洗下乗降救消歯風])車(で|から|の中|内)(?!通勤)|wework|リージャス|regus|個室ブース|テレキューブ|mcdonald'?s|マクドナルド|車内|車中|クルマ|マイカー|社用車|駐車場|パーキング|サービスエリア|道の駅|カーシェア|喫茶店?|義実家|帰省先?|ラウンジ|温泉|貸し会議室|カラオケ|イートイン|ジム|病院(で|の中|内|の待合|の病室|にいる|の待ち)|通院(先|中)|入院中|病室|待合室|公民館|市民センター|ベンチ|屋外|外出先|出先|lounge|car park|parking (lot|garage)|in (my|the|a) (parked )?car\b|from (my|the|a) (parked )?car\b|parked car|in-laws|travell?ing|\bgym\b|(in|at) (the )?hospital|waiting room|\bcabin\b|campsite|hot spring|ryokan|カフェ|喫茶|スタバ|スターバックス|ドトール|タリーズ|コメダ|マクド|ファミレス|ファストフード|レストラン|図書館|実家|帰省|新幹線|電車|車内|車の中|バスの中|飛行機|機内|空港|ホテル|旅館|民泊|コワーキング|シェアオフィス|レンタルオフィス|公園|ネットカフェ|ネカフェ|漫画喫茶|漫喫|友人の家|友達の家|友人宅|友達宅|知人宅|彼女の家|彼氏の家|恋人の家|親戚の家|祖父母の家|旅行先|旅先|ワーケーション|海外(で|から|に滞在|滞在|旅行|出張|にいる)|別荘|キャンプ|コンビニ|フードコート|ショッピングモール|駅|自宅以外|家以外|自宅の外|(?<![自宅家])外で(仕事|作業|業務|働|テレワーク)|外出先で(仕事|作業|業務)|\bcaf[eé]s?(?![a-z])|coffee ?shop|starbucks|library|\btrains?\b(?! (timetable|schedule|times))|shinkansen|bullet train|hotel|airport|co-?working|shared office|\bpark\b|parents'? ?(house|home|place)|friend'?s'? (house|place|home|apartment)|relatives'? (house|home|place)|restaurant|(from|while|working|work|travel(l)?ing|trip) (abroad|overseas)|(abroad|overseas) (trip|travel)|on (a )?vacation|vacation (home|rental)|while travel|on a trip|workation|\bplanes?\b|airplane|(on|in) (a |the |my )?(flight|plane)|in-flight|\bbus\b|internet caf|\bmall\b|food court|\bbeach\b|outside (my |the )?(home|house)|other than (my )?home|not at home|anywhere (but|other than|except) (my )?home|away from home|visiting (my )?(parents|family|relatives|grandparents|friends?)|(at|in|from) their (house|home|place)|somewhere (other than|besides) home)/,
  workContext:
    /(会社|業務|仕事中|勤務中|就業中|休憩中|昼休み|貸与|支給|私的利用|私的に使|\bcompany\b|\bwork\b|\boffice\b|during (work|lunch|(my )?breaks?|business hours)|on the clock|work hours)/,
  workVerb: /(仕事|作業|業務|勤務|テレワーク|リモートワーク|働|\bwork|telework|do my job)/,
  wifi: /(wifi|無線|ワイヤレス(?!ヘッドセット|イヤホン|イヤフォン|マウス|キーボード|充電)|wireless(?! (headset|earbuds|earphones|mouse|keyboard|charg))|アクセスポイント|access point|hotspot|ルーター|router|ssid)/,
  network:
    /(wifi|無線|ワイヤレス(?!ヘッドセット|イヤホン|イヤフォン|マウス|キーボード|充電)|wireless(?! (headset|earbuds|earphones|mouse|keyboard|charg))|アクセスポイント|access point|hotspot|ルーター|router|ssid|ネットワーク|network|回線|ネット(?!カフェ|ショッピング|フリックス|サーフィン|バンキング)|インターネット|internet|\blan\b|接続|繋|つな|connect|\bline\b|broadband|starlink|satellite|光)/,
  publicWifi:
    /((フリー|free|無料|公衆|公共|public|open|オープン|誰でも使える|パスワードなしの|パスワード無しの)の?\s*(wifi|無線|アクセスポイント|access points?|hotspots?|ネットワーク|networks?|回線|\blan\b|スポット|インターネット|internet)|公衆無線|フリースポット|00000japan|guest\s*(wifi|network)|ゲスト(wifi|ネットワーク)|(カフェ|喫茶店|ホテル|駅|空港|図書館|お店|店舗|コンビニ|スタバ|スターバックス|新幹線|電車|ファミレス|マクド|caf[eé]|coffee ?shop|hotel|airport|library|starbucks|station|train|shop|store|restaurant)(の|で|'s)?\s*(wifi|無線|ネット|network|internet|hotspot))/,
  othersWifi:
    /((隣|近所|他人|お隣|ご近所|他の家|友人|友達|neighbou?r|someone else|a friend|friend)('s|s')?の?(家の|宅の)?\s*(wifi|無線|network|ネットワーク|ネット|回線|internet|line))/,
  tethering:
    /(テザリング|tether|personal hotspot|mobile hotspot|(phone|スマホ|smartphone|iphone|android)[^?？]{0,24}hotspot|hotspot[^?？]{0,12}(phone|スマホ)|インターネット共有|スマホの回線|phone'?s? (hotspot|data|connection))/,
  carrier:
    /(\bsim\b|docomo|ドコモ|softbank|ソフトバンク|楽天モバイル|ahamo|povo|ポケット\s*wifi|ぽけっと\s*wifi|poket\s*wifi|pocket\s*(wifi|router)|モバイルルーター|モバイルwifi|mobile (router|wifi|hotspot)|wimax|ワイマックス|simルーター|sim\s*card|simカード|キャリアsim|carrier\s*sim|格安sim|\b[45]g\b|\blte\b|ホームルーター|home router with (a )?sim|sim router|cellular (data|connection|router))/,
  wired: /(lan cabel|有線|lanケーブル|lan cable|ethernet|イーサネット|\bwired\b|ケーブルで(接続|繋|つな))/,
  wep: /wep(?![a-z])/,
  wpa: /\bwpa\s*[23]?\b|wpa[23]/,
  noEncryption:
    /(暗号化(なし|無し|しない|していない|してない|されていない|されてない|が無い|がない|のない|の無い|をしない|をかけない|かけてない)|(パスワード|パス)(を|が|は)?(なし|無し|のない|の無い|ない|無い|かけない|かけていない|かかっていない|かけてない|設定していない|設定してない|設定なし|つけていない)|unencrypted|no (password|encryption)|without (a )?(password|encryption)|not encrypted|open (wifi|network)|unprotected|password-?less)/,
  macAuth: /mac\s*(アドレス|address|認証|フィルタ|filter|auth)/,
  firmware:
    /(ended support|stopped updat|no longer (supported|updated)|stopped support|support (ended|has ended|stopped)|end of (life|support)|\beol\b|ファームウェア|ファーム|firmware|脆弱性|vulnerab|サポート(切れ|終了|が終わ|期限)|end of (life|support)|\beol\b|古い(ルーター|router|機器|モデム)|(ルーター|モデム|通信機器)(が|は)?古|old (router|modem)|no longer support|ルーターの?(更新|アップデート)|router (update|upgrade)|メーカーサポート|サポート状況|support status|maker'?s? support|manufacturer'?s? support|security patch|パッチ|out of support|no longer supported|unsupported)/,
  sharedFolder: /(共有フォルダ|shared folders?|ファイル共有|file sharing|network share)/,
  noVpn:
    /(vpn(は)?(必要な|使う)(時|とき)だけ|vpn (only )?when (i )?need(ed)?|vpn(は)?後で|(ずっと|常に|一日中)(つない|接続)[^。]{0,40}vpn(は)?[^。]{0,30}(だけ|のみ)|vpn (only|just) when|vpn(を)?(つながない|繋がない|つながずに|繋がずに)|vpn(は|を)?(切っ|切断|オフに|外し)[^。?？]{0,30}(まま|っぱなし)|vpn(なし|無し|を?(繋がず|つながず|接続せず|接続しない|接続していない|つないでいない|繋いでいない|つないでない|使わず|使わない|使っていない|切った|切断した|オフ|入れず|つけず|付けず|稼働させず|稼働していない|起動していない)|(が|を)?(切れた|切れている|稼働していない|動いていない|繋がっていない))|without (the |a |using )?vpn|no vpn|vpn (is )?(off|down|disconnected|not (running|connected|on))|before (the )?vpn)/,
  family:
    /(カノジョ|カレシ|同棲|[0-9]+ ?y\/?o\b|[0-9]+ ?yrs?\b|家内|女房|うちの人|奥さん|奥様|嫁さん|旦那さん|[0-9]+ ?yo\b|[0-9]+[- ]?(year|yr)[- ]old|toddler|幼児|[0-9]+歳|\bfather|\bmother|\bdad\b|\bmom\b|\bmum\b|grand(parents?|father|mother|ma|pa)|in-laws|家族|同居|妻|(?<!丈)夫(?!婦で)|嫁|旦那|主人|子供|子ども|こども|息子|娘|両親|親が|親に|親の|母|父|兄|弟|姉|妹|祖父|祖母|恋人|彼女|彼氏|パートナー(?!企業|会社|様|さん)|ルームメイト|シェアハウス|家の人|\bfamily|spouse|\bwife|husband|\bkids?\b|children|\bchild\b|\bsons?\b|daughters?|(?<!business )partner(?! (company|firm|organi[sz]ation))|roommates?|flatmates?|housemates?|\bparents?\b|girlfriend|boyfriend|siblings?|brother|sister|people i live with|live with|living with)/,
  others:
    /(cleaning service|清掃|ハウスクリーニング|看護師|ヘルパー|介護士|ケアマネ|\bnurses?\b|caregivers?|carers?|babysitter|ベビーシッター|家事代行|cleaners?|\btechnicians?\b|installers?|業者|作業員|電気屋|(repair|delivery|cleaning|maintenance|aircon|air conditioner) ?(guy|man|person|worker|staff|technician)|plumber|electrician|修理の人|工事の人|点検の人|他社の(人|方)|社外の(人|方)|取引先の(人|方)|outsiders?|someone from (another|a different) company|people (from )?outside the company|友人|友達|ともだち|来客|客人|訪問者|他人|他の人|ほかの人|他者|第三者|知人|業者|someone( else)?|somebody|anyone( else)?|other people|\bothers\b|\bfriends?\b|\bguests?\b|\bvisitors?\b|third part(y|ies)|\bneighbou?rs?\b|strangers?|repair (man|person|technician))/,
  shared: /(共用|共有|shared?|同じ|\bsame\b|一緒|\buse it too\b|also use)/,
  simultaneous:
    /((つながって|接続して)(いる|る)(状態|時|とき|間)|(同じ|same)[^。]{0,10}(wifi|ネットワーク|回線)[^。]{0,10}(使ってる|使っている)(時|とき|間)|同じ(wifi|ネットワーク|回線)で[^。]{0,20}(してる|している|中)|(is|are) (also )?(on|using) the same (wifi|network)|while (i'?m|i am) (starting|connecting|booting|logging)|starting up the vpn|before the vpn is up|vpn[^.?？]{0,20}(起動|つなぐ|接続)(中|している間|するまで)|vpn(接続)?(する|が完了する|を?つなぐ|を?繋ぐ|を?つなげる|に接続する|入れる|を入れる)?(前|まで)|before (i connect (to )?)?(the )?vpn|until (the )?vpn|同時|simultaneous|at the same time|同じタイミング|while (my|the) family|while they)/,
  segment:
    /(separate segment|(router|ルーター)[^.?。]{0,40}(guest|ゲスト)|separate ("?iot"? )?network|iot network|別のネットワーク|(端末|機器|デバイス)と分け|分離|ゲスト用|ネットワーク(を)?分け|セグメント|segment|vlan|相互通信|ゲストネットワーク|ゲストssid|ネットワークを分け|separate (the )?network|isolate (the )?devices)/,
  restrictDevices:
    /(通信できないよう|通信させない|相互通信|(スマホ|iphone|タブレット|tablet|phones?|devices?)[^。]{0,20}(流れ|漏れ|漏洩)|(流れ|漏れ|leak)[^。]{0,20}(スマホ|phones?|devices?)|(家族|同居人|子ども|子供|夫|妻)の?(スマホ|タブレット|端末|機器|ゲーム機)[^?？]{0,30}(対策|制限|気をつけ|注意)|family('s)? (phones|devices|tablets)[^?？]{0,30}(restrict|limit|block|do)|(restrict|limit|block)(ing)? (my |the )?(smartphones?|phones?|other devices|devices|communication|traffic)|通信(を)?制限|社用pc以外の機器|other devices|他の機器|(スマホ|smartphones?|phones?).{0,20}(同じ|同一|same).{0,6}(ネットワーク|wifi|network)|\biot\b)/,
  routerPassword:
    /((ルーター|router|ssid|wifi|無線).{0,12}(パスワード|password|passphrase|暗証|\bpw\b)|(パスワード|password).{0,12}(ルーター|router|ssid|wifi|無線))/,
  apartment: /(マンション|集合住宅|アパート|団地|\b寮\b|社宅|apartment|condo|building'?s?|\bdorm|flat's)/,
  ownLine:
    /(名義|in (my )?(husband|wife|spouse|partner|parent|father|mother)'?s name|starlink|contract in my name|my own contract|(自分|私)(名義|で契約)|契約(している|した)(回線|ネット|光)|自宅の?(回線|ネット|インターネット|光|ネットワーク)|家の(回線|ネット|インターネット|ネットワーク)|光回線|回線契約|プロバイダ|home (internet|network|line|broadband|connection)|own (line|internet|connection|network|broadband)|fib(er|re)|broadband|回線(は|が)?(自分|自前|自己所有))/,
  slow: /(遅い|遅く|不安定|重い|つながりにくい|繋がりにくい|途切れ|\bslow|unstable|laggy|drops? out)/,
  howPrevent:
    /(ないよう|気をつけ|注意点|注意すること|ようにするには|するには|どうすれば|どうしたら|対策|how (do|can|should) i|what should i|how to (avoid|prevent|keep))/,
  notCopying:
    /((ダウンロード|保存|コピー)(は|も)?(いたしません|しません|しない|せず|しないで)|閲覧のみ|見るだけ|view only|read[- ]only|(don'?t|do not|won'?t|will not|without|never) (download|sav|stor|cop|keep)|(ダウンロード|保存|コピー)(せず|しない|しなければ|しないで))/,
  takeOut:
    /(持ち出|持ち帰|持って帰|take( \w+){0,3} (home|out)|bring (it |the \w+ |my \w+ )?home|carry (it )?(home|out))/,
  connectDevice: /(接続|繋|つな|挿|差し込|充電|connect|plug|charg|tether)/,
  wifiSettings:
    /((wifi|router|ルーター)[^?？]{0,20}(settings?|設定)|(settings?|設定)[^?？]{0,20}(wifi|router|ルーター))/,
  secureNetwork: /(secure|protect|safe|守る|守れ|対策|安全|セキュリティ(対策|設定))/,
  trouble:
    /(エラー|\berror|繋がらない|つながらない|接続できない|ログインできない|サインインできない|動かない|落ちる|固まる|(can't|cannot|can not) (connect|log ?in|sign in)|does(n't| not) work|not working|won't (open|start|connect|load)|crash|freez)/,
  lost: /(紛失|なくした|無くした|失くした|落とした|盗まれた|盗難にあ|盗難に遭|stolen|\blost\b|misplaced)/,
  copy: /(\be-?mail (a|my|the) (\w+ ){0,2}\w+ to\b|(dropbox|google drive|onedrive)[^.?。]{0,40}(grab|download|取って|落と)|(dropbox|google drive|onedrive|\bbox\b|ギガファイル|ドライブ)(経由|で|on)[^。.?]{0,30}(渡|共有|送|share|grab|send|give)|置く(?!と)|airdrop|エアドロ|置いとい|\bkeep\b[^.?]{0,40}\bon (the|my|a|their) [a-z'’]*\s*(laptop|pc|computer|phone)|(に|へ)(上げ|アップ)(て|る|たい|しと|と)|\bkeep [^.?？]{0,40}\b(notes|minutes|memos)\b|\bput (\w+ ){0,3}(on|in|into) (my |a |the )?(dropbox|drive|onedrive|cloud|usb|gmail|icloud|phone)|(onedrive|dropbox|ドライブ|クラウド|gmail|line|icloud)に[^。？?]{0,12}入れ|\bpaste\b|貼り付け|ペースト|\bpush\b|(データ|ファイル|資料)(を)?入れ|\bkeep [^.?？]{0,40}\b(files?|spreadsheets?|documents?|data)\b|(ファイル|データ|資料|添付)(を)?(ダウンロード|落と(して|す|し))|\bshar(e|ing)\b[^?？.]{0,20}\b(files?|documents?|data)|\b(files?|documents?)\b[^?？.]{0,20}\bshar(e|ing)|for sharing|locally|ローカル(に|へ)|\bkeep (\w+ ){0,5}(spreadsheets?|files?|data|documents?|copies|drafts?)|保存|複製|コピー|\bcop(y|ies|ying)\b|\bsav(e|ing)\b|\bstor(e|ing)\b|ダウンロード|download|転送|forward|持ち帰|バックアップ|back ?up|移す|移動|移し|同期|\bsync|アップロード|upload|送る|送って|送信|格納|保管|置いて(?!き|く)|置いとく|\be-?mail(ing)? (it|them|this|that|the \w+|files?|documents?|data|attachments?|a \w+|my \w+) to\b|メールで送|\bkeep (a |the |some )?(cop|file|data|document)|\bsend)/,
  dataObject:
    /(手順書|マニュアル|manual|文書|ドキュメント|notes|メモ|minutes|仕様書|ソースコード|source code|\bcode\b|リポジトリ|\brepo|\bmails?\b|drafts?|proposals?|提案書|見積書?|企画書|設計書|図面|drawings?|specs?\b|\be-?mails?\b|ファイル|データ|資料|添付|attachment|\bfiles?\b|\bdata\b|documents?|\bdocs?\b|情報|議事録|メール(本文)?|写真|画像|\bpdf|excel|エクセル|\bword\b|spreadsheet|機密|confidential|report)/,
  personalTarget:
    /((自分|個人)の\s*line|googleドライブ|github|gitlab|bitbucket|personal repo|ドロップボックス|ワンドライブ|(個人|私用|自分)の?\s*onedrive|personal onedrive|onedrive (personal|個人)|個人の?(メール|アドレス|アカウント|クラウド|gmail|ドライブ)|私用の?(メール|アドレス|アカウント|クラウド)|自分の(メール|アドレス|アカウント|gmail|ドライブ|クラウド)|gmail|yahoo|icloud|dropbox|google\s*drive|グーグルドライブ|\bbox\b|evernote|個人クラウド|personal (email|e-mail|mail|account|cloud|drive|address|gmail|storage)|private (email|e-mail|mail|account|address|cloud)|my own (email|account|drive|cloud)|自宅のプリンタ)/,
  media:
    /(\busb\b|usb(メモリ|メモリー|スティック)|外付け(hdd|ssd|ハードディスク|ドライブ|ディスク|ストレージ|メモリ)|external\s*(hdd|ssd|drive|hard ?drive|hard ?disk|disk|storage)|sd\s*カード|\bsd ?cards?|micro\s*sd|記録媒体|記憶媒体|storage media|removable|\bdvds?\b|\bcd-?rs?\b|フラッシュメモリ|フラッシュドライブ|thumb ?drives?|pen ?drives?|flash ?drives?|memory sticks?|\bnas\b)/,
  mediaStrong:
    /(usb\s*(メモリ|メモリー|スティック|stick|drive|key|flash|memory|storage)|外付け(hdd|ssd|ハードディスク|ドライブ|ディスク|ストレージ|メモリ)|external\s*(hdd|ssd|drive|hard ?drive|hard ?disk|disk|storage)|sd\s*カード|\bsd ?cards?|micro\s*sd|記録媒体|記憶媒体|storage media|removable|\bdvds?\b|\bcd-?rs?\b|フラッシュメモリ|フラッシュドライブ|thumb ?drives?|pen ?drives?|flash ?drives?|memory sticks?|\bnas\b)/,
  peripheral:
    /(モニター|モニタ|ディスプレイ|\bmonitors?\b|\bdisplays?\b|キーボード|keyboards?|マウス|\bmouse|\bmice\b|ヘッドセット|headsets?|ヘッドホン|ヘッドフォン|headphones?|イヤホン|イヤフォン|earphones?|earbuds|airpods|マイク|\bmics?\b|microphones?|カメラ|webcams?|\bcameras?\b|周辺機器|peripherals?|トラックパッド|trackpad|ドッキングステーション|docking station|usbハブ|usb hub)/,
  ownOrUse:
    /((web)?会議|meetings?|\bcalls?\b|でて|出て|自分|自前|私物|私用|個人|自己所有|家にある|持って(いる|る)|買った|購入した|\bown\b|\bpersonal\b|\bmy\b|bought|\bhave\b|使|接続|繋|つな|\buse\b|using|connect|plug)/,
  meetingCamera: /(会議|meeting|オン\b|オンに|\bon\b.*\bcall|顔出し|顔を)/,
  makerAddress:
    /((support site|support portal|warranty|保証)[^?？]{0,80}(personal|private|個人|私用)[^?？]{0,20}(e-?mail|address|account|アドレス|outlook\.com|gmail)|(register|登録)[^?？]{0,40}(maker|manufacturer|メーカー)[^?？]{0,60}(personal|private|個人|私用)[^?？]{0,10}(e-?mail|address|アドレス|gmail)|(personal|private|個人|私用|自分)の?\s*(gmail|yahoo|icloud|outlook\.com)?\s*(address|アドレス)[^?？]{0,40}(maker|manufacturer|メーカー)|(メーカー|maker|manufacturer)[^?？]{0,20}(登録|register)[^?？]{0,20}(個人|私用|自分|personal|private|my own)の?\s*(gmail|メール|アドレス|yahoo|icloud|address|e-?mail)|(メーカー|maker)[^?？]{0,12}(登録)[^?？]{0,12}(個人|私用|自分)の?(メール|アドレス)|(メーカー|maker|manufacturer|vendor|\bdell\b|\bhp\b|lenovo|富士通|\bnec\b|dynabook|panasonic|ユーザー登録|製品登録|product registration|register(ed)? (the pc|the laptop|it|with))[^?？]{0,24}(アドレス|address|メール|e-?mail|アカウント|account)|(個人|私用|私的|プライベート|自分|personal|private|my own)の?(メール)?\s*(アドレス|address|e-?mail address|アカウント|account)[^?？]{0,24}(メーカー|maker|manufacturer|登録|register|設定|set up|sign in|サインイン))/,
  encryption: /(暗号化|encrypt|bitlocker|ビットロッカー)/,
  encryptionNegative:
    /((isn'?t|is not|not) (enabled|on|done|turned on)( yet)?|ha(s|ve) no (\w+ )?encryption|no disk encryption|(does(n'?t| not)|not) (seem to )?(have|has) (\w+ )?encryption|かかってない|かかっていない|入ってない|入っていない|まだ(終わって|済んで|でき|かけて)|not (yet )?(done|finished|complete)|未完了|無効|オフ|\boff\b|disabled|されていない|されてない|していない|してない|なし|無し|未暗号|未対応|ない(pc|パソコン|もの|まま)|not encrypted|unencrypted|isn't encrypted|is not encrypted|without encryption|no encryption|非暗号)/,
  pcContext:
    /(pc|パソコン|hdd|ssd|\bdisk|ディスク|drive|laptop|computer|ドライブ|持ち出|take (it |the pc |the laptop )?out|持って帰|bring (it )?home)/,
  securitySoftware:
    /(endpoint security|\bedr\b|anti-?malware|セキュリティソフト|セキュリティーソフト|ウイルス対策|ウィルス対策|ウイルスソフト|ウィルスソフト|アンチウイルス|アンチウィルス|antivirus|anti-virus|security software|virus protection|appguard|\beset\b|ノートン|norton|マカフィー|mcafee|ウイルスバスター|defender)/,
  disable:
    /(無効|アンインストール|削除|外し|外す|止め|停止|切る|切って|オフ|消す|消して|入れない|入れなくて|入っていない|なくても|無しで|なしで|disable|uninstall|remov|turn(ing)? (it )?off|switch(ing)? (it )?off|\bstop|without|don't have|do not have|not installed)/,
  osUpdate: /(osの?(アップデート|更新)|windows\s*update|\bos updates?|アップデート|\bupdates?\b|更新プログラム)/,
  credential:
    /(\bpw\b|\bpass\b|パス(?!ポート|タ|ワーク)|パスワード|password|passcode|パスコード|暗証番号|\bpin\b|\bid\b|ログイン情報|ログオン情報|ログインid|ユーザーid|認証情報|credentials?|アカウント情報|id\/pass|アクセス手段|login details|log-?in (details|info)|sign-?in details|接続方法)/,
  share:
    /((with|using) my (password|pw|credentials)|(私|自分)のパスワードで|\bgave\b|\bgiven\b|教えちゃ|教えてしまっ|教え|共有|伝え|知らせ|見せ|貸し|貸す|使わせ(?!て(もら|いただ))|渡し|渡す|\bshar|\btell|give|\btold\b|lend|\bshow|let (my |a |the )?\w+ (use|know|see))/,
  memo: /(付箋|ふせん|メモ(?!リ)|post-?its?|sticky|\bnotes?\b|貼|書いて|書き|手帳|write (it|them|down)|written down|on paper)/,
  touchStrong:
    /(press(es|ing)? (the )?keys|plays? with (it|my|the)|help (me )?(fix|set ?up|configure)|直してもら|設定してもら|やってもら|\btaps? (on )?(the |my )?keyboard|\b(bash|smash|mash)(es|ing)? (the )?keys|\b(type|typing|press|pressing) (on|with) (the |my )?(keys|keyboard)|キーボードを(叩|触|押|たた)|\bplay\b[^?？.]{0,30}\bon my (company|work)|ゲーム(を)?(させ|やらせ)|触|さわ|使わせ(?!て(もら|いただ))|貸し|貸す|貸して|操作させ|(?<!in )touch|borrow|lend|let (him|her|them|my \\w+|the \\w+) (use|play|touch))/,
  offTopic:
    /(椅子|デスク(?!トップ)を?(買|購入)|furniture|\bchairs?\b|買ってもらえ|残業申請|overtime (request|application)|週(に)?[0-9何]+(日|回)(の|まで)?(在宅|テレワーク|リモート)|(在宅|テレワーク|リモート)(勤務)?(は|が|って)?週(に)?[0-9何]+|中抜け|早退|遅刻|how do i (apply|request) (for )?(leave|time off)|定期代|通勤定期|通勤手当|parental control|ペアレンタルコントロール|半休|午前休|午後休|休暇|電気代|光熱費|通信費|補助(は|が)?(出|あ)|allowance|subsid|electricity|utility bills?|internet bill|勤怠|打刻|timesheet|何日(まで)?(在宅|テレワーク|リモート)|how many days|how often can i|手当|給与|給料|残業代|交通費|精算|経費|有給|休暇|ボーナス|賞与|福利厚生|allowance|salary|overtime pay|\\bexpense|reimburse|paid leave|days off|\\bbonus|payroll)/,
  touch:
    /(触|さわ|使わせ(?!て(もら|いただ))|使って(も|いい)|貸(?!与)|操作|touch|\buse (my|the|it)|borrow|lend|\bplay|\blet\b|使う|使いたい|使っても)/,
  screen: /(画面|スクリーン|\bscreens?\b|ディスプレイ|display|モニター|monitor)/,
  see: /(\bshow|見られ|見え|覗|のぞ|見せ|見る|見て|見ても|visible|\bsee\b|\bseen\b|\bsees\b|peek|glance|shoulder|look(?! out)|watch(?! out)|read)/,
  audio:
    /(スマートスピーカー|alexa|アレクサ|google home|smart speaker|音声|声|スピーカー|speakers?|\bmic\b|マイク|microphone|聞かれ(?!ました|た)|聞こえ|overhear|heard|\bhear\b|audio|\bsound|大声|通話|phone call|\bcalls?\b|会議の内容)/,
  overhear: /(聞かれ(?!ました|た)|聞こえ|overhear|heard|\bhear\b|漏れ|大声|\bloud|listen)/,
  workspace:
    /(\bbedroom|\bcorner\b|どこで|どこに座|作業場所|作業スペース|場所|部屋|個室|書斎|リビング|\broom\b|workspace|work space|where (should|do|can) i (work|sit)|\bdesk\b|living room|set up my)/,
  lock: /((?<!ブ)ロック(?!ダウン)|画面を?閉じ|lock(ing)? (the |my |your )?(screen|pc|computer|laptop|device|workstation)|screen ?lock|lock screen|win(dows)?\s*\+\s*l|lock it)/,
  away: /(離席|席(を)?外|席(を)?立|離れる|離れ|トイレ|休憩|昼休み|お昼|買い物に行|宅配|step(ping)? away|leav(e|ing) (my|the) (desk|pc|computer|laptop)|away from (my|the) (desk|pc|computer|laptop)|bathroom|toilet|lunch|coffee break|(a|my|the|on|during|lunch|short|quick) breaks?\b|restroom)/,
  filming:
    /((ペット|見守り|防犯|監視|pet|security|baby|nanny)\s?(カメラ|camera|cam)|(インスタ|instagram|sns|tiktok|youtube)(用|に|で|の)?[^?？。]{0,12}(撮|写真|動画)|撮りたい|ルームツアー|room tour|動画(を)?(上げ|アップ|投稿)|upload (a )?video|(tiktok|インスタ|youtube|ユーチューブ|動画|ビデオ|vlog)[^?？。]{0,6}(撮|録)|撮影|動画を?撮|ビデオを?撮|写真を?撮|自撮り|vlog|ライブ配信|配信(?!サービス|サイト)|ユーチューブに|youtubeに|インスタに|tiktokに|投稿|\bfilm(ing)?\b|record(ing)? (a )?(video|vlog)|take (a )?(photo|picture|video|selfie)s?|taking (photo|picture|video)s?|livestream|live stream|streaming|selfie)/,
  endOfDay:
    /(寝落ち|done (working|for the day)|寝(る|ちゃ|て|よう)|go to bed|定時に|翌朝|next morning|end-of-day|sign(ing)? off|勤務(が)?終わ|業務(が)?終わ|end of (my |the )?(work ?day|working day|shift)|仕事(が)?終わ|しごと(が)?終わ|業務終了|業務が終了|業務が終わ|終業|仕事が終わ|仕事を終え|仕事終わり|仕事の後|勤務終了|退勤|定時後|一日の終わり|1日の終わり|end of (the )?(day|work|shift)|finish(ed|ing)? (work|for the day)|after work|done (for the day|with work)|log ?off|ログオフ|サインアウト|sign out|shut ?down|シャットダウン|電源を切|disconnect|切断|終了時|when work is over|end the (vpn|rv))/,
  cabinet:
    /(しまえ|しまお|置いていく|置いて(いく|おく)|家が空|留守(中|の間)|leave (it|the \w+) at home|キャビネット|cabinet|鍵付き|鍵のかか|鍵をかけ|施錠|保管|しまう|しまって|しまい|片付け|出しっぱなし|置きっぱなし|置いたまま|置いておいて|置いておく|drawer|引き出し|(keep|store|stow|put away|lock up|leave) (the |my |your )?(\w+ )?(pc|laptop|computer|notebook)|where (should|do|can) i (keep|store|put|leave)|overnight|(使わない|利用しない)(時|とき)|どこに置|盗まれないよう|盗難(防止|対策)|空き巣|burglar|theft)/,
  logs: /((company|employer|boss|management|it department|admins?) (actually |really )?(read|see|check|monitor)s?\b|ログ(?!オフ|イン|オン|アウト)|\blogs?\b(?!\s*(off|on|in|out))|監視|モニタリング|monitor(ing|ed|s)? (my|our|the|what|chat|message|activity|usage|employees)|track(ing|ed)? (my|our|what)|(chats?|messages?|e-?mails?|activity|usage|teams) (are |is |being |get |gets )*(monitored|logged|tracked|recorded|read|checked)|record(ed|s)? (my|our) (chat|activity)|(会社|上司|管理者)(に|が|は)?.{0,12}(見られ|読まれ|閲覧|チェックされ|見て(い)?る)|(company|employer|boss|management|it department|admins?) (can |may |does |do |will |could )?(see|read|check|view|monitor|access|look at)|(チャット|メッセージ|chats?|messages?).{0,12}(見られ|読まれ|閲覧|read by))/,
  chat: /((in|to|on) (our |the |my )?(team'?s? )?(teams )?channel|チャネルに|チャンネルに|チャット|\bchat(?!gpt| ?bot)|(?<!エラー)メッセージ(?!が(出|表示))|\bdms?\b|スタンプ|絵文字|emoji|stickers?|slack)/,
  chatPrivate:
    /(飲み(の|に)|週末の|ゴルフ|釣り|趣味の話|プライベートな話|hobbies|photo of my (cat|dog|pet)|ペットの写真|猫の写真|犬の写真|引っ越しの手伝い|週末の予定|personal favou?r|私用|私的|プライベート|\bprivate|\bpersonal|雑談|世間話|友達|友人|\bfriends?\b|飲み会|遊び|個人的|small talk|chit-?chat|non-work|not (about )?work|gossip)/,
  etiquette:
    /(文面|言葉遣い|言葉づかい|敬語|タメ口|ため口|カジュアル|casual|\btone\b|wording|マナー|manners?|etiquette|how should i write|書き方|注意|気をつけ|careful|スタンプ|emoji|絵文字|業務レベル|professional)/,
  reports:
    /(報連相|ほうれんそう|報告|連絡|相談|\breports?\b|\bupdates?\b|consultations?|important (matters|things|information|news)|重要な)/,
  important: /(重要|大事|大切|important|serious|critical|big)/,
  manager:
    /(上司|上長|管理職|マネージャー|マネジャー|部長|課長|リーダー|\bmanagers?\b|\bboss\b|supervisor|team lead|\bleader|部下|subordinates?|direct reports?|\bmy reports\b|メンバー|\bmembers?\b|\bteam\b)/,
  talk: /(話|声|言葉|面談|会話|1on1|1 on 1|one-on-one|one on one|1対1|check (in|on)|talk|speak|chat with|meet)/,
  isolation:
    /(look after|care (for|of)|support (my|our|the|remote) (team|staff|members|reports|colleagues|people)|配慮|ケア|孤立|孤独|isolat|lonely|loneliness|メンタル|mental|心の|ストレス|stress|気にかけ|気遣|気づか|言葉をかけ|声をかけ|声かけ|まんべんなく|偏りなく|evenly|\bcheck (in|on)|1on1|1 on 1|one-on-one|one on one|1対1|面談|コミュニケーション|communicat|メンバー間のトラブル|trouble between|conflicts? (between|in the team)|wellbeing|well-being)/,
  faceToFace:
    /(顔を見|顔が見え|顔出し|face[- ]to[- ]face|対面|カメラ(を)?(オン|on|つけ|付け)|camera on|turn on (my|the) camera|video on|tv会議|ビデオ会議|video (call|meeting|conference)|see (each other'?s? )?faces?)/,
  background2: /(家の中が映|部屋が映|映り込み(を)?(防|避)|hide my room)/,
  background: /(背景|background|ぼかし|\bblur|バーチャル背景|virtual background)/,
  mentor: /(メンター|mentor|新卒|new grads?|new graduates?|新入社員|新人|freshers?|new hires?)/,
  alone: /(一人暮らし|一人住まい|独り暮らし|ひとり暮らし|一人で住|live alone|living alone|lives alone|by myself)/,
  privateUse:
    /(年賀状|宛名印刷|personal printing|確定申告|e-?tax|自分の申告|tax return|自分の(gmail|メール|line|sns|amazon|アカウント)|個人の(oss|プロジェクト|開発|趣味)|side project|personal project|hobby project|趣味の(開発|プログラミング)|業務時間外に|after hours|off the clock|\bpta\b|町内会|子供会|子ども会|(worksheet|homework|宿題|school)[^.?？。]{0,40}(work laptop|company (laptop|pc)|会社(の)?(pc|パソコン)|貸与pc)|(work laptop|company (laptop|pc)|会社(の)?(pc|パソコン)|貸与pc)[^.?？。]{0,40}(worksheet|homework|宿題)|groceries|order (food|groceries|stuff|things) online|ネットスーパー|通販|家族(と|への|との)の?連絡|私用の連絡|personal messages?|(個人|私用)の?\s*(line|lineアプリ|sns|アカウント)|友達と(やりとり|連絡|チャット)|chat with (my )?friends|minecraft|マイクラ|fortnite|roblox|book(ing)? (a |my )?(flight|hotel|holiday|trip|restaurant|table)|(旅行|ホテル|チケット|飛行機|新幹線)の予約|ニュース(を)?(見|読|チェック)|\bnews\b|personal (g?mail|e-?mail|yahoo|account|line|sns)|私用(の)?(gmail|メール|line)|私的|私用で|私用に|私用の(メール|用事|調べ物|買い物|ネット|アカウント|sns)|personal (e-?mail|mail|account|errands|banking)|プライベートで|プライベート用|個人的に|個人的な|youtube|ユーチューブ|動画配信|配信サービス|streaming (service|site)|ストリーミング|ゲーム|\bgames?\b|gaming|netflix|ネトフリ|ネットフリックス|アマプラ|プライムビデオ|動画(を)?(見|観|視聴)|ネットサーフィン|ネットショッピング|ショッピング|買い物|shopping|amazon|アマゾン|楽天市場|メルカリ|\bsns\b|twitter|facebook|instagram|インスタ|tiktok|ツイッター|spotify|音楽を?(聴|聞)|\bmusic\b|ネット閲覧|インターネット閲覧|趣味|hobby|personal (use|stuff|things|browsing|errands|purposes)|private (use|purposes|browsing)|for fun|browse the (web|internet)|web browsing|\bbrowsing\b|watch (videos|movies|netflix)|online banking|ネットバンキング|副業|side (job|business|hustle)|就活|転職活動|job hunting)/,
  mdm: /(intune|インチューン|\bmdm\b|モバイルデバイス管理|mobile device management|リモートワイプ|remote wipe|遠隔消去|(部長|\bpm\b|\bpl\b|プロジェクトマネージャー|プロジェクトリーダー|project manager|project lead|department (head|manager)|管理職)[^?？]{0,30}(アプリ|\bapps?\b|スマホ|phone|携帯)|(アプリ版?|\bapps?\b)[^?？]{0,24}(誰|who)|(誰|who)[^?？]{0,30}(アプリ版?|\bapps?\b))/,
  vpn: /(vpn|仮想ネットワーク|virtual private network|ブイピーエヌ)/,
  rv: /(リモデ|\brv\b|リモートデスクトップ|リモデス|remote desktop|リモートビュー|remote view|遠隔操作|遠隔で操作|リモート接続|リモートアクセス|remote access|remote (control|into)|\brdp\b|teamviewer|チームビューワー|anydesk|chrome remote)/,
  secureLogon:
    /(aipo|アイポ|ma-?eyes|マイズ|セキュア[・･]?インターネット|secure internet|secure log ?on|セキュアログオン)/,
  connectMethod:
    /(connect to the office network|office network|connect to (the )?office|会社につな|社内につな|接続方法|接続方式|接続の方法|つなぎ方|繋ぎ方|どうやって(社内|会社)|how (do|can|should) i (connect|access|get into)|connection methods?|ways? to connect|社内(システム|ネットワーク|lan|情報|サーバ)|会社の(ネットワーク|システム|サーバ)|(company|internal|corporate|office) (network|systems?|servers?|lan|information))/,
  confidential: /(機密|confidential|secret|顧客情報|customer (data|information)|社外秘|個人情報|sensitive)/,
  store: /(保存|格納|保管|置|\bstor(e|ing)\b|\bsav(e|ing)\b|\bkeep)/,
  breakdown:
    /(水没|故障|壊れ|こわれ|\bbroke|\bbreaks? down|broken|\bcrash|died|dead|not working|動かない|起動しない|修理|repair|間に合わない|緊急事態|emergency|保守|メンテナンス|maintenance|届かない|まだ(届|支給|貸与)|hasn't arrived|not arrived|haven't (got|received))/,
  install: /(インストール|install|入れ|導入|ダウンロード|download|セットアップ|set ?up)/,
  otherApp:
    /(vs ?code|\bgit\b|\bide\b|開発環境|zoom|ズーム|slack|スラック|\bline (app|messenger)|lineアプリ|chatwork|チャットワーク|google meet|skype|スカイプ|webex|dropbox|アプリ|\bapps?\b|software|ソフト|ツール|tools?\b)/,
  otherOffice:
    /(\bword\b|\bexcel\b|エクセル|ワード|powerpoint|パワポ|パワーポイント|onedrive|ワンドライブ|sharepoint|シェアポイント|onenote)/,
  weakTeams:
    /(チャット|\bchat\b|web会議|ウェブ会議|オンライン会議|テレビ会議|tv会議|ビデオ会議|会議|ミーティング|\bmeetings?\b|video calls?|通話)/,
  useVerb:
    /(使|利用|仕事|業務|作業|働|テレワーク|在宅勤務|リモートワーク|アクセス|見|確認|開|参加|接続|繋|つな|ログイン|読|\buse\b|using|\bwork|access|check|\bread\b|\bopen\b|\bjoin\b|connect|log ?in|sign in|allowed|\bok\b|okay|permitted|can i|may i)/,
  teleworkHome:
    /(在宅勤務|在宅で|在宅ワーク|自宅で(の)?(仕事|作業|業務|勤務|テレワーク)|家で(仕事|作業|働)|テレワーク|リモートワーク|remote work|work(ing)? from home|\bwfh\b|telework|home ?office)/,
  howTo:
    /(使い方|やり方|操作方法|設定方法|how (do|can) i (use|set up|install|share|schedule|book|create|make|add|find|change)|how to)/,
  purpose:
    /('?telework'? .{0,20}(also )?cover|telework"? (also )?includes?|only cover working from home|what is (this|the) [^?]{0,30}guideline (actually )?for|(office|work|company|normal) (work )?rules (still )?apply|通常の(就業)?ルール|\btelework\b.{0,30}\bmean|テレワーク[」』"]?(って|とは)[^?？]{0,12}(のこと|だけ)|\btelework\b.{0,4} mean|what does .{0,12}telework.{0,5} mean|who is (this|the) guideline for|(この)?ガイドラインの対象(者)?|誰(が|の)(ための|対象)|'?telework'? .{0,30}\bmean|テレワーク[」』"]?(って|とは)[^?？]{0,10}(指す|意味|範囲|どこまで)|テレワーク[」』"]?とは|目的|purpose|何のため|なんのため|位置づけ|位置付け|\bisms\b|pマーク|privacy ?mark|プライバシーマーク|適用範囲|対象範囲|scope|what is (the|this) guideline|ガイドラインとは|ガイドラインの(内容|概要)|what does the guideline (cover|say)|overview|テレワークとは|テレワークの定義|テレワークって(何|なに|どういう)|(テレワーク|在宅勤務)の意味|どういう意味|定義|definition|what (does|do) (telework|teleworking) mean|what counts as telework|what is telework|就業規(定|則)|work regulations|service discipline)/,
  risk: /(なぜ|どうして|\bwhy\b|理由|reasons?|リスク|\brisks?\b|危険|危ない|dangers?|threats?|空き巣|盗難|泥棒|burglar|theft|thieves|侵入|hack)/,
  approval:
    /(ok'?d\b|okayed|signed off|gave (me )?(the )?(ok|go-ahead)|許可|承認|了承|申請|approv|permission|consent|sign-?off|ok from|okay from)/,
  approvalNegated:
    /(did(n'?t| not) ask|without asking the (customer|client)|nobody said|no one said|without telling|申請(は|も)?(出て|出して)(い)?ない|no (request|application) (was |has been )?(made|filed)|(上長|上司|manager|boss)(には|に)?まだ|まだ言って(い)?ない|haven'?t told|(まだ)?(聞いて|確認して|相談して)(い)?(ない|ません)|(お客様|お客さん|顧客|客先|customer|client)(には|に)?まだ|(まだ|未)(確認|許可|了承|承認)|(確認|許可|了承|承認)(して(い)?ない|していません|取ってない|もらってない|を?得ていない)|not (yet )?(asked|approved|confirmed)|haven'?t (asked|told|checked)|(許可|承認|了承|申請)(なし|無し|なく|を得ず|を取らず|を取らない|をもらわず|してない|していない)|無許可|誰にも(言わず|聞かず|断らず)|without (any )?(permission|approval|consent|asking)( anyone)?|no (permission|approval)|not (approved|permitted))/,
  customerWord: /(顧客|お客様|お客さん|客先|customer|client)/,
  managerWord: /(上長|上司|manager|boss|supervisor)/,
  personalCloud:
    /(dropbox|ドロップボックス|google\s*drive|グーグルドライブ|googleドライブ|icloud|onedrive|ワンドライブ|evernote|\bbox\b)/,
  homeWord: /(自宅|家|うち|home|house)/,
  whyRules:
    /(\bwhy\b[^?？]{0,60}(big deal|such a fuss)|\bwhy\b[^?？]{0,30}(strict|so many rules|rules|guideline|so careful)|(厳しい|うるさい|細かい|多い)(の|ん)(は|って)?(なぜ|なんで|どうして)|(なぜ|なんで|どうして)[^?？。]{0,20}(厳しい|うるさい|ルール|ガイドライン|決まり|制限)|ルールの理由|規則の理由)/,
} as const;
