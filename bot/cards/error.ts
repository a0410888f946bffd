import type { Lang, Strings } from '../locale.ts';
import { card, text, type Card } from './card.ts';

export type Problem = 'internal' | 'unsupported' | 'too-long' | 'empty' | 'unverified';

const strings: Strings<Record<Problem, string>> = {
  ja: {
    internal: '申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。',
    unsupported: 'この操作には対応していません。「ヘルプ」と入力すると、使い方を確認できます。',
    'too-long': '質問が長すぎます。500文字以内で、知りたいことを一つずつ入力してください。',
    empty: '質問を文章で入力してください。「ヘルプ」で使い方を表示します。',
    unverified:
      'Teams から届いた利用者の情報を確認できなかったため、このメッセージは処理していません。何も記録されていません。解決しない場合は管理部門にお問い合わせください。',
  },
  en: {
    internal: 'Sorry, something went wrong on our side. Please try again in a moment.',
    unsupported: 'That action is not supported. Type "help" to see what I can do.',
    'too-long': 'That question is too long. Please ask one thing at a time, in 500 characters or fewer.',
    empty: 'Please type your question. Type "help" to see what I can do.',
    unverified:
      'The account details Teams sent with this message could not be verified, so it was not processed and nothing was recorded. If this keeps happening, please contact the administration department.',
  },
};

export function errorCard(lang: Lang, problem: Problem): Card {
  return card([text(strings[lang][problem], { color: problem === 'internal' ? 'Attention' : 'Default' })]);
}
