/**
 * The daily check-in and check-out cards, the receipt and the guidance card. The questions and choices come
 * from src/checkin/questions.ts; only the wording around them lives here.
 *
 * Submit contract (for the handler):
 *  - The button is `Action.Execute` with `verb` 'checkin.submit' or 'checkout.submit' and
 *    `data: { cardId, owner, localDate, revision, corrects? }`; Teams sends an `invoke` activity named
 *    'adaptiveCard/action' whose `value.action.verb` is the verb and `value.action.data` is that data merged
 *    with the input values, keyed by question id (place, network, device, access, workspace, mood, shareMood,
 *    talk, note / disconnected, loggedOff, stored, report, note).
 *  - Clients without Universal Actions run the `fallback` `Action.Submit` instead: a `message` activity whose
 *    `value` is the same data plus `verb`. The handler should treat both alike.
 *  - Pass `verb` and the data to validateSubmit() with the actor's from.aadObjectId and their local date;
 *    nothing is stored unless it says ok.
 *  - owner is the aadObjectId of the person the card was sent to; cardId is a fresh UUID per card sent.
 */
import { GUIDELINE_REVISION } from '../../src/guideline/index.ts';
import { sectionLabel } from '../../src/guideline/index.ts';
import {
  CHECKIN_QUESTIONS,
  CHECKOUT_QUESTIONS,
  VERBS,
  type CardData,
  type CheckinAnswers,
  type CheckKind,
  type Finding,
  type Question,
  type Severity,
} from '../../src/checkin/index.ts';
import type { Lang, Strings } from '../locale.ts';
import { bullets, card, heading, text, type Card, type Container, type Element, type ExecuteAction } from './card.ts';

const strings: Strings<{
  checkinTitle: string;
  checkinIntro: string;
  checkoutTitle: string;
  checkoutIntro: string;
  submitCheckin: string;
  submitCheckout: string;
  required: string;
  choose: string;
  privateNote: string;
  receiptTitle: Record<CheckKind, string>;
  receiptOk: string;
  receiptFindings: (n: number) => string;
  guidanceTitle: string;
  guidanceIntro: string;
  severity: Record<Severity, string>;
  says: string;
  now: string;
  date: (d: string) => string;
  yes: string;
  no: string;
}> = {
  ja: {
    checkinTitle: 'テレワーク開始チェック',
    checkinIntro:
      '今日の勤務環境を教えてください。ガイドラインに沿っていない点があれば、すぐに対処方法をお知らせします。',
    checkoutTitle: 'テレワーク終了チェック',
    checkoutIntro: 'お疲れさまでした。終業時の確認をお願いします。',
    submitCheckin: '送信する',
    submitCheckout: '送信する',
    required: '選択してください',
    choose: '選択…',
    privateNote: '気分・上長との面談希望・メモは、共有を選んだ場合を除き、本人のみが見られます。',
    receiptTitle: { checkin: '開始チェックを受け付けました', checkout: '終了チェックを受け付けました' },
    receiptOk: 'ガイドラインに沿った環境です。今日もよろしくお願いします。',
    receiptFindings: (n) => `ガイドラインに沿っていない点が ${n} 件あります。案内を確認してください。`,
    guidanceTitle: '今すぐ対応してください',
    guidanceIntro: '回答の中に、セキュリティガイドライン（テレワーク版）に沿っていない点がありました。',
    severity: { violation: 'ガイドライン違反', caution: '要確認', incident: '報告' },
    says: 'ガイドライン',
    now: '今すぐすること',
    date: (d) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`,
    yes: 'はい',
    no: 'いいえ',
  },
  en: {
    checkinTitle: 'Telework check-in',
    checkinIntro:
      'Tell us about your setup today. If anything is off the guideline, you will get what to do right away.',
    checkoutTitle: 'Telework check-out',
    checkoutIntro: 'Thanks for today. A few checks before you finish.',
    submitCheckin: 'Send',
    submitCheckout: 'Send',
    required: 'Please choose one',
    choose: 'Choose…',
    privateNote:
      'Your mood, a wish to talk with your manager and your note are seen only by you unless you choose to share.',
    receiptTitle: { checkin: 'Check-in received', checkout: 'Check-out received' },
    receiptOk: 'Your setup follows the guideline. Have a good day.',
    receiptFindings: (n) => `${n} point${n === 1 ? '' : 's'} did not follow the guideline. Please read the guidance.`,
    guidanceTitle: 'Please act now',
    guidanceIntro: 'Some of your answers do not follow the security guideline (telework edition).',
    severity: { violation: 'Against the guideline', caution: 'Check', incident: 'Report' },
    says: 'The guideline',
    now: 'What to do now',
    date: (d) => d,
    yes: 'Yes',
    no: 'No',
  },
};

const cite = (q: Question, lang: Lang) =>
  q.sections.length ? (lang === 'ja' ? `（${q.sections.join(' ')}）` : ` (${q.sections.join(' ')})`) : '';

function input(q: Question, lang: Lang, previous?: Question): Element {
  const s = strings[lang];
  // Cited once per run of questions from the same sections: three "§4" in a row is noise.
  const same = previous && previous.sections.join() === q.sections.join();
  const label = q.label[lang] + (same ? '' : cite(q, lang));
  if (q.type === 'toggle') {
    return {
      type: 'Input.Toggle',
      id: q.id,
      title: label,
      valueOn: 'yes',
      valueOff: 'no',
      value: 'no',
      wrap: true,
      spacing: 'Small',
    };
  }
  if (q.type === 'text') {
    return { type: 'Input.Text', id: q.id, label, isMultiline: true, maxLength: q.maxLength ?? 500, spacing: 'Medium' };
  }
  const choices = (q.choices ?? []).map((c) => ({ title: c.label[lang], value: c.value }));
  return {
    type: 'Input.ChoiceSet',
    id: q.id,
    label,
    // Radio buttons show every option without a tap, and wrap long Japanese labels on a phone; the five-step
    // mood is short and optional, so a compact list keeps the card from growing.
    style: choices.length > 4 ? 'compact' : 'expanded',
    ...(choices.length > 4 ? { placeholder: s.choose } : {}),
    wrap: true,
    isRequired: q.required,
    ...(q.required ? { errorMessage: s.required } : {}),
    choices,
    spacing: 'Medium',
  };
}

/** Action.Execute for Teams, with the Action.Submit fallback that older clients run instead. */
function submitAction(kind: CheckKind, title: string, data: CardData): ExecuteAction {
  const verb = VERBS[kind];
  return {
    type: 'Action.Execute',
    title,
    verb,
    style: 'positive',
    data,
    associatedInputs: 'auto',
    fallback: { type: 'Action.Submit', title, style: 'positive', data: { ...data, verb } },
  };
}

function formCard(kind: CheckKind, lang: Lang, data: CardData): Card {
  const s = strings[lang];
  const questions = kind === 'checkin' ? CHECKIN_QUESTIONS : CHECKOUT_QUESTIONS;
  return card(
    [
      heading(kind === 'checkin' ? s.checkinTitle : s.checkoutTitle),
      text(s.date(data.localDate), { isSubtle: true, spacing: 'None' }),
      text(kind === 'checkin' ? s.checkinIntro : s.checkoutIntro),
      ...questions.flatMap((q, i) => {
        const previous = questions[i - 1];
        // The privacy promise sits right above the first private question, where the person decides.
        const note =
          q.private && !previous?.private
            ? [text(s.privateNote, { isSubtle: true, size: 'Small', spacing: 'Large', separator: true })]
            : [];
        return [...note, input(q, lang, previous)];
      }),
    ],
    [submitAction(kind, kind === 'checkin' ? s.submitCheckin : s.submitCheckout, data)],
  );
}

export function checkinCard(lang: Lang, data: Omit<CardData, 'revision'> & { revision?: string }): Card {
  return formCard('checkin', lang, { ...data, revision: data.revision ?? GUIDELINE_REVISION });
}

export function checkoutCard(lang: Lang, data: Omit<CardData, 'revision'> & { revision?: string }): Card {
  return formCard('checkout', lang, { ...data, revision: data.revision ?? GUIDELINE_REVISION });
}

/** What was recorded, so the person can see it; replaces the form after a submit. */
export function receiptCard(
  lang: Lang,
  kind: CheckKind,
  localDate: string,
  answers: CheckinAnswers,
  findings: readonly Finding[],
): Card {
  const s = strings[lang];
  const questions = kind === 'checkin' ? CHECKIN_QUESTIONS : CHECKOUT_QUESTIONS;
  const facts = questions
    .filter((q) => answers[q.id] !== undefined)
    .map((q) => ({ title: q.short[lang], value: answerText(q, answers[q.id]!, lang) }));
  return card([
    heading(s.receiptTitle[kind]),
    text(s.date(localDate), { isSubtle: true, spacing: 'None' }),
    { type: 'FactSet', facts, spacing: 'Medium' },
    text(findings.length ? s.receiptFindings(findings.length) : s.receiptOk, {
      color: findings.length ? 'Attention' : 'Good',
      weight: 'Bolder',
      spacing: 'Medium',
    }),
  ]);
}

function answerText(q: Question, value: string, lang: Lang): string {
  if (q.type === 'toggle') return value === 'yes' ? strings[lang].yes : strings[lang].no;
  if (q.type === 'text') return value;
  return q.choices?.find((c) => c.value === value)?.label[lang] ?? value;
}

/** One block per finding: what the guideline says, where, and what to do now. */
export function guidanceCard(lang: Lang, findings: readonly Finding[]): Card {
  const s = strings[lang];
  return card([
    heading(s.guidanceTitle),
    text(s.guidanceIntro),
    ...findings.map((f): Container => ({
      type: 'Container',
      style: f.severity === 'caution' ? 'warning' : 'attention',
      spacing: 'Medium',
      bleed: false,
      items: [
        text(`【${s.severity[f.severity]}】${sectionLabel(f.section, lang)}`, { weight: 'Bolder' }),
        text(`${s.says}${lang === 'ja' ? '：' : ': '}${f.says[lang]}`, { size: 'Small', spacing: 'Small' }),
        text(s.now, { weight: 'Bolder', spacing: 'Small' }),
        bullets([f.guidance[lang]]),
      ],
    })),
  ]);
}
