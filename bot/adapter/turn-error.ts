/** What a person sees when their turn fails, and what the log keeps of it (ids and codes, never what they typed). */
import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  StatusCodes,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { errorFacts, type AdapterLog } from './log.ts';

/** What the user sees when a turn fails: never a stack trace. */
export const TURN_ERROR_MESSAGE =
  '申し訳ありません。処理中にエラーが発生しました。時間をおいてもう一度お試しください。\n' +
  'Sorry, something went wrong while processing your request. Please try again later.';

export function turnErrorHandler(log: AdapterLog): (context: TurnContext, error: unknown) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    log.error(
      {
        err: errorFacts(error),
        activityType: activity.type,
        activityName: activity.name,
        conversationId: activity.conversation?.id,
      },
      'turn failed',
    );
    try {
      if (activity.type === ActivityTypes.Invoke) {
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
          const value: InvokeResponse =
            activity.name === 'adaptiveCard/action'
              ? {
                  // Universal Actions error response: Teams shows the message on the card.
                  status: StatusCodes.OK,
                  body: {
                    statusCode: 500,
                    type: 'application/vnd.microsoft.error',
                    value: { code: 'InternalServerError', message: TURN_ERROR_MESSAGE },
                  },
                }
              : { status: StatusCodes.INTERNAL_SERVER_ERROR };
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
        }
      } else if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(MessageFactory.text(TURN_ERROR_MESSAGE));
      }
    } catch (sendError) {
      log.warn({ err: errorFacts(sendError) }, 'could not tell the user that the turn failed');
    }
  };
}
