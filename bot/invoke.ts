/**
 * The answers to an invoke activity, in one place. For `adaptiveCard/action` the HTTP status is 200 and the body says
 * what Teams should do (Universal Actions response); every other invoke is answered by its HTTP status.
 */
import type { InvokeResponse } from 'botbuilder';
import type { Card } from './cards/card.ts';

/** Teams replaces the card the person acted on with this one. */
export function cardResponse(card: Card): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

/** Teams leaves the card as it was and shows this short text under it. */
export function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}

/** A Universal Actions error: Teams shows the message on the card. */
export function errorResponse(statusCode: 400 | 500, code: string, message: string): InvokeResponse {
  return {
    status: statusCode === 400 ? 400 : 200,
    body: { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}

/** A malformed invoke: the caller learns the reason code, never anything about the server. */
export function badRequest(code: string): InvokeResponse {
  return { status: 400, body: { error: 'bad_request', code } };
}
