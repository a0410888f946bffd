/**
 * answer(question): what the telework security guideline says about a question, in the question's language.
 * Pure: no I/O, no network, no state. Understanding is by vocabulary (src/answer/topics.ts) and ordered topic
 * rules below: the first rule that fits decides; anything the guideline does not cover is 'unknown'.
 */
import { matrixCells } from '../guideline/matrix.ts';
import { rule } from '../guideline/rules.ts';
import type { App, Bilingual, Device, Edition, MatrixCell, SectionId } from '../guideline/types.ts';
import { compose, type Decision } from './compose.ts';
import { nearestSections } from './nearest.ts';
import { situationOf } from './situation.ts';
import { strictest } from './strictest.ts';
import { R } from './topics.ts';
import type { Answer, Verdict } from './types.ts';
import {
  findApps,
  findDevices,
  findEditions,
  languageOf,
  matrixDevices,
  normalize,
  type DeviceMention,
} from './understand.ts';

export type { Answer } from './types.ts';

export function answer(question: string): Answer {
  const lang = languageOf(question);
  const n = normalize(question);
  const situation = situationOf(n, question.normalize('NFKC'));
  const decision = strictest(decide(n), situation, n);
  if (decision.verdict === 'unknown') decision.nearest = nearestSections(situation, n);
  return compose(lang, decision, situation);
}

interface Facts {
  n: string;
  mentions: DeviceMention[];
  devices: Device[];
  editions: Edition[];
  apps: App[];
  office: boolean;
  has(re: RegExp): boolean;
}

function facts(n: string): Facts {
  const mentions = findDevices(n);
  const { apps, office } = findApps(n);
  return {
    n,
    mentions,
    devices: matrixDevices(mentions),
    editions: findEditions(n),
    apps,
    office,
    has: (re) => re.test(n),
  };
}

function d(verdict: Verdict, citations: SectionId[], ruleIds: string[], extra: Partial<Decision> = {}): Decision {
  return { verdict, citations, ruleIds, ...extra };
}

const OWN_WORD = /(自分|自前|私物|自己所有|\bown\b|\bpersonal\b|買った|bought)/;

const UNKNOWN: Decision = { verdict: 'unknown', citations: [], ruleIds: [] };

const owns = (f: Facts, owner: 'company' | 'personal' | 'customer', cls?: 'pc' | 'phone') =>
  f.mentions.some((m) => m.owner === owner && (!cls || m.cls === cls || m.cls === 'any'));
const mentionsClass = (f: Facts, cls: 'pc' | 'phone') => f.mentions.some((m) => m.cls === cls || m.cls === 'any');
const personalDevice = (f: Facts) => f.mentions.some((m) => m.owner === 'personal');
const phoneOnly = (f: Facts) => f.mentions.length > 0 && f.mentions.every((m) => m.cls === 'phone');

export function decide(n: string): Decision {
  if (!/[\p{L}\p{N}]/u.test(n)) return UNKNOWN;
  const f = facts(n);
  const { has } = f;

  // Pay, leave, expenses: not in this guideline.
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

  // §3.4 — disaster contact through Teams
  // A disaster does not lift the device rules: "Teams on my personal phone to report in" is still §3.5.
  if (has(R.disaster) && !(f.apps.length > 0 && f.mentions.length > 0))
    return d('required', ['§3.4'], ['3.4-disaster-contact']);

  // §0 — pledge, penalties
  const strongPledge = /(誓約|せいやく|pledge|oath)/.test(n);
  if (
    has(R.pledge) &&
    !(has(R.paper) && has(R.takeOut) && !strongPledge) &&
    (strongPledge || f.mentions.length === 0)
  ) {
    // Starting before the pledge is in is exactly what §0 rules out.
    if (
      /(まだ[^。？?]{0,8}(出して|提出して|書いて|サインして)(い)?ない|出さずに|提出せずに|未提出|not (yet )?(submitted|signed|handed in|turned in)|without (submitting|signing|handing)|haven'?t (\w+ ){0,2}(submitted|signed|handed in|turned in|sent))/.test(
        n,
      )
    )
      return d('prohibited', ['§0'], ['0-pledge']);
    return d('required', ['§0'], ['0-pledge']);
  }
  if (has(R.penalty)) return d('required', ['§0'], ['0-penalties', '0-work-rules']);

  // §2.4 — screenshots, printing, copying text
  if (has(R.screenshot) && !has(R.privateUse)) return d('prohibited', ['§2.4'], ['2.4-no-duplication']);

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

  // §2.6 — paper documents
  if (has(R.paper) && !has(R.wifi)) return paper(f);

  // §2.1 / §2.2 / §3.3 — places and public networks
  const place = has(R.location) && !(has(R.apartment) && !has(R.workVerb));
  // Apartment buildings: the building's shared line counts as your own (集合住宅の場合は住宅共有のもの).
  if (has(R.apartment) && has(R.network) && !place && !networkIsContext(f))
    return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.othersWifi) && !place)
    return d('prohibited', ['§3.3', '§2.2'], ['3.3-own-network', '2.2-no-risky-network']);
  if (has(R.publicWifi)) {
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
    /(確認|check|気をつけ|すべき|should i|what should)/.test(n) &&
    /(pc|パソコン|computer|laptop|端末|devices?)/.test(n)
  )
    return d('required', ['§3.3'], ['3.3-check-other-pcs', '3.3-family-network', '3.3-segment-recommended']);
  // §3.3 — family on the same network before the VPN is up: decisive wherever it appears in the question
  if (has(R.family) && has(R.network) && has(R.simultaneous) && has(R.vpn) && !has(R.apartment))
    return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);

  // §3.3 — the home network, when the network is what is asked (not the setting of another question)
  const network = networkIsContext(f) ? undefined : homeNetwork(f);
  if (network) return network;

  // Lost or stolen equipment: the guideline gives no procedure.
  if (has(R.lost) && !has(R.cabinet)) return UNKNOWN;

  // §3.5 ① — downloads to personal devices; §2.3 — copies anywhere but the company PC
  const copying = has(R.copy) && !has(R.notCopying) && !has(R.mdm) && !isAppInstall(f);
  if (copying && (has(R.dataObject) || has(R.personalTarget) || has(R.mediaStrong) || personalDevice(f))) {
    if (owns(f, 'customer', 'pc'))
      return d('prohibited', ['§3.2', '§2.3'], ['3.2-customer-pc-no-our-data', '2.3-no-copy-outside-company-pc']);
    const media = has(R.media);
    const toPersonal = personalDevice(f) || has(R.personalTarget) || media;
    if (!toPersonal && owns(f, 'company', 'pc') && !f.mentions.some((m) => m.owner !== 'company')) {
      return d(
        'allowed',
        ['§2.3', '§3.1'],
        ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
        {
          reason: COMPANY_PC_STORAGE_REASON,
        },
      );
    }
    if (personalDevice(f) && (f.apps.length > 0 || has(R.otherOffice)) && !media) {
      return d('prohibited', ['§3.5', '§2.3'], ['3.5-personal-devices', '2.3-no-copy-outside-company-pc']);
    }
    if (media) return d('prohibited', ['§2.3', '§3.2'], ['2.3-no-copy-outside-company-pc', '3.2-no-own-media']);
    return d(
      'prohibited',
      ['§2.3', '§3.1'],
      ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
    );
  }

  // §3.2 — storage media, peripherals, maker address, encryption, security software
  const peripheralOnly = has(R.peripheral) && !has(R.mediaStrong);
  // A personal phone plugged into the PC is a storage medium too.
  if (
    owns(f, 'personal', 'phone') &&
    mentionsClass(f, 'pc') &&
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
  if (has(R.encryption) && (has(R.pcContext) || !has(R.network))) {
    if (has(R.encryptionNegative)) return d('prohibited', ['§3.2'], ['3.2-encrypted-disk']);
    if (has(R.takeOut)) return d('allowed', ['§3.2'], ['3.2-encrypted-disk'], { reason: ENCRYPTED_TAKE_OUT_REASON });
    return d('required', ['§3.2'], ['3.2-encrypted-disk'], { reason: ENCRYPTION_REQUIRED_REASON });
  }
  if (has(R.securitySoftware)) {
    if (owns(f, 'personal', 'pc')) return d('required', ['§3.2'], ['3.2-personal-pc-approval']);
    if (has(R.disable))
      return d('prohibited', ['§3.2'], ['3.2-security-software'], { reason: SECURITY_SOFTWARE_OFF_REASON });
    return d('required', ['§3.2'], ['3.2-security-software']);
  }
  if (has(R.osUpdate) && !has(R.network) && (mentionsClass(f, 'pc') || /os|windows|mac/.test(n))) {
    return d('required', ['§3.2'], ['3.2-personal-pc-approval']);
  }

  // §3.4 — credentials
  if (
    has(R.credential) &&
    /(扱い|管理|気をつけ|注意|handle|handling|manage|keep (my|them|it) safe)/.test(n) &&
    !has(R.share)
  )
    return d('required', ['§3.4'], ['3.4-no-sharing-credentials', '3.4-no-sticky-notes']);
  if (has(R.credential) && has(R.memo) && !has(R.share)) return d('prohibited', ['§3.4'], ['3.4-no-sticky-notes']);
  if (has(R.credential) && (has(R.share) || has(R.memo)))
    return d('prohibited', ['§3.4'], ['3.4-no-sharing-credentials']);

  // §3.2 — own peripherals
  if (
    peripheralOnly &&
    has(R.ownOrUse) &&
    !has(R.away) &&
    !has(R.filming) &&
    !has(R.family) &&
    !has(R.others) &&
    !(has(R.meetingCamera) && /(カメラ|camera|顔)/.test(n) && !OWN_WORD.test(n))
  ) {
    const micCam = /(マイク|\bmics?\b|microphone|カメラ|webcam|camera)/.test(n);
    return d('allowed', ['§3.2'], micCam ? ['3.2-mic-camera'] : ['3.2-peripherals-own']);
  }

  // §3.4 — a smart speaker in the room where one works: calls must not be heard or recorded
  if (/(スマートスピーカー|alexa|アレクサ|google home|smart speaker)/.test(n))
    return d('conditional', ['§3.4'], ['3.4-audio-not-overheard', '3.4-filming-at-home']);

  // §3.4 — screen lock (before family and others: "even if nobody is around")
  const leavingDesk = /(離席|席(を)?(外|離|立)|step(ping)? away from|away from (my|the) desk)/.test(n);
  if (has(R.lock) || (has(R.away) && (has(R.screen) || mentionsClass(f, 'pc') || leavingDesk) && !has(R.privateUse))) {
    return d('required', ['§3.4'], ['3.4-lock-screen']);
  }

  // §3.4 — someone who is also an employee still may not touch your PC (§2.5 is about non-employees)
  if (
    (has(R.family) || has(R.others)) &&
    (has(R.touchStrong) || /(共有|\bshare\b|一緒に使)/.test(n)) &&
    /(社員|同じ会社|同僚|colleague|co-?worker|employee|(works?|working) (at|for) our company|our company too)/.test(n)
  )
    return d('prohibited', ['§3.4'], ['3.4-no-one-else-touches-pc']);

  // §2.5 / §3.4 — family and other people
  // 「子供の学校からのメールを会社PCで見る」: the family is only named; the private use is one's own (§2.7).
  const familyOnlyMentioned =
    (has(R.privateUse) &&
      !has(R.touchStrong) &&
      /(子供|子ども|家族|妻|夫|親)の/.test(n) &&
      !/(子供|子ども|家族|妻|夫|親)(が|は|に)/.test(n)) ||
    // 「家族共用のパソコン」「my wife's laptop」: whose device it is, not who touches the company PC
    (FAMILY_DEVICE.test(n) && !has(R.touchStrong) && !owns(f, 'company'));
  if (
    has(R.family) &&
    !familyOnlyMentioned &&
    (has(R.howPrevent) ||
      has(R.see) ||
      has(R.touch) ||
      has(R.screen) ||
      has(R.audio) ||
      has(R.workspace) ||
      has(R.teleworkHome) ||
      mentionsClass(f, 'pc') ||
      has(R.confidential))
  ) {
    if (has(R.workspace) || has(R.howPrevent) || (has(R.teleworkHome) && !has(R.touch) && !mentionsClass(f, 'pc')))
      return d('required', ['§3.4', '§2.5'], ['3.4-screen-not-visible', '2.5-no-cohabitant-access']);
    if (has(R.audio) && !has(R.see))
      return d('required', ['§3.4', '§2.5'], ['3.4-audio-not-overheard', '2.5-no-cohabitant-access']);
    return d('prohibited', ['§2.5', '§3.4'], ['2.5-no-cohabitant-access', '3.4-no-one-else-touches-pc']);
  }
  if (
    has(R.others) &&
    (has(R.touchStrong) || (has(R.touch) && mentionsClass(f, 'pc'))) &&
    f.apps.length === 0 &&
    !has(R.see) &&
    !has(R.paper)
  ) {
    return d('prohibited', ['§3.4', '§2.5'], ['3.4-no-one-else-touches-pc', '2.5-no-cohabitant-access']);
  }
  // §3.4 — working while a visitor is around: only where the screen and calls stay private
  if (has(R.others) && has(R.workVerb) && !has(R.touch) && f.apps.length === 0 && !has(R.network))
    return d(
      'required',
      ['§3.4', '§2.5'],
      ['3.4-screen-not-visible', '3.4-audio-not-overheard', '2.5-no-cohabitant-access'],
    );
  // §4 — usage logs
  if (has(R.logs)) return d('conditional', ['§4'], ['4-usage-logs', '4-usage-restriction']);

  if (has(R.screen) && (has(R.see) || has(R.others)) && !has(R.rv))
    return d('required', ['§3.4'], ['3.4-screen-not-visible', '3.4-lock-screen']);
  if (has(R.audio) && (has(R.overhear) || has(R.others))) return d('required', ['§3.4'], ['3.4-audio-not-overheard']);
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
  if (has(R.background)) return d('required', ['§4'], ['4-face-to-face']);
  if ((has(R.mentor) && f.mentions.length === 0) || has(R.alone))
    return d('required', ['§4'], ['4-mentors-living-alone']);
  if (has(R.faceToFace) && f.devices.length === 0) return d('required', ['§4'], ['4-face-to-face']);
  if (
    has(R.manager) &&
    f.apps.length === 0 &&
    f.mentions.length === 0 &&
    /(expect|what (do|should|must) i|すべき|何をすれば|どうすれば|役割|責任|求められ|やらなければ|しなければ|マネジメント|management|managing|expected of|duty|duties|responsib|role)/.test(
      n,
    ) &&
    !has(R.approval) &&
    !has(R.paper)
  )
    return d('required', ['§4'], ['4-managers-talk-to-all', '4-prevent-isolation', '4-face-to-face']);
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
  if (has(R.connectMethod))
    return d('conditional', ['§3.1'], ['3.1-vpn', '3.1-remote-desktop', '3.1-secure-logon'], {
      reason: CONNECT_REASON,
    });

  // §0 / §1 — telework itself, purpose, risks
  if (has(R.purpose)) {
    if (/(テレワークとは|定義|definition|mean|counts as|what is telework)/.test(n))
      return d('required', ['§0'], ['0-telework-definition', '0-work-rules']);
    if (/(isms|pマーク|privacy ?mark|プライバシーマーク|位置づけ|位置付け|scope|適用範囲|対象範囲)/.test(n))
      return d('required', ['§0'], ['0-scope']);
    if (/(就業規|work regulations|service discipline)/.test(n))
      return d('required', ['§0'], ['0-work-rules', '0-penalties']);
    return d('required', ['§0'], ['0-purpose']);
  }
  // Any room of one's own home is home (§2.1); with others around, §3.4's screen and sound rules apply.
  if (
    HOME_ROOM.test(n) &&
    !has(R.audio) &&
    !has(R.filming) &&
    !has(R.family) &&
    !has(R.others) &&
    !has(R.location) &&
    f.apps.length === 0 &&
    !has(R.network)
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

/** Questions about the home network itself (§3.3), and a customer's PC on it (§3.2). */
function homeNetwork(f: Facts): Decision | undefined {
  const { has, n } = f;
  // The household's own line, whoever's name the contract is in, is one's own network.
  if (has(R.ownLine) && /(名義|'s name)/.test(n) && !has(R.publicWifi) && !has(R.othersWifi))
    return d('allowed', ['§3.3'], ['3.3-own-network']);
  // §3.2 — a customer's PC follows the customer's rules first, on any network
  if (owns(f, 'customer', 'pc') && has(R.network) && !(has(R.copy) && has(R.dataObject)))
    return d('conditional', ['§3.2'], ['3.2-customer-pc-rules', '3.2-customer-pc-network']);

  // §3.3 — the home network
  if (has(R.segment)) return d('allowed', ['§3.3'], ['3.3-segment-recommended']);
  // A carrier SIM or tethering is a line of one's own, whoever else is at home.
  if ((has(R.tethering) || has(R.carrier)) && !has(R.simultaneous))
    return d('allowed', ['§3.3'], ['3.3-carrier-sim-ok']);
  if (/(set up|configure|設定)[^?？]{0,30}(router|ルーター)/.test(n))
    return d('required', ['§3.3'], ['3.3-restrict-other-devices', '3.3-segment-recommended', '3.3-check-other-pcs']);
  if (has(R.family) && has(R.network) && has(R.simultaneous) && has(R.vpn) && !has(R.apartment))
    return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);
  if (has(R.family) && has(R.network) && !has(R.apartment) && !has(R.see) && !has(R.touchStrong)) {
    if (has(R.simultaneous))
      return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);
    return d('conditional', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended'], {
      reason: FAMILY_NETWORK_REASON,
    });
  }
  if (has(R.tethering) || has(R.carrier)) return d('allowed', ['§3.3'], ['3.3-carrier-sim-ok']);
  if (has(R.wep)) return d('prohibited', ['§3.3'], ['3.3-no-weak-encryption']);
  if (has(R.noEncryption) && has(R.network) && !has(R.pcContext))
    return d('prohibited', ['§3.3'], ['3.3-no-weak-encryption']);
  if (has(R.macAuth)) return d('prohibited', ['§3.3'], ['3.3-no-mac-auth']);
  if (has(R.wpa))
    return d('allowed', ['§3.3'], ['3.3-no-weak-encryption', '3.3-strong-wifi-password'], { reason: WPA_REASON });
  if (has(R.firmware)) {
    return d('required', ['§3.3'], ['3.3-firmware-updates', '3.3-vulnerabilities', '3.3-no-unsupported-devices']);
  }
  if (has(R.sharedFolder)) return d('prohibited', ['§3.3'], ['3.3-shared-folder']);
  if (has(R.noVpn) && !owns(f, 'personal', 'pc')) return d('prohibited', ['§3.3'], ['3.3-no-connection-without-vpn']);
  if (has(R.restrictDevices)) return d('required', ['§3.3'], ['3.3-restrict-other-devices']);
  if (has(R.routerPassword)) return d('required', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption']);
  if (has(R.secureNetwork) && (has(R.wifi) || /(ネットワーク|network|回線)/.test(n)) && !has(R.vpn)) {
    return d(
      'required',
      ['§3.3'],
      [
        '3.3-strong-wifi-password',
        '3.3-no-weak-encryption',
        '3.3-no-mac-auth',
        '3.3-firmware-updates',
        '3.3-wired-recommended',
      ],
      {
        reason: SECURE_NETWORK_REASON,
      },
    );
  }
  if (has(R.wired) && WIFI_ASKED.test(n))
    return d('conditional', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption', '3.3-wired-recommended'], {
      reason: HOME_WIFI_REASON,
    });
  if (has(R.wired)) return d('allowed', ['§3.3'], ['3.3-wired-recommended']);
  if (has(R.apartment) && has(R.network)) return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.slow) && has(R.network)) return d('required', ['§3.3'], ['3.3-speed-own-responsibility']);
  if (has(R.ownLine) && !has(R.wifi)) return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.wifi) && f.apps.length === 0) {
    // Whose Wi-Fi decides: one's own is fine with a strong password, a free or someone else's is prohibited.
    if (
      !has(R.homeWord) &&
      !has(R.teleworkHome) &&
      !has(R.workspace) &&
      !/(ルーター|router|ssid|パスワード|password)/.test(n)
    )
      return d(
        'depends',
        ['§3.3', '§2.2'],
        ['3.3-own-network', '3.3-strong-wifi-password', '2.2-no-risky-network', '3.3-no-free-public'],
        {
          reason: WHOSE_WIFI_REASON,
        },
      );
    return d('conditional', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption', '3.3-wired-recommended'], {
      reason: HOME_WIFI_REASON,
    });
  }
  return undefined;
}

/** The network only sets the scene when the question is about an app, data, a photo, private use or a person. */
function networkIsContext(f: Facts): boolean {
  const { has } = f;
  return (
    f.apps.length > 0 ||
    has(R.screenshot) ||
    has(R.filming) ||
    (has(R.privateUse) && mentionsClass(f, 'pc')) ||
    (has(R.copy) && has(R.dataObject)) ||
    PHOTO_OF_SCREEN.test(f.n) ||
    /(録画|録音|\brecord)/.test(f.n) ||
    (has(R.family) &&
      (has(R.screen) || has(R.audio) || has(R.see) || has(R.workspace)) &&
      !/(ルーター|router|ssid|segment|セグメント)/.test(f.n)) ||
    (has(R.family) &&
      mentionsClass(f, 'pc') &&
      (has(R.touchStrong) || SOMEONE_USES.test(f.n) || /(共有|\bshare\b|一緒に使)/.test(f.n))) ||
    ((has(R.vpn) || has(R.rv) || has(R.breakdown) || has(R.approval)) && owns(f, 'personal', 'pc'))
  );
}

const FAMILY_DEVICE =
  /((家族|夫|妻|子ども|子供|息子|娘|親)(共用)?の[a-z0-9 ]{0,10}(pc|パソコン|ノート|スマホ|タブレット|ipad)|\b(wife|husband|partner|son|daughter|kid|family|mum|mom|dad)('s|s') (laptop|pc|computer|phone|tablet|ipad|desktop))/;
const WIFI_ASKED =
  /((wifi|無線|ワイヤレス)[^。.?？]{0,12}(使って(も|いい)|でもいい|でいい|で大丈夫|でok|\bok\b|allowed|fine)|\b(over|use|using|on) (the |my )?(wifi|wireless)\b)/;
const SOMEONE_USES = /\b(him|her|them|son|daughter|kids?|child|children|wife|husband) (to )?use\b/;
const PHOTO_OF_SCREEN =
  /((写真|撮影|撮っ|撮る|撮り|写メ|photo|picture|pic|snap)[^?？。]{0,40}(画面|モニター|ディスプレイ|screen|monitor|display)|(画面|モニター|screen|monitor|display)[^?？。]{0,40}(写真|撮影|撮っ|撮る|撮り|写メ|photo|picture|pic|snap))/;

function isAppInstall(f: Facts): boolean {
  // "download the Teams app" installs an app (§3.5), it does not copy data.
  return (
    (f.apps.length > 0 || /(アプリ|\bapps?\b|software|ソフト)/.test(f.n)) && !f.has(R.dataObject) && f.has(R.install)
  );
}

function paper(f: Facts): Decision {
  const rules = ['2.6-paper-in-principle', '2.6-paper-with-approval', '2.6-paper-no-copy', '2.6-department-rules'];
  if (
    /(部門|部署|dept|department|team)[^?？。]{0,12}(ルール|手続|様式|フォーム|form|procedure|process|管理|rules?)/.test(
      f.n,
    )
  )
    return d('required', ['§2.6'], ['2.6-department-rules', '2.6-paper-in-principle']);
  // Copies of documents taken out are prohibited even with the permission to take them out.
  if (
    /(コピー|複製|photocop|スキャン|\bscan|pdf(に|化)|\bcop(y|ies|ying)\b|第三者|見せ|見られ|のぞ|覗|読ま|\bshow|\bseen\b|peek|look at|家族|family|他人|others|third)/.test(
      f.n,
    ) ||
    (f.has(R.family) && f.has(R.see))
  ) {
    const cohabitant = f.has(R.family) ? (['§2.5'] as const) : [];
    return d('prohibited', ['§2.6', ...cohabitant], ['2.6-paper-no-copy', '2.6-paper-in-principle']);
  }
  if (f.has(R.approvalNegated)) return d('prohibited', ['§2.6'], rules);
  const hypothetical =
    /(\bif (i|we) (get|obtain|have|ask)|\bonce (i|we) (get|have)|provided (i|we)|もらえば|得れば|取れば|もらったら|得たら)/.test(
      f.n,
    );
  if (f.has(R.approval) && f.has(R.customerWord) && f.has(R.managerWord) && !hypothetical) {
    return d('allowed', ['§2.6'], ['2.6-paper-with-approval', '2.6-paper-no-copy', '2.6-department-rules']);
  }
  return d('conditional', ['§2.6'], rules, { reason: PAPER_REASON });
}

function vpn(f: Facts): Decision {
  if (f.has(R.trouble) && f.mentions.length === 0) return UNKNOWN;
  if (owns(f, 'personal', 'pc')) return d('prohibited', ['§3.1', '§3.2'], ['3.1-vpn', '3.2-personal-pc-methods']);
  if (f.mentions.length > 0 && phoneOnly(f)) return d('prohibited', ['§3.1'], ['3.1-vpn']);
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-vpn']);
  // A PC of no stated owner: the company's may, one's own may not.
  if (mentionsClass(f, 'pc')) return d('depends', ['§3.1', '§3.2'], ['3.1-vpn', '3.2-personal-pc-methods']);
  return d('conditional', ['§3.1'], ['3.1-vpn']);
}

// The PC one connects *to* (「自分の席のPC」, "into my office PC") is not the device one works from.
const RV_TARGET =
  /(席の|社内の|オフィスの|会社にある|会社の自分の|into (my |the )?(office |work |desk )?|office |desk |at work )$/;

function remoteDesktop(all: Facts): Decision {
  const mentions = all.mentions.filter((m) => !RV_TARGET.test(all.n.slice(Math.max(0, m.at - 14), m.at)));
  const f: Facts = { ...all, mentions };
  if (owns(f, 'personal', 'pc'))
    return d(
      'conditional',
      ['§3.1', '§3.2'],
      ['3.1-remote-desktop', '3.2-personal-pc-methods', '3.2-personal-pc-approval'],
    );
  if (f.mentions.length > 0 && (phoneOnly(f) || (mentionsClass(f, 'phone') && !owns(f, 'company', 'pc'))))
    return d('allowed', ['§3.1'], ['3.1-rv-phone']);
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-remote-desktop'], { reason: RV_COMPANY_REASON });
  if (f.mentions.length === 0)
    return d('depends', ['§3.1', '§3.2'], ['3.1-remote-desktop', '3.2-personal-pc-approval']);
  return d('conditional', ['§3.1'], ['3.1-remote-desktop']);
}

function secureLogon(f: Facts): Decision {
  if (owns(f, 'personal', 'pc'))
    return d(
      'conditional',
      ['§3.1', '§3.2'],
      ['3.1-secure-logon', '3.2-personal-pc-methods', '3.2-personal-pc-approval'],
    );
  if (f.mentions.length > 0 && phoneOnly(f)) return UNKNOWN;
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-secure-logon'], { conditions: { ja: [], en: [] } });
  return d('conditional', ['§3.1'], ['3.1-secure-logon']);
}

function otherOffice(f: Facts): Decision {
  const personal = personalDevice(f);
  const app = f.editions.includes('app') && !f.editions.includes('web');
  const web = f.editions.includes('web') && !f.editions.includes('app');
  if (personal) {
    if (app) return d('prohibited', ['§3.5', '§3.2'], ['3.5-personal-devices', '3.2-personal-pc-methods']);
    if (web) return d('conditional', ['§3.5', '§3.2'], ['3.5-personal-phone-web-office', '3.5-personal-devices']);
    return d('conditional', ['§3.5', '§3.2'], ['3.5-personal-devices', '3.5-personal-phone-web-office'], {
      reason: OTHER_OFFICE_PERSONAL_REASON,
    });
  }
  if (owns(f, 'company', 'phone') && app) return d('conditional', ['§3.5'], ['3.5-company-phone-app']);
  if (owns(f, 'company')) return d('allowed', ['§3.2', '§3.5'], ['3.2-company-pc-only']);
  return UNKNOWN;
}

// Apps on company phones are only for 部長職以上 and the PMs/PLs the company names (§3.5 ②).
const NOT_NAMED =
  /((部長|pm|pl|管理職|manager)[^?？。]{0,16}(でもない|ではない|でもございません|ではございません|ではありません|じゃない|でもありません)|主任|係長|役職なし|役職がない|役職のない|役職じゃない|一般社員|平社員|ヒラ社員|新人|新入社員|新卒|入社[0-9一二三]+年目|部長(じゃない|ではない|でない)|管理職(じゃない|ではない|でない)|not a (manager|pm|pl|department head)|no title|regular (employee|staff)|junior|new hire|rank-and-file|not (a )?(pm|pl))/;

/** A personal PC in place of a broken company PC is the §3.2 exception: with the manager's approval. */
function whileRepaired(decision: Decision, f: Facts): Decision {
  if (decision.verdict !== 'allowed' || !owns(f, 'personal', 'pc') || !f.has(R.breakdown)) return decision;
  return d(
    'conditional',
    ['§3.2', '§3.5'],
    ['3.2-personal-pc-exception', '3.2-personal-pc-approval', ...decision.ruleIds],
    { cells: decision.cells },
  );
}

function notEligible(decision: Decision, n: string): Decision {
  const cells = decision.cells ?? [];
  if (!NOT_NAMED.test(n) || !cells.length || !cells.every((c) => c.device === 'company-phone' && c.edition === 'app'))
    return decision;
  return { ...decision, verdict: 'prohibited', conditions: { ja: [], en: [] }, reason: NOT_NAMED_REASON };
}

function matrix(apps: readonly App[], devices: readonly Device[], editions: readonly Edition[]): Decision {
  const cells = matrixCells({ apps, devices, editions });
  const verdicts = new Set(cells.map((c) => c.verdict));
  const verdict: Verdict = verdicts.size === 1 ? (cells[0] as MatrixCell).verdict : 'depends';
  const used = new Set(cells.map((c) => c.device));
  const citations: SectionId[] = ['§3.5'];
  const ruleIds = ['3.5-matrix'];
  const cond = { ja: [] as string[], en: [] as string[] };
  const add = (id: string) => {
    const r = rule(id);
    if (r.conditions) {
      cond.ja.push(...r.conditions.ja);
      cond.en.push(...r.conditions.en);
    }
  };
  if (used.has('personal-pc') || used.has('personal-phone')) {
    ruleIds.push('3.5-personal-devices');
    if (cells.some((c) => c.verdict === 'allowed' && (c.device === 'personal-pc' || c.device === 'personal-phone')))
      add('3.5-personal-devices');
  }
  if (cells.some((c) => c.verdict === 'conditional')) {
    ruleIds.push('3.5-company-phone-app');
    add('3.5-company-phone-app');
  }
  if (used.has('personal-pc')) {
    citations.push('§3.2');
    ruleIds.push('3.2-personal-pc-methods');
    if (cells.some((c) => c.device === 'personal-pc' && c.verdict === 'allowed')) {
      ruleIds.push('3.2-personal-pc-approval');
      add('3.2-personal-pc-approval');
    }
  }
  return { verdict, citations, ruleIds, cells, conditions: cond };
}

const HOME_ROOM =
  /(寝室|ベッドルーム|リビング|台所|キッチン|ダイニング|書斎|ベランダ|自分の部屋|別の部屋|\bbedroom|living room|kitchen|dining (room|table)|\bstudy\b|spare room|balcony|another room)/;
const HOME_ROOM_REASON: Bilingual = {
  ja: '在宅勤務で禁止されているのは自宅以外の場所での業務です。自宅内であれば部屋は問いませんが、家族や他の人がいる場合は画面が容易に見られず、会話が聞かれない場所を確保してください。',
  en: 'What is prohibited is working anywhere other than your home; any room of your home is fine, but with family or others around, choose a place where your screen cannot easily be seen and your calls are not overheard.',
};
const WHOSE_WIFI_REASON: Bilingual = {
  ja: '自宅の自分の回線（集合住宅なら住宅共有のもの）の無線で、ルーター及びSSIDに強力なパスワードがかかっていれば利用できます。公衆やフリーのWi-Fi、他人の回線は禁止です。',
  en: "Your own home line (or your building's shared one) over Wi-Fi is fine if the router and SSID have strong passwords; public or free Wi-Fi and other people's networks are prohibited.",
};
const NOT_NAMED_REASON: Bilingual = {
  ja: '貸与スマホのアプリ版は、責任をもって管理できる人（部長職以上と会社が認めたPM、PL等）に限定されています。該当しない場合はWEB版を使ってください（TeamsはWEB版も利用不可）。',
  en: 'App versions on company phones are limited to people who can take responsibility for them (department managers and above, and PMs/PLs the company names). If that is not you, use the web version (for Teams, the web version is not allowed either).',
};
const USB_REASON: Bilingual = {
  ja: '自己所有のモニター・キーボード・マウス・ヘッドセット等の周辺機器は利用できますが、自己所有のUSBメモリ等の記録媒体をPCに接続する事は禁止です。',
  en: 'Your own peripherals (monitor, keyboard, mouse, headset…) are fine, but connecting your own USB memory or other storage media to the PC is prohibited.',
};
const WPA_REASON: Bilingual = {
  ja: 'WPA2/WPA3は禁止されている「暗号化なしやWEPなど強度が低い暗号化方式」にあたらないため利用できます。ルーター及びSSIDには強力なパスワードをかけてください。',
  en: 'WPA2/WPA3 is not one of the prohibited options (no encryption, or weak encryption such as WEP), so it is fine; the router and SSID must have strong passwords.',
};
const SECURE_NETWORK_REASON: Bilingual = {
  ja: '自宅のネットワークは、有線を推奨し、無線ならルーター及びSSIDに強力なパスワードをかけ（暗号化なし・WEPは禁止、MACアドレス認証は使わない）、ファームウェアの更新など機器の脆弱性対応を行ってください。',
  en: 'For the home network: wired is recommended; on wireless, put strong passwords on the router and SSID (no encryption or WEP is prohibited, and do not rely on MAC addresses), and keep the equipment patched, firmware included.',
};
const FAMILY_NETWORK_REASON: Bilingual = {
  ja: '家族と共用のネットワークは、VPN接続が完了するまでは他のPCから侵入される懸念があるため、原則は同時利用を禁止としています（特にVPN接続するまでの間）。',
  en: 'On a network shared with family, other PCs could break in until the VPN is up, so using it at the same time is prohibited in principle (above all until the VPN is connected).',
};
const HOME_WIFI_REASON: Bilingual = {
  ja: '自宅の無線（Wi-Fi）は、ルーター及びSSIDに強力なパスワードがかかっていれば利用できます。暗号化なしやWEPは禁止で、接続方式は有線を推奨します。',
  en: 'Home Wi-Fi is fine if the router and SSID have strong passwords; no encryption or WEP is prohibited, and a wired connection is recommended.',
};
const COMPANY_PC_STORAGE_REASON: Bilingual = {
  ja: 'データの保存先として認められているのは会社貸与PCだけです（会社貸与PC以外への複製、保存は禁止）。',
  en: 'The company PC is the only place where data may be stored (copying or saving anywhere else is prohibited).',
};
const ENCRYPTION_REQUIRED_REASON: Bilingual = {
  ja: '会社貸与PCのHDD/SSDは暗号化されている必要があります。暗号化されていないものは持ち出し不可です。',
  en: "The company PC's HDD/SSD must be encrypted; an unencrypted one must not be taken out.",
};
const ENCRYPTED_TAKE_OUT_REASON: Bilingual = {
  ja: 'HDD/SSDが暗号化されている会社貸与PCは持ち出せます（暗号化されていないものは持ち出し不可）。',
  en: 'A company PC whose HDD/SSD is encrypted may be taken out (an unencrypted one may not).',
};
const SECURITY_SOFTWARE_OFF_REASON: Bilingual = {
  ja: '会社貸与PCにはセキュリティソフト（AppGuard もしくは ESET）がインストールされている事が必要なため、外したり無効にしたりはできません。',
  en: 'The company PC must have security software (AppGuard or ESET) installed, so you may not remove or disable it.',
};
const PAPER_REASON: Bilingual = {
  ja: '紙資料の持ち出しは原則禁止です。事前に顧客及び上長に持ち出し許可を得た場合は可ですが、持ち出した資料の複製及び第三者の閲覧は禁止です。',
  en: 'Taking paper documents out is prohibited in principle; it is allowed with prior permission from the customer and your manager, but no copies and no third-party viewing.',
};
const RV_COMPANY_REASON: Bilingual = {
  ja: 'リモートデスクトップ接続方式（RV）は、会社貸与PCからは利用できます。',
  en: 'Remote desktop (RV) may be used from the company PC.',
};
const CONNECT_REASON: Bilingual = {
  ja: '社内情報への接続方法は、VPN（会社貸与PCのみ）、リモートデスクトップ（RV：会社貸与PCは可、自宅PCは条件付き、スマホ・タブレットも可）、セキュア・インターネットログオン（会社貸与PC及び自宅PC）の3つです。',
  en: 'There are three ways to reach company information: VPN (company PC only), remote desktop (RV: company PC; home PC with conditions; phones and tablets too) and secure internet logon (company PC and home PC).',
};
const TELEWORK_REASON: Bilingual = {
  ja: 'テレワークは、ガイドラインの内容を遵守できる方のみに許可（指示）されます。初めて在宅勤務をする前に誓約書の提出が必要です。',
  en: 'Telework is permitted (instructed) only for people who can follow the guideline; before your first day of working from home you must submit the pledge.',
};
const OTHER_OFFICE_PERSONAL_REASON: Bilingual = {
  ja: '私用機器では、OfficeはWEB版なら可ですが、アプリ版は利用不可です。ローカルにデータを残さない事（ダウンロードも禁止）。',
  en: 'On personal devices Office is allowed in the browser but not as an app, and no data may be left on the device (no downloads).',
};
