/**
 * decide(n): the topic rules, in order; the first that fits decides. strictest.ts then checks every prohibition
 * against the situation, so an early permissive topic cannot outweigh a prohibited element.
 */
import type { App, Edition } from '../guideline/types.ts';
import type { Decision } from './compose.ts';
import { remoteDesktop, secureLogon, vpn } from './connections.ts';
import { type Facts, UNKNOWN, d, mentionsClass, owns, personalDevice, phoneOnly } from './facts.ts';
import { homeNetwork, networkIsContext, secureHomeNetwork } from './home-network.ts';
import { copies } from './copies.ts';
import { matrix, notEligible, otherOffice, whileRepaired } from './m365.ts';
import { paper } from './paper.ts';
import { people } from './people.ts';
import { ERRAND, HOME_ROOM, OWN_WORD, PEOPLE_PRESENT } from './patterns.ts';
import {
  COMPANY_PC_STORAGE_REASON,
  CONNECT_REASON,
  ENCRYPTED_TAKE_OUT_REASON,
  ENCRYPTION_REQUIRED_REASON,
  HOME_ROOM_REASON,
  SECURITY_SOFTWARE_OFF_REASON,
  TELEWORK_REASON,
  USB_REASON,
} from './reasons.ts';
import { R } from './topics.ts';

function purpose(n: string): Decision {
  if (/(テレワークとは|テレワーク[」』"]?(って|とは)|定義|definition|mean|counts as|what is telework)/.test(n))
    return d('required', ['§0'], ['0-telework-definition', '0-work-rules']);
  if (/(isms|pマーク|privacy ?mark|プライバシーマーク|位置づけ|位置付け|scope|適用範囲|対象範囲)/.test(n))
    return d('required', ['§0'], ['0-scope']);
  if (/(就業規|work regulations|service discipline)/.test(n))
    return d('required', ['§0'], ['0-work-rules', '0-penalties']);
  return d('required', ['§0'], ['0-purpose']);
}

const DISASTER_CONTACT =
  /(連絡|報告|安否|連絡網|知らせ|contact|report|reach|get in touch|let (my|the) (team|manager|boss) know|what should i do|どうすれば|何をすれば|すべき)/;
const appQuestionOf = (f: Facts) => f.apps.length > 0 && f.editions.length > 0;

// The credentials themselves told, lent or written down (not a password-locked USB stick handed over).
const CREDENTIAL_SHARED =
  /((パスワード|password|\bpw\b|\bpin\b|\bid\b|認証情報|credentials?|ログイン情報|アクセス手段|パス(?!ポート|タ|ワーク))[^。.?？]{0,12}(教え(?!て(もら|くれ|いただ))|伝え(?!て(もら|くれ))|共有|渡|見せ|貸|tell|give|gave|share|lend)|(教え|伝え|tell|give|gave|share|lend|with|using)[^。.?？]{0,20}(パスワード|password|\bpw\b|\bpin\b|credentials?))/;
// Being told someone else's password (a neighbour's Wi-Fi) is not giving one's own away.
const TOLD_ME = /(教えて(もら|くれ|いただ)|told me|gave me|shared (it )?with me)/;
const CREDENTIAL_NOTED =
  /((パスワード|password|\bpw\b|\bpin\b|\bid\b|認証情報|credentials?)[^。.?？]{0,20}(付箋|ふせん|メモ(?!リ)|post-?it|sticky|貼|書いて|write|written)|(付箋|ふせん|メモ(?!リ)|post-?it|sticky)[^。.?？]{0,20}(パスワード|password|\bpw\b|\bpin\b))/;

export function decide(f: Facts): Decision {
  const { has, n } = f;
  if (!/[\p{L}\p{N}]/u.test(n)) return UNKNOWN;

  // Pay, leave and timesheets are not in the guideline, unless the question is about a device or data on the way.
  if (has(R.offTopic) && f.mentions.length === 0 && !has(R.copy) && !has(R.vpn) && !has(R.rv) && !has(R.secureLogon))
    return UNKNOWN;
  // The office's own network (a branch's guest Wi-Fi password) is a helpdesk question, not telework.
  if (
    /(支社|本社|事務所|営業所|オフィス|office)の?\s*(ゲスト|来客用|guest)?\s*(wifi|ネットワーク|network)/.test(n) &&
    !has(R.homeWord) &&
    !has(R.teleworkHome)
  )
    return UNKNOWN;

  // §R — revision history
  if (has(R.revision)) return d('required', ['§R'], ['R-current-revision']);

  // §3.4 — disaster contact through Teams. A disaster does not lift the device rules: "Teams on my personal phone to report in" is still §3.5.
  // Only how to report and contact in a disaster is §3.4's; a typhoon or a blackout in the story leaves the other rules.
  if (has(R.disaster) && DISASTER_CONTACT.test(n) && !(f.apps.length > 0 && f.mentions.length > 0))
    return d('required', ['§3.4'], ['3.4-disaster-contact']);

  // §0 — pledge, penalties
  const strongPledge = /(誓約|せいやく|pledge|oath)/.test(n);
  // "What Wi-Fi settings does the guideline want before my first WFH day?" is about the network, not the pledge.
  if (
    has(R.wifiSettings) &&
    /(what|which|どんな|どういう|何(を|が))/.test(n) &&
    !has(R.macAuth) &&
    !has(R.wep) &&
    !has(R.credential) &&
    !strongPledge
  )
    return secureHomeNetwork();
  // Telework is only for people who can follow the guideline (§1).
  if (
    /(守れ(そうに)?ない|守らない|守る気がない|can'?t (follow|comply)|won'?t (follow|comply)|not (able to )?(follow|comply))/.test(
      n,
    ) &&
    /(テレワーク|在宅|telework|remote|from home)/.test(n)
  )
    return d('prohibited', ['§1'], ['1-compliance-condition']);

  // How to use Excel and the like is not in the guideline.
  if (/(vlookup|関数|マクロ|macro|formula|#n\/a|ピボット|pivot)/.test(n) && !has(R.copy)) return UNKNOWN;
  if (has(R.howTo) && /(excel|エクセル|word|ワード|powerpoint|パワポ|pivot|ピボット|関数|マクロ|macro|formula)/.test(n))
    return UNKNOWN;

  if (
    has(R.pledge) &&
    !(has(R.paper) && has(R.takeOut) && !strongPledge) &&
    (strongPledge || (f.mentions.length === 0 && !has(R.manager)))
  ) {
    // Starting before the pledge is in is exactly what §0 rules out.
    if (
      /(まだ[^。？?]{0,8}(出して|提出して|書いて|サインして)(い)?な(い|かった)|出さずに|提出せずに|未提出|not (yet )?(submitted|signed|handed in|turned in)|skip (the )?pledge|誓約書(を)?(出さ|提出し)(なくて|ない)|without (the )?pledge|forgot (to submit|to sign|to hand)|(submit|send) it (later|next week)|提出し忘れ|後で(出|提出)|without (submitting|signing|handing)|ha(ve|s)n'?t (\w+ ){0,2}(submitted|signed|handed in|turned in|sent)|ha(ve|s) not (\w+ ){0,2}(submitted|signed|handed in|turned in))/.test(
        n,
      )
    )
      return d('prohibited', ['§0'], ['0-pledge']);
    return d('required', ['§0'], ['0-pledge']);
  }
  // "Is this a violation?" about a concrete situation is answered by the situation's own rule.
  if (has(R.penalty) && f.mentions.length === 0 && !has(R.touchStrong))
    return d('required', ['§0'], ['0-penalties', '0-work-rules']);

  // §0 — what telework, the guideline and its scope are (before places: 「会社の外で働く」 in a definition is not a place)
  if (
    has(R.purpose) &&
    /(とは|って|mean|definition|定義|what is (telework|the guideline|this guideline)|what is (this|the) [^?]{0,30}guideline|のこと|だけ[?？])/.test(
      n,
    )
  )
    return purpose(n);

  // §1 — the risks behind the rules
  if (
    /(リスク|risk(s|ier|y)?\b|reasons)/.test(n) &&
    !has(R.network) &&
    /(テレワーク|在宅|telework|remote|from home)/.test(n) &&
    /(何|どんな|具体的|what|which)/.test(n)
  )
    return d(
      'required',
      ['§1'],
      ['1-self-defense', '1-risk-family-viewing', '1-risk-burglary', '1-risk-home-network', '1-risk-remote-method'],
    );

  // §2.4 — screenshots, printing, copying text
  if (has(R.screenshot) && !has(R.privateUse) && !has(R.mediaStrong))
    return d('prohibited', ['§2.4'], ['2.4-no-duplication']);

  // §1 — "why so strict?"
  if (has(R.whyRules))
    return d(
      'required',
      ['§1'],
      ['1-self-defense', '1-risk-family-viewing', '1-risk-burglary', '1-risk-home-network', '1-risk-remote-method'],
    );

  // §2.3 — data sent to a service or account of one's own, wherever one is
  if (
    has(R.copy) &&
    has(R.personalTarget) &&
    (has(R.dataObject) || has(R.personalCloud)) &&
    !has(R.notCopying) &&
    !has(R.paper)
  )
    return d(
      'prohibited',
      ['§2.3', '§3.1'],
      ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
    );

  // §3.4 — a repair shop or technician handling the company PC is someone else touching it
  if (
    /(repair shop|修理(屋|店|に出)|pc shop|家電量販店|geek squad)/.test(n) &&
    /(take|bring|send|持って(行|い)|出し|預け)/.test(n) &&
    !/(is at the repair|修理中|修理に出して(い|ます|る))/.test(n) &&
    owns(f, 'company', 'pc')
  )
    return d('prohibited', ['§3.4', '§2.5'], ['3.4-no-one-else-touches-pc', '2.5-no-cohabitant-access']);

  // §2.6 — paper documents
  if (has(R.paper) && !has(R.wifi)) return paper(f);

  // §2.1 / §2.2 / §3.3 — places and public networks
  // A business trip is not telework: its hotel is not a place §2.1 is about (unless a telework day is spent there).
  const businessTrip = /(出張|business trip)/.test(n) && !/(在宅|テレワーク|telework|wfh|remote work)/.test(n);
  // Popping out to a shop is not working there (the screen left open is §3.4's).
  const errand = ERRAND.test(n);
  // 「公民館のフリーWi-Fiが家の中まで届く」: the place names where the signal comes from; one works at home.
  const reachesHome = has(R.publicWifi) && /(届|reaches|reach (my|into)|from home|家から出ない|家の中)/.test(n);
  const place = has(R.location) && !(has(R.apartment) && !has(R.workVerb)) && !businessTrip && !errand && !reachesHome;
  // Apartment buildings: the building's shared line counts as your own (集合住宅の場合は住宅共有のもの).
  if (has(R.apartment) && has(R.network) && !place && !has(R.slow) && !networkIsContext(f))
    return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.othersWifi) && !place)
    return d('prohibited', ['§3.3', '§2.2'], ['3.3-own-network', '2.2-no-risky-network']);
  if (has(R.publicWifi) && !has(R.segment)) {
    if (place && has(R.workVerb))
      return d('prohibited', ['§2.1', '§2.2', '§3.3'], ['2.1-home-only', '2.2-no-risky-network', '3.3-no-free-public']);
    return d(
      'prohibited',
      ['§2.2', '§3.3', ...(place ? (['§2.1'] as const) : [])],
      ['2.2-no-risky-network', '3.3-no-free-public'],
    );
  }
  if (place) {
    const net = has(R.wifi) || has(R.tethering) || has(R.carrier);
    return d(
      'prohibited',
      net ? ['§2.1', '§2.2', '§3.3'] : ['§2.1'],
      net ? ['2.1-home-only', '2.2-no-risky-network'] : ['2.1-home-only'],
    );
  }

  // §3.3 — other PCs of the household on the network: what to check before connecting
  if (
    (has(R.family) || has(R.others)) &&
    has(R.network) &&
    /(確認|check|気をつけ|すべき|should i|what should|supposed to|what do i (need to )?do|suggest|recommend|おすすめ|推奨)/.test(
      n,
    ) &&
    /(pc|パソコン|computer|laptop|端末|devices?|スマホ|switch|tablet|タブレット|ゲーム機|phones?)/.test(n)
  )
    return d('required', ['§3.3'], ['3.3-check-other-pcs', '3.3-family-network', '3.3-segment-recommended']);
  // §3.3 — family on the same network before the VPN is up: decisive wherever it appears in the question
  if (has(R.family) && has(R.network) && has(R.simultaneous) && !has(R.apartment) && !has(R.segment))
    return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);

  // §3.3 — a slow or unstable line is each person's to fix, whatever app drops on it
  if (
    has(R.slow) &&
    has(R.network) &&
    !has(R.vpn) &&
    /(会社(で|に|が)(何とか|なんとか|対策|対応)|何とかしてもら|なんとかしてもら|対策してもら|(can|will) (the )?(company|it) (fix|help|do))/.test(
      n,
    )
  )
    return d('required', ['§3.3'], ['3.3-speed-own-responsibility']);

  // §3.3 — the home network, when the network is what is asked (not the setting of another question)
  const network = networkIsContext(f) ? undefined : homeNetwork(f);
  if (network) return network;

  // Lost or stolen equipment: the guideline gives no procedure.
  if (has(R.lost) && !has(R.cabinet) && !/(なんで|なぜ|どうして|\bwhy\b)/.test(n)) return UNKNOWN;

  // §3.4 — credentials
  if (
    has(R.credential) &&
    /(扱い|管理|気をつけ|注意|handle|handling|manage|keep (my|them|it) safe)/.test(n) &&
    !has(R.share)
  )
    return d('required', ['§3.4'], ['3.4-no-sharing-credentials', '3.4-no-sticky-notes']);
  if (
    (CREDENTIAL_NOTED.test(n) || (has(R.credential) && has(R.memo) && !has(R.mediaStrong))) &&
    !CREDENTIAL_SHARED.test(n) &&
    !has(R.share)
  )
    return d('prohibited', ['§3.4'], ['3.4-no-sticky-notes']);
  if (
    CREDENTIAL_SHARED.test(n) ||
    CREDENTIAL_NOTED.test(n) ||
    (has(R.credential) && (has(R.share) || has(R.memo)) && !has(R.mediaStrong) && !TOLD_ME.test(n))
  )
    return d('prohibited', ['§3.4'], ['3.4-no-sharing-credentials']);

  // §3.5 ① — downloads to personal devices; §2.3 — copies anywhere but the company PC
  const copied = copies(f);
  if (copied) return copied;

  // §3.2 — storage media, peripherals, maker address, encryption, security software
  const peripheralOnly = has(R.peripheral) && !has(R.mediaStrong);
  // A personal phone plugged into the PC is a storage medium too.
  if (
    f.mentions.some((m) => m.owner === 'personal' && m.cls === 'phone') &&
    f.mentions.some((m) => m.cls === 'pc') &&
    has(R.connectDevice) &&
    f.apps.length === 0 &&
    !has(R.rv) &&
    !has(R.vpn)
  ) {
    return d('prohibited', ['§3.2', '§2.3'], ['3.2-no-own-media', '2.3-no-copy-outside-company-pc']);
  }
  if (
    has(R.media) &&
    !has(R.mediaStrong) &&
    !has(R.copy) &&
    !has(R.peripheral) &&
    /(usb)/.test(n) &&
    /(stuff|things|devices|gadgets|機器|もの|類)/.test(n)
  )
    return d('depends', ['§3.2'], ['3.2-no-own-media', '3.2-peripherals-own'], { reason: USB_REASON });
  if (has(R.media) && !peripheralOnly)
    return d('prohibited', ['§3.2', '§2.3'], ['3.2-no-own-media', '2.3-no-copy-outside-company-pc']);
  if (has(R.makerAddress)) return d('prohibited', ['§3.2'], ['3.2-no-personal-address-maker']);
  if (has(R.encryption) && f.apps.length === 0 && (has(R.pcContext) || !has(R.network))) {
    if (has(R.encryptionNegative)) return d('prohibited', ['§3.2'], ['3.2-encrypted-disk']);
    if (has(R.takeOut)) return d('allowed', ['§3.2'], ['3.2-encrypted-disk'], { reason: ENCRYPTED_TAKE_OUT_REASON });
    return d('required', ['§3.2'], ['3.2-encrypted-disk'], { reason: ENCRYPTION_REQUIRED_REASON });
  }
  if (has(R.securitySoftware)) {
    if (owns(f, 'personal', 'pc')) return d('required', ['§3.2'], ['3.2-personal-pc-approval']);
    if (has(R.disable))
      return d('prohibited', ['§3.2'], ['3.2-security-software'], { reason: SECURITY_SOFTWARE_OFF_REASON });
    // 「AppGuard もしくは ESET」: either one is enough.
    if (/(appguard|eset)/.test(n) && /(enough|both|両方|片方|だけで)/.test(n))
      return d('allowed', ['§3.2'], ['3.2-security-software']);
    return d('required', ['§3.2'], ['3.2-security-software']);
  }
  // One's own PC with its updates or security software switched off fails the very declaration §3.2 asks for.
  if (
    owns(f, 'personal', 'pc') &&
    (has(R.osUpdate) || has(R.securitySoftware)) &&
    /(止め|止まって|切って|無効|オフ|off|disabled|turned off|入れてない|入っていない)/.test(n)
  )
    return d('prohibited', ['§3.2'], ['3.2-personal-pc-approval', '3.2-personal-pc-methods']);
  if (has(R.osUpdate) && !has(R.network) && (mentionsClass(f, 'pc') || /os|windows|mac/.test(n))) {
    return d('required', ['§3.2'], ['3.2-personal-pc-approval']);
  }

  // §3.2 — own peripherals
  if (
    peripheralOnly &&
    has(R.ownOrUse) &&
    !has(R.touchStrong) &&
    !has(R.away) &&
    !has(R.filming) &&
    !PEOPLE_PRESENT.test(n) &&
    !(has(R.meetingCamera) && /(カメラ|camera|顔)/.test(n) && !OWN_WORD.test(n))
  ) {
    const micCam = /(マイク|\bmics?\b|microphone|カメラ|webcam|camera)/.test(n);
    return d('allowed', ['§3.2'], micCam ? ['3.2-mic-camera'] : ['3.2-peripherals-own']);
  }

  // §4 — what a manager must do for the team (before the family rules: a report's family is not the asker's)
  if (
    has(R.manager) &&
    f.apps.length === 0 &&
    f.mentions.length === 0 &&
    /(expect|what (do|should|must) i|すべき|何をすれば|どうすれば|役割|責任|求められ|keep in touch|communicate with|check on|やらなければ|しなければ|しなきゃ|しないといけ|必要があります|何をしておく|マネジメント|management|managing|expected of|duty|duties|responsib|role)/.test(
      n,
    ) &&
    !has(R.approval) &&
    !has(R.paper)
  )
    return d('required', ['§4'], ['4-managers-talk-to-all', '4-prevent-isolation', '4-face-to-face']);

  // §3.1 — a connection method named, with nobody else touching or seeing: the method's rule decides
  if ((has(R.rv) || has(R.secureLogon)) && !has(R.touchStrong) && !has(R.see) && !has(R.screen) && !appQuestionOf(f))
    return has(R.rv) ? remoteDesktop(f) : secureLogon(f);

  // Any room of one's own home is home (§2.1); with others around, §3.4's screen and sound rules apply.
  if (
    HOME_ROOM.test(n) &&
    !has(R.audio) &&
    !has(R.filming) &&
    (!has(R.family) ||
      /(出かけて|留守|不在|誰もいない|私一人|一人なので|nobody (else )?(is )?(at )?home|alone)/.test(n)) &&
    !has(R.others) &&
    !has(R.location) &&
    !has(R.away) &&
    !has(R.lock) &&
    !has(R.cabinet) &&
    !has(R.endOfDay) &&
    f.apps.length === 0 &&
    !has(R.network)
  )
    return d('allowed', ['§2.1'], ['2.1-home-only'], { reason: HOME_ROOM_REASON });

  // What the guideline says about kinds of things (which networks, where to work, what counts as a copy, who counts)
  if (
    /(networks?|ネットワーク|回線|wifi)/.test(n) &&
    /(which|what kinds?|what sort|どんな|どういう|どの|具体的)/.test(n) &&
    /(off-limits|not allowed|prohibited|forbidden|banned|禁止|ダメ|だめ|使えない|漏洩リスク|risky|high-risk)/.test(n)
  )
    return d('required', ['§2.2', '§3.3'], ['2.2-no-risky-network', '3.3-no-free-public', '3.3-no-weak-encryption']);
  if (/(漏洩リスクの高い|risky networks?|high-risk networks?)/.test(n))
    return d('required', ['§2.2', '§3.3'], ['2.2-no-risky-network', '3.3-no-free-public']);
  if (
    /((仕事|作業|働)(して(も)?いい|できる)場所|where (am i|can i|may i) (allowed to )?(work|telework)|どこで(仕事|働|作業)(して(も)?いい|できる))/.test(
      n,
    )
  )
    return d('required', ['§2.1'], ['2.1-home-only']);
  if (
    /(同居人(に入る|に含まれ|って(誰|何))|に(入る|含まれる)(んですか|の[?？])|count (as|under) .{0,40}(people other than employees|non-employees|cohabitants?))/.test(
      n,
    )
  )
    return d('required', ['§2.5'], ['2.5-no-cohabitant-access', '3.4-no-one-else-touches-pc']);
  if (
    /(想定|risk|リスク|why|なぜ|どうして|そんなに問題|why is there|何が問題|what'?s the (problem|big deal)|big deal)/.test(
      n,
    ) &&
    /(空き巣|burglar|theft|盗難|盗まれ|のぞき見|覗き見|peek|侵入|seeing (the|my) screen|see (the|my) screen|画面を見)/.test(
      n,
    ) &&
    f.mentions.length <= 1 &&
    !has(R.cabinet)
  )
    return d('required', ['§1'], ['1-risk-burglary', '1-risk-family-viewing', '1-risk-home-network', '1-self-defense']);
  // Looking things up for work on the company PC is not private use (§2.7 forbids only that).
  if (
    /(ネット検索|調べ物|web検索|検索する|search the (web|internet)|google (it|things))/.test(n) &&
    owns(f, 'company', 'pc') &&
    /(業務|仕事|\bwork\b)/.test(n) &&
    !has(R.privateUse)
  )
    return d('allowed', ['§2.7', '§3.2'], ['2.7-no-private-use', '3.2-company-pc-only']);

  // §3.4 — a smart speaker in the room where one works: calls must not be heard or recorded
  if (/(スマートスピーカー|alexa|アレクサ|google home|smart speaker)/.test(n))
    return d('conditional', ['§3.4'], ['3.4-audio-not-overheard', '3.4-filming-at-home']);

  // §3.4 — screen lock (before family and others: "even if nobody is around")
  const leavingDesk = /(離席|席(を)?(外|離|立)|step(ping)? away from|away from (my|the) desk)/.test(n);
  if (
    (has(R.lock) && !/(in (a|the) (cabinet|drawer)|キャビネット|引き出し)/.test(n)) ||
    (has(R.away) &&
      (has(R.screen) || mentionsClass(f, 'pc') || leavingDesk) &&
      !has(R.privateUse) &&
      f.apps.length === 0)
  ) {
    return d('required', ['§3.4'], ['3.4-lock-screen']);
  }

  // §2.5 / §3.4 — family, visitors and other people
  const withOthers = people(f);
  if (withOthers) return withOthers;

  // §4 — usage logs
  if (has(R.logs)) return d('conditional', ['§4'], ['4-usage-logs', '4-usage-restriction']);

  if (has(R.screen) && (has(R.see) || has(R.others)) && !has(R.rv))
    return d('required', ['§3.4'], ['3.4-screen-not-visible', '3.4-lock-screen']);
  if (has(R.audio) && (has(R.overhear) || has(R.others) || has(R.howPrevent) || /watch out|気をつけ/.test(n)))
    return d('required', ['§3.4'], ['3.4-audio-not-overheard']);
  if (has(R.filming)) return d('required', ['§3.4'], ['3.4-filming-at-home']);
  if (has(R.endOfDay)) return d('required', ['§3.4'], ['3.4-end-of-day']);
  if (has(R.cabinet)) return d('required', ['§3.4'], ['3.4-store-pc']);

  // §3.1 — connection methods (unless the VPN only sets the scene for an app question)
  const appQuestion = f.apps.length > 0 && f.editions.length > 0;
  if (has(R.vpn) && !appQuestion) return vpn(f);
  if (has(R.rv) && !appQuestion) return remoteDesktop(f);
  if (has(R.secureLogon)) return secureLogon(f);

  // §4 — chat, reports, isolation and managers
  if (has(R.chat) && has(R.chatPrivate) && f.devices.length === 0)
    return d('prohibited', ['§4'], ['4-chat-business-only', '4-usage-logs']);
  if (
    has(R.reports) &&
    (has(R.important) || /報連相|ほうれんそう/.test(n)) &&
    f.apps.length === 0 &&
    f.mentions.length === 0
  )
    return d('required', ['§4'], ['4-important-reports']);
  if (has(R.chat) && f.devices.length === 0 && f.editions.length === 0)
    return d('required', ['§4'], ['4-chat-business-only', '4-chat-care']);
  if (has(R.background) || has(R.background2)) return d('required', ['§4'], ['4-face-to-face']);
  if ((has(R.mentor) && f.mentions.length === 0) || has(R.alone))
    return d('required', ['§4'], ['4-mentors-living-alone']);
  if (has(R.faceToFace) && f.devices.length === 0) return d('required', ['§4'], ['4-face-to-face']);
  if (has(R.manager) && has(R.talk) && !has(R.approval))
    return d('required', ['§4'], ['4-managers-talk-to-all', '4-prevent-isolation']);
  if (has(R.isolation)) return d('required', ['§4'], ['4-prevent-isolation']);

  // §2.7 — private use of the company PC
  if (
    has(R.privateUse) &&
    !(personalDevice(f) && !owns(f, 'company')) &&
    !phoneOnly(f) &&
    // "the kids' gaming" on the home network is their private use, not of the company PC
    !(has(R.family) && !mentionsClass(f, 'pc')) &&
    (mentionsClass(f, 'pc') || has(R.workContext))
  ) {
    return d('prohibited', ['§2.7', '§3.2'], ['2.7-no-private-use', '3.2-no-private-use']);
  }

  // §3.5 ② — who may use app versions on company phones
  if (has(R.mdm) && !personalDevice(f)) {
    const apps = f.apps.length ? f.apps : (['outlook', 'teams'] as App[]);
    // A 部長 asking about the phone in general gets both editions; asking about apps, the app cells.
    const editions: Edition[] = f.editions.length ? f.editions : /(アプリ|\bapps?\b)/.test(n) ? ['app'] : [];
    return notEligible(matrix(apps, ['company-phone'], editions), n);
  }

  // §3.5 — the Microsoft 365 matrix
  if (f.apps.length > 0) {
    if ((has(R.howTo) || has(R.trouble)) && f.devices.length === 0 && f.editions.length === 0) return UNKNOWN;
    return whileRepaired(notEligible(matrix(f.apps, f.devices, f.editions), n), f);
  }
  if (has(R.otherOffice) && (f.mentions.length > 0 || f.editions.length > 0)) return otherOffice(f);
  // §3.5 — what "web version" and "app version" mean
  if (
    /(web版|ウェブ版|web version|browser version|pwa)/.test(n) &&
    /(アプリ版|app version|pwa)/.test(n) &&
    /(違い|違う|difference|定義|どっち扱い|とは|what is|count as)/.test(n)
  )
    return d('required', ['§3.5'], ['3.5-edition-definitions']);
  // §3.2 / §3.1 — one's own PC to company systems, no method named: VPN no, RV or browser logon with approval
  if (
    owns(f, 'personal', 'pc') &&
    has(R.connectMethod) &&
    !has(R.breakdown) &&
    !has(R.vpn) &&
    !has(R.rv) &&
    !has(R.secureLogon) &&
    f.editions.length === 0 &&
    f.apps.length === 0
  )
    return d(
      'depends',
      ['§3.2', '§3.1'],
      ['3.2-personal-pc-methods', '3.2-personal-pc-approval', '3.1-vpn', '3.1-remote-desktop', '3.1-secure-logon'],
    );
  // §3.2 — the company lends the PC: nobody has to bring their own
  if (/(自分で用意|自前で用意|buy my own|provide my own|bring my own)/.test(n) && mentionsClass(f, 'pc'))
    return d('required', ['§3.2'], ['3.2-company-pc-only', '3.2-borrow-company-pc']);
  // §3.2 — PCs
  if (owns(f, 'personal', 'pc') && (has(R.install) || has(R.otherApp))) {
    return d('prohibited', ['§3.2'], ['3.2-personal-pc-methods']);
  }
  if (has(R.weakTeams) && f.mentions.length > 0 && !owns(f, 'customer'))
    return matrix(['teams'], f.devices, f.editions);
  if (owns(f, 'customer', 'pc')) {
    if (has(R.network)) return d('required', ['§3.2'], ['3.2-customer-pc-network', '3.2-customer-pc-rules']);
    return d('required', ['§3.2'], ['3.2-customer-pc-rules', '3.2-customer-pc-no-our-data']);
  }
  if (has(R.breakdown) && (mentionsClass(f, 'pc') || /貸与|支給/.test(n))) {
    return d(
      'conditional',
      ['§3.2'],
      ['3.2-personal-pc-exception', '3.2-personal-pc-methods', '3.2-personal-pc-approval'],
    );
  }
  if (has(R.confidential) && has(R.store)) {
    if (owns(f, 'company', 'pc') && !personalDevice(f)) {
      return d('allowed', ['§3.1', '§2.3'], ['3.1-no-confidential-outside-company-pc'], {
        reason: COMPANY_PC_STORAGE_REASON,
      });
    }
    return d(
      'prohibited',
      ['§3.1', '§2.3'],
      ['3.1-no-confidential-outside-company-pc', '2.3-no-copy-outside-company-pc'],
    );
  }
  if (owns(f, 'personal', 'pc')) {
    return d(
      'conditional',
      ['§3.2', '§3.1'],
      ['3.2-personal-pc-methods', '3.2-personal-pc-approval', '3.2-borrow-company-pc'],
    );
  }
  if (f.mentions.length > 0 && phoneOnly(f) && has(R.useVerb))
    return matrix(['outlook', 'teams'], f.devices, f.editions);
  // Taking the company PC home is allowed only with an encrypted disk and the security software on it.
  if (owns(f, 'company', 'pc') && has(R.takeOut) && !has(R.encryption) && !has(R.paper))
    return d('conditional', ['§3.2'], ['3.2-encrypted-disk', '3.2-security-software']);
  if (owns(f, 'company', 'pc') && has(R.useVerb)) return d('allowed', ['§3.2'], ['3.2-company-pc-only']);
  if (mentionsClass(f, 'pc') && has(R.useVerb) && has(R.workVerb)) {
    return d('required', ['§3.2'], ['3.2-company-pc-only', '3.2-borrow-company-pc']);
  }

  // §3.1 — how to connect at all
  // From "my laptop" of no stated owner: the company PC may use any method, one's own only RV or browser.
  if (has(R.connectMethod) && (f.mentions.length === 0 || f.mentions.some((m) => m.cls === 'pc' && !m.owner)))
    return d(
      'depends',
      ['§3.1', '§3.2'],
      ['3.1-vpn', '3.1-remote-desktop', '3.1-secure-logon', '3.2-personal-pc-methods'],
      {
        reason: CONNECT_REASON,
      },
    );
  if (has(R.connectMethod))
    return d('conditional', ['§3.1'], ['3.1-vpn', '3.1-remote-desktop', '3.1-secure-logon'], {
      reason: CONNECT_REASON,
    });

  // §0 / §1 — telework itself, purpose, risks
  if (has(R.purpose)) return purpose(n);
  // 実家暮らし: the parents' house is one's home (normalize() has made it 自宅).
  if (
    /(自宅暮らし|自宅住まい|住民票(も|は)?自宅|自宅がそのまま自宅)/.test(n) &&
    !has(R.family) &&
    !PEOPLE_PRESENT.test(n)
  )
    return d('allowed', ['§2.1'], ['2.1-home-only'], { reason: HOME_ROOM_REASON });
  if (has(R.teleworkHome) && !has(R.howTo)) {
    if (has(R.risk)) return d('required', ['§1'], ['1-self-defense', '1-compliance-condition']);
    return d('conditional', ['§1', '§0'], ['1-compliance-condition', '0-pledge'], { reason: TELEWORK_REASON });
  }
  if (
    has(R.risk) &&
    /(ルール|ガイドライン|守|rule|guideline|follow|comply|テレワーク|telework|在宅|remote|home)/.test(n)
  ) {
    return d(
      'required',
      ['§1'],
      ['1-self-defense', '1-risk-family-viewing', '1-risk-burglary', '1-risk-home-network', '1-risk-remote-method'],
    );
  }
  return UNKNOWN;
}
