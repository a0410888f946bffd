/**
 * The first thing a turn does: check the ids an activity carries and clean every string in it, before any route
 * runs or anything is stored. Ids of the wrong shape are refused (a "repaired" id would name someone else); text is
 * repaired (src/input/text.ts), so a stray NUL or half an emoji in a question, a note or a name still gets an answer.
 */
import type { Activity } from 'botbuilder';
import {
  cleanJson,
  isGuid,
  isLanguageTag,
  isLooseObjectId,
  isObject,
  isTeamsId,
  looksLikeTimeZone,
} from '../src/input/index.ts';
import { isValidTimeZone } from '../src/schedule/time.ts';

export type InboundProblem =
  /** from, recipient or conversation is not an object, or a member list is not a list of accounts. */
  | 'bad-shape'
  /** A Teams id (user, bot, conversation, activity) of the wrong shape or length: nowhere to answer. */
  | 'bad-address'
  /** from.aadObjectId is not an Entra object id. */
  | 'bad-user-id'
  /** The tenant id is not an Entra tenant id. */
  | 'bad-tenant-id'
  /** Nested deeper than any Teams activity is. */
  | 'too-deep';

export interface InboundOptions {
  /** Accept the GUID-like ids test tools invent (anonymous local mode only). */
  looseObjectIds?: boolean;
}

/** Display names in Entra ID are at most 256 characters. */
const MAX_NAME_LENGTH = 256;
const MAX_DEPTH = 32;

/** Checks and cleans `activity` in place; returns why it is refused, or undefined when it may be routed. */
export function inspectInbound(activity: Activity, options: InboundOptions = {}): InboundProblem | undefined {
  const a = activity as unknown as Record<string, unknown>;
  const objectId = options.looseObjectIds ? isLooseObjectId : isGuid;

  for (const key of ['from', 'recipient', 'conversation'] as const) {
    const account = a[key];
    if (account === undefined || account === null) continue;
    if (!isObject(account)) return 'bad-shape';
    for (const field of ['name', 'conversationType'] as const) {
      if (account[field] !== undefined && account[field] !== null && typeof account[field] !== 'string')
        return 'bad-shape';
    }
  }
  if (a.channelData !== undefined && a.channelData !== null && !isObject(a.channelData)) return 'bad-shape';
  for (const key of ['membersAdded', 'membersRemoved'] as const) {
    const members = a[key];
    if (members === undefined || members === null) continue;
    if (!Array.isArray(members) || !members.every((m) => isObject(m) && isTeamsId(m.id))) return 'bad-shape';
    if (members.some((m) => m.aadObjectId !== undefined && !objectId(m.aadObjectId))) return 'bad-user-id';
  }
  for (const key of ['text', 'name', 'locale', 'localTimezone'] as const) {
    if (a[key] !== undefined && a[key] !== null && typeof a[key] !== 'string') return 'bad-shape';
  }

  const from = a.from as Record<string, unknown> | undefined;
  const conversation = a.conversation as Record<string, unknown> | undefined;
  const recipient = a.recipient as Record<string, unknown> | undefined;
  const optionalId = (v: unknown) => v === undefined || v === null || isTeamsId(v);
  if (
    !optionalId(a.id) ||
    !optionalId(a.replyToId) ||
    !optionalId(from?.id) ||
    !optionalId(recipient?.id) ||
    !optionalId(conversation?.id)
  ) {
    return 'bad-address';
  }
  if (from?.aadObjectId !== undefined && from.aadObjectId !== null && !objectId(from.aadObjectId)) return 'bad-user-id';
  const tenant = (activity.channelData as { tenant?: unknown } | undefined)?.tenant;
  if (tenant !== undefined && tenant !== null && !isObject(tenant)) return 'bad-shape';
  for (const tenantId of [conversation?.tenantId, (tenant as { id?: unknown } | undefined)?.id]) {
    if (tenantId !== undefined && tenantId !== null && !objectId(tenantId)) return 'bad-tenant-id';
  }

  // Every string the turn may show, compare or store (text, value, names, the conversation reference) is cleaned.
  for (const key of Object.keys(a)) {
    const cleaned = cleanJson(a[key], MAX_DEPTH);
    if (!cleaned.ok) return 'too-deep';
    a[key] = cleaned.value;
  }
  if (typeof from?.name === 'string') from.name = from.name.slice(0, MAX_NAME_LENGTH).replace(/[\ud800-\udbff]$/, '');
  // Where Teams sends a language or zone nobody has, the person gets the defaults (Japanese, Asia/Tokyo).
  if (a.locale !== undefined && !isLanguageTag(a.locale)) delete a.locale;
  if (a.localTimezone !== undefined && !(looksLikeTimeZone(a.localTimezone) && isValidTimeZone(a.localTimezone))) {
    delete a.localTimezone;
  }
  return undefined;
}

/** Whether a refusal can still be answered in the conversation (only the sender's ids were wrong). */
export function canReply(problem: InboundProblem): boolean {
  return problem === 'bad-user-id' || problem === 'bad-tenant-id';
}
