/**
 * Never yes when the guideline says no: after the topic rules have answered, every prohibition is checked against
 * every element of the situation, and the most restrictive one that applies decides. A question that asks "may I"
 * and lands on an obligation is answered as a permission: prohibited when it asks to skip the obligation,
 * conditional (on the obligation) otherwise.
 */
import { rule } from '../guideline/rules.ts';
import type { Bilingual, SectionId } from '../guideline/types.ts';
import type { Decision } from './compose.ts';
import type { Situation } from './situation.ts';
import { ERRAND } from './patterns.ts';
import { R } from './topics.ts';

interface Limit {
  section: SectionId;
  ruleIds: string[];
  applies(s: Situation, n: string): boolean;
}

const NEGATED_USE =
  /(切断|切って|切った|disconnect|使わない|使わず|使っていない|つながない|繋がない|接続しない|避け|やめ|しないで|(don'?t|do not|never|avoid|instead of|rather than|without) (use|using|connect|connecting|join|joining)|avoid)/;
// A question about a place that is not about working there (taking the PC home, a disaster at the office).
const NOT_WORKING_THERE =
  /(出張(?![^。？?]*(在宅|テレワーク))|business trip(?![^?.]*(telework|wfh|remote))|持ち帰|持って帰|take (it |the \w+ )?home|通勤|commut|出社|オフィスで|at the office|in the office)/;
const PERSONAL_TARGET =
  /(私用|私物|個人|自分|自宅の(pc|パソコン|プリンタ)|家族の|personal|private|my own|home (pc|computer|printer))/;

const RULES_ASKED =
  /((are|is) there (any )?(rules?|restrictions?|requirements?|guidelines?)|(ルール|決まり|制限|規則)(は|って|が)?(ある|あります|ありますか)|決まって(る|いる|ます)|(ルール|決まり|規則)を(教え|知り))/;
const MUST_FORM = /((方|ほう)がいい|ないと(だめ|ダメ|駄目|いけない)|なければ|\bmust\b|\bhave to\b|\bneed to\b|必要)/;
// "Where may I keep work data?", "What kinds of networks…?": asks what the guideline says.
const WHAT_WHERE =
  /(どこまで|どこに|どんな|どういう|\bwhere (am i|can i|may i|should i|do i)\b|\bwhat (kinds?|sort)\b|含まれ)/;
// "Why…?", "What is…?", "What is the difference…?": asks what the guideline says.
const DEFINITION =
  /(\bwhy\b|なぜ|どうして|なんで(?!す|し)|何のため|what for|違い|違う|difference|って(なに|何|なん)|とは[?？]*$|\bwhat (is|are|'s)\b|\bwhat does .* mean\b)/;
const SCREEN = /(画面|モニター|ディスプレイ|screen|monitor|display)/;

const LIMITS: Limit[] = [
  {
    section: '§2.1',
    ruleIds: ['2.1-home-only'],
    applies: (s, n) => s.place?.kind === 'elsewhere' && !ERRAND.test(n) && !NOT_WORKING_THERE.test(n),
  },
  {
    section: '§2.2',
    ruleIds: ['2.2-no-risky-network', '3.3-no-free-public'],
    applies: (s, n) => s.network?.kind === 'public' && !NEGATED_USE.test(n),
  },
  {
    section: '§3.3',
    ruleIds: ['3.3-own-network', '2.2-no-risky-network'],
    applies: (s, n) => s.network?.kind === 'others' && !NEGATED_USE.test(n),
  },
  {
    section: '§3.3',
    ruleIds: ['3.3-family-network', '3.3-check-other-pcs'],
    applies: (s, n) => s.people.includes('family') && R.network.test(n) && R.simultaneous.test(n) && R.vpn.test(n),
  },
  {
    section: '§3.1',
    ruleIds: ['3.1-vpn', '3.2-personal-pc-methods'],
    applies: (s, n) =>
      R.vpn.test(n) && s.devices.some((d) => d.owner === 'personal' && d.kind === 'pc') && !NEGATED_USE.test(n),
  },
  {
    section: '§3.3',
    ruleIds: ['3.3-no-weak-encryption'],
    applies: (s, n) =>
      s.network !== undefined &&
      /(パスワード(なし|無し|がない|のない)|鍵(なし|無し)|no password|without (a )?password|password-?less|暗号化(なし|無し|されていない|してない)|wep(?![a-z]))/.test(
        n,
      ),
  },
  {
    section: '§3.3',
    ruleIds: ['3.3-no-connection-without-vpn'],
    applies: (s, n) => s.network !== undefined && R.noVpn.test(n),
  },
  {
    section: '§2.4',
    ruleIds: ['2.4-no-duplication'],
    applies: (s, n) =>
      s.actions.includes('screenshot') ||
      s.actions.includes('print') ||
      (!R.filming.test(n) &&
        (s.actions.includes('photo') || s.actions.includes('record')) &&
        (SCREEN.test(n) || /(会議|meeting|call)/.test(n)) &&
        !/(写り込まない|映り込まない|映らない|写らない|out of (the )?(frame|shot))/.test(n)),
  },
  {
    section: '§2.3',
    ruleIds: ['2.3-no-copy-outside-company-pc'],
    applies: (s, n) =>
      (s.actions.includes('copy') || s.actions.includes('send')) &&
      (s.services.length > 0 || R.mediaStrong.test(n) || PERSONAL_TARGET.test(n)) &&
      R.dataObject.test(n) &&
      !R.notCopying.test(n),
  },
  {
    section: '§2.5',
    ruleIds: ['2.5-no-cohabitant-access', '3.4-no-one-else-touches-pc'],
    applies: (s) =>
      (s.people.includes('family') || s.people.includes('others')) &&
      s.actions.includes('touch') &&
      s.devices.some((d) => d.owner !== 'personal'),
  },
  {
    section: '§2.5',
    ruleIds: ['2.5-no-cohabitant-access', '3.4-screen-not-visible'],
    applies: (s, n) =>
      (s.people.includes('family') || s.people.includes('others')) &&
      /(sits? (right )?(next to|beside|with) me|look(ing)? over my shoulder|隣に座|横に座|横で見|隣で見|覗|のぞ|見せ(て|る|たい))/.test(
        n,
      ),
  },
  {
    section: '§2.7',
    ruleIds: ['2.7-no-private-use', '3.2-no-private-use'],
    applies: (s, n) =>
      s.actions.includes('private-use') &&
      !s.actions.includes('photo') &&
      !R.filming.test(n) &&
      s.devices.some((d) => d.owner === 'company' && d.kind === 'pc'),
  },
];

// Topic answers that are not about doing work somewhere (a disaster report, the pledge, the history).
const EXEMPT = new Set(['3.4-disaster-contact', '0-pledge', '0-penalties', 'R-current-revision']);
const PERMISSIVE = new Set(['allowed', 'conditional', 'depends']);
const SKIPPING =
  /(しない(?!(方|ほう)が)|せず|しなくて|なくても|(?<!っぱ)なしで|無しで|(初期設定|デフォルト|default|買った時|購入時)の?まま|(pc|パソコン|画面)(も|を|は)?そのまま|切らず|(pc|パソコン|vpn|画面|ログイン|接続)[^。？?]{0,8}っぱなし|(つなぎ|繋ぎ)っぱ(なし)?|really (have|need) to|本当に(必要|しないと|しなきゃ)|わざわざ|(つないだ|繋いだ|ログオンした|ログインした|開いた|つけた|接続した|起動した|したままの|した)まま|ずっと(繋が|つなが|接続)|chromecast|\bcast\b|mirror(ing)?|ミラーリング|(テレビ|tv)に(映|出|表示)|always on|常時接続|only (by|via|through|with|on|over) (teams )?chat|chat only|チャットだけ|一言だけ|スタンプだけ|送っただけ|チャットで一言|チャットのみ|(画面|モニター|ディスプレイ|screen|monitor)[^。？?]{0,10}(映り込|写り込|映りこ|写りこ|映っ|写っ)(?!まない|ませない|ないよう)|(pc|パソコン)[^。？?]{0,10}(映り込|写り込|映りこ|写りこ|映っ|写っ)(ん|て)?でも|keep using|使い続け|あと数年|for (a few|several) (more )?years|long-term|(screen|画面)[^.?]{0,30}(in the background|visible|in (the )?(shot|frame))|そのまま使|してない|していない|しておらず|くだけ|タメ口|ため口|\bcasual|\bslang|オフ|外し|無効|\bwithout\b|\bnot\b|\bno\b|n't|\bskip|\bleave (it |the |my )?(\w+ )?(on|open|unlocked|connected|out)\b|出しっぱなし|置きっぱなし|\bleave (the )?(vpn|rv|connection|remote desktop) (on|running|up)|\bunlock|\bturn off|\bdisable)/;

// What doing an obligation looks like, for "may I…?" questions that propose to do exactly that.
const COMPLYING: Record<string, RegExp> = {
  '4-chat-business-only': /(video (meeting|call)|ビデオ会議|tv会議|顔を見)/,
  '4-important-reports': /(video (meeting|call)|ビデオ会議|tv会議|顔を?見|まとめて)/,
  '3.3-firmware-updates':
    /(最新|up to date|latest|still (ships|provides|gets|releases|supported)|apply (them|the updates|updates)|適用して(いる|ます)|サポート(中|されて(いる|ます)))/,
  '4-face-to-face':
    /(video (meeting|call)|ビデオ会議|tv会議|顔を見|face[- ]to[- ]face|camera on|ぼかし|ぼか|消|バーチャル|virtual|blur|hide|隠)/,
  '3.4-lock-screen': /(ロック|\block)/,
  '3.4-store-pc': /(キャビネット|cabinet|引き出し|drawer|鍵|lock)/,
};

// Where doing the duty is unmistakable ("blur my background"), it outweighs a "don't" elsewhere in the question.
const COMPLYING_FIRST = new Set(['4-face-to-face', '3.3-firmware-updates', '4-important-reports']);

export function strictest(decision: Decision, s: Situation, n: string): Decision {
  const settled = justified(unplaced(settle(decision, s, n), s), s, n);
  if (settled.verdict !== 'prohibited') return settled;
  // A prohibited answer names every prohibition the situation runs into, the deciding one first.
  const also = LIMITS.filter((l) => l.applies(s, n) && !settled.ruleIds.some((id) => l.ruleIds.includes(id)));
  if (!also.length) return settled;
  return {
    ...settled,
    citations: [...settled.citations, ...also.map((l) => l.section)],
    ruleIds: [...settled.ruleIds, ...also.flatMap((l) => l.ruleIds)],
  };
}

/**
 * A yes for work in a place the engine cannot tell is home or not would be a guess: it depends (§2.1 — at home yes,
 * anywhere else no).
 */
function unplaced(decision: Decision, s: Situation): Decision {
  if (s.place?.kind !== 'unclear' || (decision.verdict !== 'allowed' && decision.verdict !== 'conditional'))
    return decision;
  return {
    verdict: 'depends',
    citations: ['§2.1', ...decision.citations.filter((c) => c !== '§2.1')],
    ruleIds: ['2.1-home-only', ...decision.ruleIds.filter((id) => id !== '2.1-home-only')],
    cells: decision.cells,
    reason: UNCLEAR_PLACE_REASON,
  };
}

const UNCLEAR_PLACE_REASON: Bilingual = {
  ja: '在宅勤務中は自宅以外の場所での業務が禁止されています。ご質問の場所が自宅であれば下記のとおりですが、自宅以外であれば禁止です。',
  en: 'While working from home, work anywhere other than your home is prohibited. If the place you mention is your home, the rules below apply; if not, it is prohibited.',
};

// "Just this once", "nobody will know", "I'll delete it after": said when the asker suspects
// a rule the engine may not have placed. No excuse changes a rule, so a yes is not given on the strength of one.
const EXCUSE =
  /(バレ|ばれ|誰にも(言わ|わから|気づか)|今回だけ|一回だけ|1回だけ|すぐ消|後で消|just this once|only once|nobody will (know|notice|see)|no one will|i'?ll delete|delete it (after|later)|encrypted anyway)/;

function justified(decision: Decision, s: Situation, n: string): Decision {
  if (s.asks !== 'permission' || !EXCUSE.test(n)) return decision;
  if (decision.verdict !== 'allowed' && decision.verdict !== 'conditional') return decision;
  return { ...decision, verdict: 'depends', reason: EXCUSE_REASON };
}

const EXCUSE_REASON: Bilingual = {
  ja: '今回だけ・誰にも分からない・すぐ消すといった事情で、ガイドラインの規則が変わることはありません。下記の規則にあてはまる点がないか確認し、判断に迷う場合は管理部門にご相談ください。',
  en: "'Just this once', 'nobody will know' or 'I will delete it' do not change the guideline's rules. Check the situation against the rules below, and ask the administration department if in doubt.",
};

function settle(decision: Decision, s: Situation, n: string): Decision {
  if (EXEMPT.has(decision.ruleIds[0] ?? '')) return decision;
  // Work the engine could not place is still checked: "work calls from a car" is work outside home.
  const unplacedWork =
    decision.verdict === 'unknown' &&
    !R.offTopic.test(n) &&
    (R.workVerb.test(n) || s.apps.length > 0 || s.devices.length > 0 || /(会議|通話|meeting|calls?\b)/.test(n));
  if (decision.verdict === 'unknown' && !unplacedWork) return decision;
  // "I want to connect to the VPN from my home desktop" proposes the act as surely as "may I…?".
  const wantsTo = s.asks === 'unclear' && /(したい|たいです|want to|would like to|つもり|planning to)/.test(n);
  const permissionOnObligation = decision.verdict === 'required' && (s.asks === 'permission' || wantsTo);
  const definition = DEFINITION.test(n);
  // "What is the difference between RV and VPN?" is answered with the rules, not vetoed into a no.
  const definitional = s.asks === 'info' && definition;
  if ((PERMISSIVE.has(decision.verdict) || permissionOnObligation || unplacedWork) && !definitional) {
    const hit = LIMITS.find((l) => l.applies(s, n));
    if (hit) {
      return {
        verdict: 'prohibited',
        citations: [hit.section, ...decision.citations.filter((c) => c !== hit.section)],
        ruleIds: [...hit.ruleIds, ...decision.ruleIds.filter((id) => !hit.ruleIds.includes(id))],
        cells: decision.cells,
      };
    }
  }
  if (unplacedWork) return decision;
  // Storing the PC is the duty; the lock is only recommended (鍵付きを推奨): a plain drawer will do.
  if (
    !/(どこ|where)/.test(n) &&
    decision.ruleIds.includes('3.4-store-pc') &&
    /(鍵|lock)/.test(n) &&
    /(drawer|引き出し|棚|closet|押し入れ|クローゼット|普通の)/.test(n) &&
    decision.verdict !== 'prohibited'
  )
    return { ...decision, verdict: 'allowed' };
  if (permissionOnObligation && decision.ruleIds.some((id) => COMPLYING_FIRST.has(id) && COMPLYING[id]?.test(n)))
    return { ...decision, verdict: 'allowed' };
  // "Do I really have to keep it in a cabinet?": yes, stored it must be (the lock is only recommended).
  if (permissionOnObligation && decision.ruleIds[0] === '3.4-store-pc' && /really (have|need) to/.test(n))
    return { ...decision, verdict: 'required' };
  if (permissionOnObligation) {
    // "May I keep it in a drawer / the cabinet?" proposes doing the duty itself.
    if (
      decision.ruleIds.includes('3.4-store-pc') &&
      /(drawer|引き出し|cabinet|キャビネット|棚|closet|押し入れ|クローゼット)/.test(n)
    )
      return { ...decision, verdict: 'allowed' };
    if (SKIPPING.test(n)) return { ...decision, verdict: 'prohibited' };
    const comply = decision.ruleIds.some((id) => COMPLYING[id]?.test(n));
    return { ...decision, verdict: comply ? 'allowed' : 'conditional' };
  }
  const asksRule = s.asks === 'info' || s.asks === 'obligation';
  if (asksRule && RULES_ASKED.test(n) && decision.verdict !== 'required' && !decision.cells?.length)
    return { ...decision, verdict: 'required' };
  // "Must the SSD be encrypted?" asks for the obligation itself.
  if (s.asks === 'obligation' && MUST_FORM.test(n) && decision.verdict === 'prohibited' && !decision.cells?.length)
    return { ...decision, verdict: 'required' };
  // "Is anything needed to…?" on a conditional answer is answered with the conditions (conditional).
  // "How do I get to take the paper home?": the answer is the permission it needs (conditional).
  const howToGetLeave =
    /(どうすれば|how (do|can) i (get|take|bring))/.test(n) && (decision.ruleIds[0] ?? '').startsWith('2.6-');
  const yesNoNeed =
    howToGetLeave ||
    (!/(what|which|どんな|何を)/.test(n) &&
      /(必要(です|でしょう)か|必要ある|要りますか|いりますか|\bdo i need\b|\bdo i have to\b|\bis .{0,20} (needed|required)\b)/.test(
        n,
      ));
  // "Which PC may I use for VPN?" asks what the rule is, not for leave: it is answered with the rule; "What is MDM?"
  // asks for the definition, even where it lands on matrix cells.
  const ruleQuestion = asksRule && !yesNoNeed && (!decision.cells?.length || definition);
  // "Why is the Outlook app banned?" / "Where may I keep work data?": asks for the rule, which the answer states.
  if (
    asksRule &&
    (definition || WHAT_WHERE.test(n)) &&
    (decision.verdict === 'prohibited' || (definition && decision.verdict === 'allowed'))
  )
    return { ...decision, verdict: 'required' };
  // "Anything I should set on the router?" landing on a recommendation: the recommendation is the answer.
  if (
    s.asks === 'obligation' &&
    /(何|なに|なんか|what|anything|必須|mandatory|required)/.test(n) &&
    decision.verdict === 'allowed' &&
    rule(decision.ruleIds[0] ?? '').kind === 'recommendation'
  )
    return { ...decision, verdict: 'required' };
  if (ruleQuestion && (decision.verdict === 'conditional' || decision.verdict === 'depends'))
    return { ...decision, verdict: 'required' };
  return decision;
}
