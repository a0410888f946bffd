import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a call was refused, as the audit log records it (never the token itself). */
export type Refusal = 'missing_token' | 'malformed_authorization' | 'wrong_token';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <token>` against the configured token. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or the first differing character of what was presented.
 */
export function bearerCheck(token: string): (authorization: string | undefined) => Refusal | undefined {
  const expected = digest(token);
  return (authorization) => {
    if (!authorization) return 'missing_token';
    const m = /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization);
    if (!m) return 'malformed_authorization';
    return timingSafeEqual(digest(m[1]!), expected) ? undefined : 'wrong_token';
  };
}
