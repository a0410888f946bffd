/** Anything typed that is no command is a question for the answer engine. */
import { MAX_QUESTION_LENGTH } from '../src/core.ts';
import { answerCard } from './cards/answer.ts';
import { errorCard } from './cards/error.ts';
import type { Turn } from './router.ts';

export async function answerQuestion(turn: Turn): Promise<void> {
  const { ctx, core, lang, text } = turn;
  if (text.length > MAX_QUESTION_LENGTH) return turn.sendCard(errorCard(lang, 'too-long'), 'error.sent');
  const result = await core.ask({ aadObjectId: ctx.activity.from?.aadObjectId }, text);
  await turn.sendCard(answerCard(result), undefined, result.text);
}
