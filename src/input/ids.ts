/**
 * Identifiers from outside, checked by shape before anything looks them up or stores them. An id is refused, never
 * repaired: a "fixed" id would name someone else.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra ID object id or tenant id: always a GUID. */
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** The users table keeps an object id in at most 64 characters (001_users_audit.sql). */
export const MAX_OBJECT_ID_LENGTH = 64;

/**
 * Test tools (the Microsoft 365 Agents Playground) invent GUID-like ids with a longer last group; accepted only
 * where the caller opts in (anonymous local mode), and still bounded and plain.
 */
export function isLooseObjectId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z-]{1,64}$/i.test(value);
}

/**
 * Teams' own ids ("29:1…" users, "28:…" bots, "a:1…" and "19:…@thread.v2;messageid=…" conversations, message ids)
 * are printable ASCII well under this; an id longer than this did not come from Teams.
 */
export const MAX_TEAMS_ID_LENGTH = 512;

export function isTeamsId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEAMS_ID_LENGTH && /^[\x21-\x7e]+$/.test(value);
}

/** A BCP 47 language tag as Teams sends it ("ja-JP", "en-US"), bounded as RFC 5646 suggests. */
export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 35 && /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i.test(value);
}

/** The shape of an IANA zone name ("Asia/Tokyo", "Etc/GMT+9"); whether Node knows it is src/schedule/time.ts's call. */
export function looksLikeTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && /^[a-z0-9_+\-/]+$/i.test(value);
}
