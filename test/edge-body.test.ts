/**
 * server/body.ts over a real node:http server in this process: what `readBody` / `readJson` hand back, what they
 * refuse with which status and code, and that a refusal leaves the connection able to carry the next request.
 * (test/edge-server.test.ts drives the same reader through the real server process, with memory and tokens.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyError, readBody, readJson } from '../server/body.ts';
import { chunked, rawRequest, type RawRequest } from './harness/raw-http.ts';

const MAX = 1024;

let server: Server;
let url: string;
/** What the last request's reader settled with, for the assertions that look past the HTTP answer. */
let settled: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  server = createServer((req, res) => {
    const json = req.url === '/json';
    const read: Promise<unknown> = json ? readJson(req, { maxBytes: MAX }) : readBody(req, { maxBytes: MAX });
    settled = read.then(
      (v) => ({ ok: v }),
      (e: unknown) => ({ err: e }),
    );
    read.then(
      (value) => {
        const body = Buffer.isBuffer(value) ? { bytes: value.length, text: value.toString('utf8') } : { json: value };
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      },
      (err: unknown) => {
        if (!(err instanceof BodyError)) return res.writeHead(500).end(String(err));
        res.writeHead(err.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: err.code }));
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function send(req: RawRequest & { path?: string }) {
  const headers: Record<string, string> = { ...req.headers };
  const parts = req.body === undefined ? [] : Array.isArray(req.body) ? req.body : [req.body];
  if (!Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) {
    headers['Content-Length'] = String(parts.reduce((n, p) => n + Buffer.byteLength(p), 0));
  }
  return rawRequest(url, { path: '/raw', ...req, headers });
}

const answer = (r: { status: number; body: string }) => ({
  status: r.status,
  ...(JSON.parse(r.body || '{}') as object),
});

describe('readBody', () => {
  const text = 'テレワーク'.repeat(30);

  it.each([
    ['', (b: Buffer) => b],
    ['identity', (b: Buffer) => b],
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['Gzip', gzipSync],
    ['deflate', deflateSync],
    ['gzip, gzip', (b: Buffer) => gzipSync(gzipSync(b))],
    ['deflate, gzip', (b: Buffer) => gzipSync(deflateSync(b))],
    ['identity,gzip', gzipSync],
  ])('Content-Encoding "%s" → the decoded bytes', async (encoding, encode) => {
    const headers: Record<string, string> = encoding ? { 'Content-Encoding': encoding } : {};
    const r = await send({ headers, body: encode(Buffer.from(text)) });
    expect(answer(r)).toEqual({ status: 200, bytes: Buffer.byteLength(text), text });
  });

  it('takes exactly maxBytes decoded, and refuses one byte more, however it is framed', async () => {
    const exact = Buffer.alloc(MAX, 0x61);
    const over = Buffer.alloc(MAX + 1, 0x61);
    expect((await send({ body: exact })).status).toBe(200);
    expect((await send({ headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(exact) })).status).toBe(200);
    for (const req of [
      { body: over },
      { headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(over) },
      { headers: { 'Content-Encoding': 'deflate' }, body: deflateSync(over) },
      { headers: { 'Transfer-Encoding': 'chunked' }, body: chunked([over.subarray(0, 600), over.subarray(600)]) },
      { headers: { 'Content-Length': String(MAX + 1) }, body: over.subarray(0, 10) },
    ] as RawRequest[]) {
      expect(answer(await send(req))).toEqual({ status: 413, code: 'too-large' });
    }
  });

  it('refuses unknown and over-nested encodings with 415, broken ones with 400', async () => {
    const body = Buffer.from('{}');
    for (const encoding of ['br', 'compress', 'zstd', 'gzip;q=1', 'gzip, br']) {
      expect(answer(await send({ headers: { 'Content-Encoding': encoding }, body }))).toEqual({
        status: 415,
        code: 'unsupported-encoding',
      });
    }
    expect(
      answer(
        await send({ headers: { 'Content-Encoding': 'gzip, gzip, gzip' }, body: gzipSync(gzipSync(gzipSync(body))) }),
      ),
    ).toEqual({ status: 415, code: 'too-many-encodings' });
    for (const [encoding, bad] of [
      ['gzip', Buffer.from('not gzip')],
      ['gzip', Buffer.alloc(0)],
      ['gzip', gzipSync(body).subarray(0, 12)],
      ['deflate', deflateRawSync(body)], // raw deflate without the zlib wrapper HTTP's "deflate" means
      ['gzip, gzip', gzipSync(body)], // one layer fewer than announced
    ] as const) {
      expect(answer(await send({ headers: { 'Content-Encoding': encoding }, body: bad }))).toEqual({
        status: 400,
        code: 'malformed-encoding',
      });
    }
  });

  it('a bomb is refused after reading a sliver of it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const r = await send({ headers: { 'Content-Encoding': 'gzip' }, body: bomb });
    expect(answer(r)).toEqual({ status: 413, code: 'too-large' });
  });

  it('a client that goes away mid-body ends the read with 400 incomplete-body, and nothing throws', async () => {
    await send({ headers: { 'Content-Length': '500' }, body: 'x'.repeat(100), after: 'destroy' });
    const outcome = (await settled) as { err?: unknown };
    expect(outcome.err).toBeInstanceOf(BodyError);
    expect(outcome.err).toMatchObject({ status: 400, code: 'incomplete-body' });
  });

  it('a client that stalls mid-body gets 400 body-timeout', async () => {
    const r = await send({ headers: { 'Content-Length': '500' }, body: 'x'.repeat(100), timeoutMs: 15_000 });
    expect(answer(r)).toEqual({ status: 400, code: 'body-timeout' });
  }, 20_000);

  it('after a refusal the same connection carries the next request', async () => {
    const refused = `POST /raw HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: ${MAX * 4}\r\n\r\n`;
    const bomb = gzipSync(Buffer.alloc(1024 * 1024));
    const fine = 'POST /raw HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok';
    const responses = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      let seen = '';
      socket.on('data', (c: Buffer) => {
        seen += c.toString('latin1');
        if ((seen.match(/HTTP\/1\.1 /g) ?? []).length >= 2 && seen.endsWith('0\r\n\r\n')) {
          socket.destroy();
          resolve(seen);
        }
      });
      socket.on('error', reject);
      // A body within the wire limit whose first few bytes already inflate past maxBytes; then a normal request.
      socket.write(refused);
      socket.write(Buffer.concat([bomb, Buffer.alloc(MAX * 4 - bomb.length)]).subarray(0, MAX * 4));
      socket.write(fine);
      setTimeout(() => reject(new Error(`only got: ${seen}`)), 5_000);
    });
    const statuses = [...responses.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([413, 200]);
    expect(responses).toContain('"text":"ok"');
  });
});

describe('readJson', () => {
  const json = (headers: Record<string, string>, body: string | Buffer) => send({ path: '/json', headers, body });

  it('parses JSON sent as application/json (any case, UTF-8 charset, +json types, a BOM)', async () => {
    const doc = { type: 'message', text: '在宅勤務 🏠' };
    for (const type of [
      'application/json',
      'Application/JSON; charset=UTF-8',
      'application/json;charset="utf-8"',
      'application/vnd.api+json',
    ]) {
      expect(answer(await json({ 'Content-Type': type }, JSON.stringify(doc)))).toEqual({ status: 200, json: doc });
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(doc))]);
    expect(answer(await json({ 'Content-Type': 'application/json' }, bom))).toEqual({ status: 200, json: doc });
  });

  it('refuses other content types with 415 before reading', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/jsonx' },
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      { 'Content-Type': 'application/json; charset=shift_jis' },
    ]) {
      expect(answer(await json(headers, '{}'))).toEqual({ status: 415, code: 'not-json' });
    }
  });

  it('refuses empty, malformed and non-UTF-8 bodies with 400', async () => {
    const h = { 'Content-Type': 'application/json' };
    expect(answer(await json(h, ''))).toEqual({ status: 400, code: 'empty-body' });
    expect(answer(await json(h, '  \n'))).toEqual({ status: 400, code: 'empty-body' });
    expect(answer(await json(h, '{"type":'))).toEqual({ status: 400, code: 'malformed-json' });
    expect(answer(await json(h, '['.repeat(65) + ']'.repeat(65)))).toEqual({ status: 400, code: 'too-deep' });
    const deepButFine = { a: '[[[[{{{{'.repeat(20), b: '['.repeat(63) + ']'.repeat(63) }; // 64 levels with the outer object
    const nested = JSON.stringify(deepButFine).replace('"' + deepButFine.b + '"', deepButFine.b);
    expect(answer(await json(h, nested)).status).toBe(200);
    expect(answer(await json(h, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])))).toEqual({
      status: 400,
      code: 'not-utf8',
    });
  });
});
