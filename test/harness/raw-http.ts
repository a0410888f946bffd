/**
 * A deliberately naive HTTP/1.1 client over a plain TCP socket, for requests `fetch` will not send: a Content-Length
 * that lies, a body cut off mid-way, hand-made chunked framing, headers in any case. It writes exactly what it is
 * given and reads one response.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Body parts, written one after another (hand-frame them for chunked requests). */
  body?: Buffer | string | (Buffer | string)[];
  /** Milliseconds between body parts (a slow client). */
  partDelayMs?: number;
  /** After the body: 'keep' leaves the socket open (default), 'end' half-closes it, 'destroy' drops it. */
  after?: 'keep' | 'end' | 'destroy';
  /** Give up waiting for a response after this long (default 10 s). */
  timeoutMs?: number;
}

export interface RawResponse {
  /** 0 when the connection closed, failed or timed out without a complete response. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the exchange ended: a full response, the server closing first, or our timeout. */
  outcome: 'response' | 'closed' | 'timeout';
  /** Milliseconds from connecting to the outcome. */
  ms: number;
}

export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const parts = req.body === undefined ? [] : Array.isArray(req.body) ? req.body : [req.body];
  const head =
    `${req.method ?? 'POST'} ${req.path ?? '/api/messages'} HTTP/1.1\r\n` +
    `Host: ${url.host}\r\n` +
    Object.entries(req.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  const started = performance.now();

  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: RawResponse['outcome'], parsed?: Omit<RawResponse, 'outcome' | 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: 0, headers: {}, body: '', ...parsed, outcome, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish('timeout'), req.timeoutMs ?? 10_000);

    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseResponse(received);
      if (parsed) finish('response', parsed);
    });
    socket.on('error', () => finish('closed', parseResponse(received, true)));
    socket.on('close', () => finish('closed', parseResponse(received, true)));

    socket.once('connect', async () => {
      socket.write(head);
      for (const part of parts) {
        if (settled || socket.destroyed) return;
        if (req.partDelayMs) await new Promise((r) => setTimeout(r, req.partDelayMs));
        if (settled || socket.destroyed) return;
        socket.write(part);
      }
      if (req.after === 'end') socket.end();
      if (req.after === 'destroy') {
        // Let the last write leave before dropping the connection.
        setTimeout(() => finish('closed'), 50);
      }
    });
  });
}

/** One complete response from `buf`, or undefined while more is needed (`atEof`: take what is there). */
function parseResponse(buf: Buffer, atEof = false): Omit<RawResponse, 'outcome' | 'ms'> | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const rest = buf.subarray(end + 4);
  const length = headers['content-length'];
  if (length !== undefined) {
    if (rest.length < Number(length)) return atEof ? { status, headers, body: rest.toString('utf8') } : undefined;
    return { status, headers, body: rest.subarray(0, Number(length)).toString('utf8') };
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const body = dechunk(rest);
    if (body === undefined) return atEof ? { status, headers, body: '' } : undefined;
    return { status, headers, body };
  }
  // No framing (204, 304, or close-delimited).
  if (status === 204 || status === 304 || atEof) return { status, headers, body: rest.toString('utf8') };
  return undefined;
}

function dechunk(buf: Buffer): string | undefined {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(buf.subarray(at, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(out).toString('utf8');
    if (buf.length < eol + 2 + size + 2) return undefined;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** Frames `parts` as a chunked request body (one chunk per part, then the terminator). */
export function chunked(parts: (Buffer | string)[]): Buffer[] {
  const frames = parts.map((p) => {
    const b = Buffer.isBuffer(p) ? p : Buffer.from(p);
    return Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
  });
  return [...frames, Buffer.from('0\r\n\r\n')];
}
