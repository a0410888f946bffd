/**
 * Request bodies, read within a limit that counts what the body becomes, not what it costs to send.
 *
 * A compressed body is inflated as it arrives and refused the moment its decoded size passes the limit, so a small
 * gzip bomb costs the server a few hundred kilobytes rather than the gigabytes it claims. Nothing here throws past the
 * returned promise: a broken stream, a client that stops or goes away, and a body that is not what its headers say
 * all end as a `BodyError` with a 4xx status for the caller to send.
 */
import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
  ) {
    super(`request body refused: ${code}`);
    this.name = 'BodyError';
  }
}

// `gzip, gzip` is legal HTTP; more layers than that is never a real client.
const MAX_LAYERS = 2;
// A client silent this long in the middle of a body is stuck or stalling on purpose; one that trickles a byte at a
// time gets the whole body's deadline instead. Teams sends an activity in one go.
const IDLE_MS = 5_000;
const TOTAL_MS = 30_000;
// After a refusal the rest of the body is read and dropped so the connection stays usable; past this much (or this
// long) the client is only wasting the server's time, and the connection is cut instead.
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 5_000;

type Decoder = Gunzip | Inflate;

/** The decoders for a Content-Encoding header, outermost coding last (as the header lists them). */
function decodersFor(header: string | string[] | undefined): Decoder[] {
  const codings = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > MAX_LAYERS) throw new BodyError(415, 'too-many-encodings');
  for (const c of codings) {
    if (c !== 'gzip' && c !== 'x-gzip' && c !== 'deflate') throw new BodyError(415, 'unsupported-encoding');
  }
  // The last coding listed was applied last, so it comes off first.
  return codings.reverse().map((c) => (c === 'deflate' ? createInflate() : createGunzip()));
}

/** Reads a request body (identity, gzip or deflate), refusing as soon as the decoded size passes maxBytes. */
export function readBody(req: IncomingMessage, opts: { maxBytes: number }): Promise<Buffer> {
  const { maxBytes } = opts;
  let decoders: Decoder[];
  // Someone already read it: there is nothing left to wait for.
  if (req.readableEnded) return Promise.reject(new BodyError(400, 'body-already-read'));
  try {
    decoders = decodersFor(req.headers['content-encoding']);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) throw new BodyError(413, 'too-large');
  } catch (err) {
    drain(req);
    return Promise.reject(err);
  }

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => fail(new BodyError(400, 'body-timeout')), TOTAL_MS);

    const cleanup = () => {
      clearTimeout(idle);
      clearTimeout(deadline);
      req.off('data', onWire);
      req.off('end', onWireEnd);
      req.off('error', onAbort);
      req.off('close', onClose);
      for (const d of decoders) {
        d.removeAllListeners('data');
        d.removeAllListeners('end');
        d.on('error', () => {}); // a late zlib error after destroy has nowhere to go
        d.destroy();
      }
    };
    const fail = (err: BodyError) => {
      if (settled) return;
      settled = true;
      cleanup();
      if (!req.complete && !req.destroyed) drain(req);
      reject(err);
    };
    const succeed = () => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new BodyError(400, 'body-timeout')), IDLE_MS);
    };

    // Every stage counts its own output against the limit: the bytes on the wire, each inflated layer, the result.
    const limited = (sink: (chunk: Buffer) => void) => {
      let seen = 0;
      return (chunk: Buffer) => {
        if (settled) return;
        seen += chunk.length;
        if (seen > maxBytes) return fail(new BodyError(413, 'too-large'));
        sink(chunk);
      };
    };

    const collect = limited((chunk) => chunks.push(chunk));
    // Wire each decoder's output into the next one (or the collector), honouring backpressure.
    let write: (chunk: Buffer) => void = collect;
    let endInput: () => void = succeed;
    for (let i = decoders.length - 1; i >= 0; i--) {
      const d = decoders[i]!;
      const next = write;
      const nextEnd = endInput;
      d.on('data', limited(next));
      d.on('end', () => nextEnd());
      d.on('error', () => fail(new BodyError(400, 'malformed-encoding')));
      write = (chunk) => {
        if (!d.write(chunk)) {
          req.pause();
          d.once('drain', () => {
            if (!settled) req.resume();
          });
        }
      };
      endInput = () => d.end();
    }

    const onWire = limited((chunk) => {
      armIdle();
      write(chunk);
    });
    const onWireEnd = () => {
      clearTimeout(idle);
      endInput();
    };
    const onAbort = () => fail(new BodyError(400, 'incomplete-body'));
    const onClose = () => {
      if (!req.complete) onAbort();
    };

    req.on('data', onWire);
    req.on('end', onWireEnd);
    req.on('error', onAbort);
    req.on('close', onClose);
    armIdle();
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
// An activity or an admin request is a few levels deep; thousands of levels parse fine but overflow the stack of
// whatever later clones, stringifies or logs the value (pg's jsonb parameters, structuredClone, pino).
const MAX_JSON_DEPTH = 64;

/** True when `text` nests arrays/objects deeper than `max` (brackets inside strings do not count). */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Reads a JSON body: 415 unless the content type is JSON in UTF-8, 400 when the text is not one JSON value or nests
 * deeper than MAX_JSON_DEPTH.
 */
export async function readJson(req: IncomingMessage, opts: { maxBytes: number }): Promise<unknown> {
  const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (!JSON_TYPE.test(type) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    drain(req);
    throw new BodyError(415, 'not-json');
  }
  const bytes = await readBody(req, opts);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // also drops a leading BOM
  } catch {
    throw new BodyError(400, 'not-utf8');
  }
  if (text.trim() === '') throw new BodyError(400, 'empty-body');
  if (nestsDeeper(text, MAX_JSON_DEPTH)) throw new BodyError(400, 'too-deep');
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'malformed-json');
  }
}

/**
 * Reads and drops whatever is left of a refused body, so the refusal reaches the client and the connection can carry
 * its next request. A client that keeps sending past DRAIN_BYTES is no longer read (TCP holds it back) while the
 * refusal is written, and loses the connection after DRAIN_MS: cutting at once would drop the refusal unsent.
 */
function drain(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let left = DRAIN_BYTES;
  const timer = setTimeout(() => req.socket?.destroy(), DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) req.pause();
  });
  req.once('close', () => clearTimeout(timer));
  req.on('error', () => {});
  req.resume();
}
