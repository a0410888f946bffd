/**
 * The part of token validation that needs no key and no body: whether the Authorization header can carry a channel
 * token at all. Run before the request body is read, so a caller without one costs the server a header parse.
 * Everything it refuses, botbuilder would refuse too; everything it lets through, botbuilder still validates in full.
 */
import { AuthenticationConstants } from 'botframework-connector';
import { isObject } from '../../src/input/index.ts';

// botbuilder's clock tolerance for exp/nbf (5 minutes, in every *Validation's token parameters).
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const TOKEN_SHAPE = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function segment(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `authorization` cannot hold a token botbuilder would accept, as a log code; undefined = pass it on for full
 * validation. botbuilder itself splits on one space and wants the scheme spelled exactly `Bearer`.
 */
export function bearerProblem(authorization: string | undefined, nowSeconds = Date.now() / 1000): string | undefined {
  if (!authorization) return 'no-token';
  if (!authorization.startsWith('Bearer ')) return 'not-bearer';
  const shape = TOKEN_SHAPE.exec(authorization);
  if (!shape) return authorization.endsWith('.') ? 'unsigned' : 'malformed';
  const header = segment(shape[1]!);
  const payload = segment(shape[2]!);
  if (!header || !payload) return 'malformed';
  if (!AuthenticationConstants.AllowedSigningAlgorithms.includes(String(header.alg))) return 'wrong-algorithm';
  if (typeof payload.exp === 'number' && payload.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) return 'expired';
  if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) return 'not-yet-valid';
  return undefined;
}
