/**
 * What the delivery engine needs from the channel. bot/messenger.ts implements Messenger with the Bot Framework;
 * tests and benches use that same implementation against the local Teams channel.
 */
import type { ConversationReference } from '../ports.ts';

/** What a person receives: an Adaptive Card or plain text, and the one-line summary shown in notifications. */
export interface DeliveryPayload {
  summary: string;
  text?: string;
  card?: Record<string, unknown>;
}

/** A failed call to the channel. status 0 = no HTTP answer (network error, timeout). */
export interface SendFailure {
  ok: false;
  status: number;
  /** From Retry-After, when the channel gave one. */
  retryAfterMs?: number;
  reason: string;
}

export type SendResult = { ok: true; activityId: string } | SendFailure;

export type CreateConversationResult =
  { ok: true; reference: ConversationReference; conversationId: string } | SendFailure;

export interface Recipient {
  aadObjectId: string;
  tenantId: string;
}

export interface Messenger {
  send(reference: ConversationReference, payload: DeliveryPayload): Promise<SendResult>;
  /** Opens (or finds) the 1:1 conversation between the bot and the person. */
  createConversation(recipient: Recipient): Promise<CreateConversationResult>;
}

/** Installs the app for a person (Microsoft Graph, written elsewhere). Optional; off by default. */
export interface AppInstaller {
  install(recipient: Recipient): Promise<{ ok: true } | { ok: false; reason: string }>;
}
