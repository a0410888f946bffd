import { commandPath, type AdminCommand } from '../src/admin/index.ts';

export type Answer = { status: number; body: Record<string, unknown> };

/** The server could not be asked at all: nothing listening, DNS, TLS, a timeout. */
export class Unreachable extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot reach the server at ${url} (${reason})`);
    this.name = 'Unreachable';
  }
}

const TIMEOUT_MS = 10 * 60_000;

/** One call of the admin API: options in the query string, the file (if any) as the raw body. */
export async function callAdmin(
  base: URL,
  token: string,
  cmd: AdminCommand,
  options: Record<string, string | boolean | undefined>,
  upload?: { bytes: Uint8Array<ArrayBuffer>; fileName: string },
): Promise<Answer> {
  const url = new URL(commandPath(cmd), base);
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined || v === false) continue;
    url.searchParams.set(k, v === true ? 'true' : v);
  }
  if (upload) url.searchParams.set('fileName', upload.fileName);
  let res: Response;
  try {
    res = await fetch(url, {
      method: cmd.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(upload ? { 'content-type': 'text/csv' } : {}),
      },
      body: upload ? upload.bytes : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new Unreachable(base.origin, reasonOf(err));
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    body = { error: 'unexpected_answer', message: `予期しない応答です / unexpected answer (HTTP ${res.status})` };
  }
  return { status: res.status, body: body as Record<string, unknown> };
}

function reasonOf(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return e.cause?.code ?? e.cause?.message ?? (err as Error).message;
}
