/**
 * Everything the bot understands, in one table: each feature's typed commands and card verbs, then questions.
 * A new feature (the pledge, roll call) adds its module to this list and nothing else.
 */
import { answerQuestion } from './answer.ts';
import { checkin } from './checkin.ts';
import { help } from './help.ts';
import { routeTable } from './router.ts';

export const ROUTES = routeTable([checkin, help], answerQuestion);
