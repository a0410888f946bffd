import type { Lang, Strings } from '../locale.ts';
import { text, type Container } from './card.ts';

// Until pledge signing lands in the app, the first check-in card states the requirement in the guideline's words.
const strings: Strings<{ title: string; body: string; quote: string }> = {
  ja: {
    title: '初めてテレワークを行う方へ（§0）',
    body: '初めて在宅勤務を行う前に、「在宅勤務時のセキュリティ遵守に関する誓約書」の提出が必要です。まだ提出していない場合は、管理部門に確認してください。',
    quote:
      '「初めて在宅勤務を実行する時には、『在宅勤務時のセキュリティ遵守に関する誓約書』の事前提出が必要です。（管理部門に確認して下さい）」',
  },
  en: {
    title: 'Before your first telework day (§0)',
    body: 'Before you work from home for the first time, the telework security pledge (在宅勤務時のセキュリティ遵守に関する誓約書) must be submitted. If you have not, please ask the administration department.',
    quote: '',
  },
};

export function pledgeNotice(lang: Lang): Container {
  const s = strings[lang];
  return {
    type: 'Container',
    style: 'emphasis',
    bleed: true,
    items: [
      text(s.title, { weight: 'Bolder' }),
      text(s.body, { spacing: 'Small' }),
      ...(s.quote ? [text(s.quote, { isSubtle: true, size: 'Small', spacing: 'Small' })] : []),
    ],
  };
}
