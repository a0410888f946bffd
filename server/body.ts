/**
 * PROVISIONAL (admin branch): request bodies read with a hard limit. The edge work brings the real module with the
 * same interface; this one only refuses what it cannot read safely (any Content-Encoding) instead of inflating it.
 */
import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
  ) {
    super(code);
    this.name = 'BodyError';
  }
}

export async function readBody(req: IncomingMessage, opts: { maxBytes: number }): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') throw new BodyError(415, 'unsupported_content_encoding');
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > opts.maxBytes) throw new BodyError(413, 'body_too_large');

  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise<Buffer>((resolve, reject) => {
    const fail = (err: BodyError) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      // Whatever is still coming is discarded, not kept.
      req.resume();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.maxBytes) return fail(new BodyError(413, 'body_too_large'));
      chunks.push(chunk);
    };
    const onEnd = () => {
      req.off('close', onClose);
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => fail(new BodyError(400, 'body_unreadable'));
    // A client that goes away mid-upload must not leave the request waiting for ever.
    const onClose = () => fail(new BodyError(400, 'body_unreadable'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

export async function readJson(req: IncomingMessage, opts: { maxBytes: number }): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new BodyError(415, 'json_required');
  const body = await readBody(req, opts);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new BodyError(400, 'malformed_json');
  }
}
