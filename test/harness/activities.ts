/**
 * Builders for the activities Teams sends to a bot, in the shape Teams sends them (personal scope by default).
 * Builders return partial activities; `LocalChannel.send` fills the Teams defaults (`withTeamsDefaults`).
 */
import { randomUUID } from 'node:crypto';

/** A loosely typed Bot Framework activity (what goes over the wire). */
export type WireActivity = Record<string, unknown> & {
  type: string;
  id?: string;
  text?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: Record<string, unknown>;
  recipient?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  channelData?: Record<string, unknown>;
};

export interface TeamsUser {
  /** The Teams user id, "29:1…". */
  id: string;
  aadObjectId: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
  userPrincipalName: string;
  tenantId: string;
  userRole: 'user' | 'guest' | 'anonymous';
  /** Whether the app is installed in the user's personal scope (createConversation answers 403 when not). */
  installed: boolean;
}

export interface TeamsDefaultsContext {
  serviceUrl: string;
  botId: string; // "28:<appId>"
  botName: string;
  tenantId: string;
  user: TeamsUser;
  /** The personal (1:1) conversation id of `user` with the bot. */
  conversationId: string;
}

let messageIdSeq = Date.now();

/** Teams message ids are epoch-millisecond strings. */
export function nextTeamsMessageId(): string {
  messageIdSeq += 1;
  return String(messageIdSeq);
}

/** "2025-01-02T09:03:04.567+09:00" — Teams' localTimestamp for Asia/Tokyo. */
export function tokyoLocalTimestamp(date = new Date()): string {
  const shifted = new Date(date.getTime() + 9 * 3600_000);
  return `${shifted.toISOString().slice(0, -1)}+09:00`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A user message (text; optionally with `value` for Action.Submit). */
export function message(
  text: string,
  overrides: Partial<WireActivity> = {},
): Partial<WireActivity> & { type: 'message' } {
  return { type: 'message', text, textFormat: 'plain', ...overrides } as Partial<WireActivity> & { type: 'message' };
}

/** conversationUpdate "membersAdded: [bot]" — what Teams sends when the app is added to a personal chat or team. */
export function conversationUpdateBotAdded(
  bot: { botId: string; botName?: string },
  overrides: Partial<WireActivity> = {},
): Partial<WireActivity> {
  return {
    type: 'conversationUpdate',
    id: `f:${randomUUID()}`,
    membersAdded: [{ id: bot.botId, ...(bot.botName ? { name: bot.botName } : {}) }],
    ...overrides,
  };
}

/** conversationUpdate "membersRemoved: [bot]". */
export function conversationUpdateBotRemoved(
  bot: { botId: string },
  overrides: Partial<WireActivity> = {},
): Partial<WireActivity> {
  return { type: 'conversationUpdate', id: `f:${randomUUID()}`, membersRemoved: [{ id: bot.botId }], ...overrides };
}

/** installationUpdate add / remove (personal scope unless the overrides give a team conversation). */
export function installationUpdate(
  action: 'add' | 'remove' | 'add-upgrade' | 'remove-upgrade',
  overrides: Partial<WireActivity> = {},
): Partial<WireActivity> {
  return {
    type: 'installationUpdate',
    id: `f:${randomUUID()}`,
    action,
    ...overrides,
    channelData: { source: { name: 'message' }, ...(isObject(overrides.channelData) ? overrides.channelData : {}) },
  };
}

/** invoke adaptiveCard/action — an Adaptive Card Action.Execute (Universal Actions). */
export function adaptiveCardAction(
  action: {
    verb: string;
    data?: Record<string, unknown>;
    actionId?: string;
    replyToId?: string;
    trigger?: 'manual' | 'automatic';
  },
  overrides: Partial<WireActivity> = {},
): Partial<WireActivity> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(action.replyToId ? { replyToId: action.replyToId } : {}),
    value: {
      action: {
        type: 'Action.Execute',
        id: action.actionId ?? randomUUID(),
        verb: action.verb,
        data: action.data ?? {},
      },
      trigger: action.trigger ?? 'manual',
    },
    ...overrides,
  };
}

/** A channel message in a team (conversationType "channel", channelData.team/channel). */
export function channelConversation(team: {
  teamId: string;
  channelId?: string;
  teamName?: string;
  channelName?: string;
}): Partial<WireActivity> {
  const channelId = team.channelId ?? team.teamId;
  return {
    conversation: { id: channelId, conversationType: 'channel', isGroup: true },
    channelData: {
      team: { id: team.teamId, ...(team.teamName ? { name: team.teamName } : {}) },
      channel: { id: channelId, ...(team.channelName ? { name: team.channelName } : {}) },
    },
  };
}

/**
 * Fills what Teams puts on every activity: channelId msteams, serviceUrl, from (29:…, aadObjectId, name),
 * recipient (28:<appId>), conversation (personal, tenantId), channelData.tenant, locale ja-JP, Asia/Tokyo,
 * timestamps, id, clientInfo entity. Explicit fields in `partial` win; objects are merged one level deep.
 */
export function withTeamsDefaults(partial: Partial<WireActivity>, ctx: TeamsDefaultsContext): WireActivity {
  const now = new Date();
  const from = { id: ctx.user.id, name: ctx.user.name, aadObjectId: ctx.user.aadObjectId };
  const conversation = { conversationType: 'personal', tenantId: ctx.tenantId, id: ctx.conversationId };
  const partialConversation = isObject(partial.conversation) ? partial.conversation : {};
  const partialChannelData = isObject(partial.channelData) ? partial.channelData : {};
  const activity: WireActivity = {
    type: 'message',
    id: nextTeamsMessageId(),
    timestamp: now.toISOString(),
    localTimestamp: tokyoLocalTimestamp(now),
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    locale: 'ja-JP',
    localTimezone: 'Asia/Tokyo',
    entities: [{ type: 'clientInfo', locale: 'ja-JP', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
    ...partial,
    from: { ...from, ...(isObject(partial.from) ? partial.from : {}) },
    recipient: { id: ctx.botId, name: ctx.botName, ...(isObject(partial.recipient) ? partial.recipient : {}) },
    conversation: { ...conversation, ...partialConversation },
    channelData: {
      ...partialChannelData,
      tenant: { id: ctx.tenantId, ...(isObject(partialChannelData.tenant) ? partialChannelData.tenant : {}) },
    },
  };
  if (activity.type !== 'message') {
    delete activity.entities;
    if (partial.id === undefined && typeof activity.id === 'string' && /^\d+$/.test(activity.id))
      activity.id = `f:${randomUUID()}`;
  }
  return activity;
}
