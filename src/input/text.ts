/**
 * Text a person typed, made safe to compare, store and show. PostgreSQL refuses NUL in text and any lone UTF-16
 * surrogate in jsonb, so both must be gone before anything reaches a store; the rest keeps what the person meant.
 */

// C0 controls except tab and newline, DEL, and the C1 block: invisible, never typed on purpose, and NUL breaks storage.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * NFC (so 「ガ」 typed as カ + combining mark compares equal to the precomposed one), line breaks as \n, controls
 * dropped, and a lone surrogate replaced with U+FFFD: a broken half of an emoji is shown as �, not refused.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, REPLACEMENT_CHARACTER)
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .normalize('NFC');
}

/**
 * The form a typed command is compared in: NFKC folds full-width ｃｈｅｃｋｉｎ and half-width ﾁｪｯｸｲﾝ to what the
 * table lists, case is ignored, runs of spaces are one, and a closing 。 or ！ does not matter.
 */
export function commandKey(typed: string): string {
  return cleanText(typed)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[。．.！!]+$/u, '')
    .trim();
}

export type CleanResult<T> = { ok: true; value: T } | { ok: false; problem: 'too-deep' };

/** A JSON object (not null, not an array): the shape of an activity's parts, a card's data, a request body. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Cleans every string (values and keys) in a JSON value, as a submitted card's data is: arbitrary nesting from the
 * wire is walked without recursion, and anything nested deeper than `maxDepth` is refused rather than walked.
 */
export function cleanJson(value: unknown, maxDepth = 16): CleanResult<unknown> {
  const root = { v: value as unknown };
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [
    { holder: root as unknown as Record<string, unknown>, key: 'v', depth: 0 },
  ];
  while (stack.length) {
    const { holder, key, depth } = stack.pop()!;
    const v = (holder as Record<string | number, unknown>)[key];
    if (typeof v === 'string') {
      (holder as Record<string | number, unknown>)[key] = cleanText(v);
      continue;
    }
    if (!v || typeof v !== 'object' || !isPlain(v)) continue;
    if (depth >= maxDepth) return { ok: false, problem: 'too-deep' };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ holder: v, key: i, depth: depth + 1 });
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const clean = cleanText(k);
      if (clean !== k) {
        const moved = o[k];
        delete o[k];
        o[clean] = moved;
      }
      stack.push({ holder: o, key: clean, depth: depth + 1 });
    }
  }
  return { ok: true, value: root.v };
}

/** Arrays and object literals from JSON.parse; Dates and class instances botbuilder put there are left alone. */
function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
