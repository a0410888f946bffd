import { TurnContext, type Activity } from 'botbuilder';
import type { UserSighting } from '../src/ports.ts';

/** The tenant an activity comes from: the conversation's, else the one in Teams' channel data. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return (
    activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id
  );
}

/** What a Teams activity tells us about the person behind it; undefined when it names no Entra ID user. */
export function sightingOf(activity: Activity, withReference: boolean): UserSighting | undefined {
  const aadObjectId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!aadObjectId || !tenantId) return undefined;
  // Only a personal (1:1) conversation is somewhere the bot may later write to this person alone.
  const personal = (activity.conversation?.conversationType ?? 'personal') === 'personal';
  const reference = withReference && personal ? TurnContext.getConversationReference(activity) : undefined;
  return {
    aadObjectId,
    tenantId,
    teamsUserId: activity.from.id,
    name: activity.from.name || undefined,
    locale: activity.locale || undefined,
    timeZone: activity.localTimezone || undefined,
    conversationId: personal ? activity.conversation?.id : undefined,
    conversationReference: reference
      ? (JSON.parse(JSON.stringify({ ...reference, activityId: undefined })) as Record<string, unknown>)
      : undefined,
  };
}
