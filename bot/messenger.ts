/**
 * The delivery engine's Messenger on the Bot Framework: proactive sends through CloudAdapter with a stored
 * conversation reference, and 1:1 conversations opened with POST /v3/conversations. Give it an adapter made with
 * `createAdapter(auth, log, { connectorRetries: false })`, so that a 429 or 5xx comes back here at once with its
 * Retry-After instead of being retried inside botbuilder.
 */
import {
  ActivityTypes,
  CardFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference as BotConversationReference,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { ConversationReference } from '../src/ports.ts';
import type { CreateConversationResult, DeliveryPayload, Messenger, SendFailure } from '../src/delivery/ports.ts';

/** Teams' global Bot Connector endpoint; a tenant's regional one works too. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export interface BotMessengerOptions {
  adapter: CloudAdapter;
  /** The bot's app id (empty in anonymous local mode). */
  appId?: string;
  /** Where new conversations are opened (DELIVERY_SERVICE_URL, default Teams' global endpoint). */
  serviceUrl?: string;
  /** Bot account name shown in created conversations. */
  botName?: string;
}

export function createBotMessenger(o: BotMessengerOptions): Messenger {
  const appId = o.appId ?? '';
  const serviceUrl = o.serviceUrl ?? TEAMS_SERVICE_URL;
  return {
    async send(reference, payload) {
      let activityId: string | undefined;
      let failed: unknown;
      try {
        const ref = { ...reference, activityId: undefined } as Partial<BotConversationReference>;
        await o.adapter.continueConversationAsync(appId, ref, async (ctx) => {
          // POST /v3/conversations/{id}/activities: a new message, not a reply to the synthetic continuation activity
          // (ctx.sendActivity would reply to it).
          const connector = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
          const activity = TurnContext.applyConversationReference(toActivity(payload), ref);
          try {
            const sent = await connector.conversations.sendToConversation(
              activity.conversation!.id,
              activity as Activity,
            );
            activityId = sent.id;
          } catch (err) {
            // Thrown out of the turn it would go to the adapter's onTurnError (which answers the user); keep it here.
            failed = err;
          }
        });
        if (failed !== undefined) return failureOf(failed);
      } catch (err) {
        return failureOf(err);
      }
      return { ok: true, activityId: activityId ?? '' };
    },

    async createConversation(recipient): Promise<CreateConversationResult> {
      const parameters = {
        isGroup: false,
        bot: { id: `28:${appId}`, name: o.botName ?? '' },
        members: [{ id: recipient.aadObjectId, name: '' }],
        tenantId: recipient.tenantId,
        channelData: { tenant: { id: recipient.tenantId } },
      } as ConversationParameters;
      let reference: ConversationReference | undefined;
      try {
        await o.adapter.createConversationAsync(
          appId,
          'msteams',
          serviceUrl,
          undefined as unknown as string, // the connector factory's own audience (the bot's OAuth scope)
          parameters,
          async (ctx) => {
            const ref = TurnContext.getConversationReference(ctx.activity);
            reference = JSON.parse(
              JSON.stringify({ ...ref, user: { id: recipient.aadObjectId, aadObjectId: recipient.aadObjectId } }),
            );
          },
        );
      } catch (err) {
        return failureOf(err);
      }
      const conversationId = (reference?.conversation as { id?: string } | undefined)?.id;
      if (!reference || !conversationId) return { ok: false, status: 0, reason: 'no conversation id returned' };
      return { ok: true, reference, conversationId };
    },
  };
}

function toActivity(payload: DeliveryPayload): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, summary: payload.summary };
  if (payload.card) activity.attachments = [CardFactory.adaptiveCard(payload.card)];
  if (payload.text !== undefined) activity.text = payload.text;
  else if (!payload.card) activity.text = payload.summary;
  return activity;
}

interface RestErrorLike {
  statusCode?: number;
  message?: string;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

/** Maps botbuilder's RestError (HTTP status, Retry-After, Teams' error code/message) to a SendFailure. */
export function failureOf(err: unknown): SendFailure {
  const e = (err ?? {}) as RestErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'));
  let reason = e.message ?? String(err);
  const body = e.response?.bodyAsText;
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
      if (parsed.error) reason = [parsed.error.code, parsed.error.message].filter(Boolean).join(': ');
    } catch {
      // not JSON: keep the error message
    }
  }
  return { ok: false, status, reason: reason.slice(0, 300), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
