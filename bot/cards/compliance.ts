import type { ComplianceRenderer } from '../../src/checkin/notify.ts';
import { sectionLabel } from '../../src/guideline/index.ts';
import type { Strings } from '../locale.ts';
import { bullets, card, heading, text } from './card.ts';

const strings: Strings<{
  urgentTitle: string;
  title: string;
  intro: (name: string, date: string, kind: string) => string;
  kind: { checkin: string; checkout: string };
  someone: string;
  next: string;
}> = {
  ja: {
    urgentTitle: '【至急】セキュリティ事故の報告',
    title: 'テレワークのガイドライン違反のお知らせ',
    intro: (name, date, kind) => `${name} さんの ${date} の${kind}で、次の点がありました。`,
    kind: { checkin: '開始チェック', checkout: '終了チェック' },
    someone: '従業員',
    next: 'ご本人に連絡のうえ、必要な対応をお願いします。',
  },
  en: {
    urgentTitle: 'URGENT: security incident reported',
    title: 'Telework guideline finding',
    intro: (name, date, kind) => `${name}'s ${kind} on ${date} showed the following.`,
    kind: { checkin: 'check-in', checkout: 'check-out' },
    someone: 'An employee',
    next: 'Please contact them and take the necessary action.',
  },
};

/** What a security contact or manager receives: the findings only — never mood, the wish to talk, or notes. */
export const complianceRenderer: ComplianceRenderer = {
  render(lang, notice) {
    const s = strings[lang];
    const name = notice.about.name ?? s.someone;
    const title = notice.urgent ? s.urgentTitle : s.title;
    return {
      summary: `${title}: ${name}`,
      card: card([
        heading(title),
        text(s.intro(name, notice.localDate, s.kind[notice.kind])),
        bullets(notice.findings.map((f) => `${sectionLabel(f.section, lang)}：${f.says[lang]}`)),
        text(s.next, { spacing: 'Medium' }),
      ]),
    };
  },
};
