/**
 * The admin HTTP API: one route per entry of ADMIN_COMMANDS, behind `Authorization: Bearer <ADMIN_API_TOKEN>`.
 * Options come from the query string, a file as the raw request body. Every call is audited (actor `admin-api`,
 * action `admin.<command>`), refused ones included; the audit row carries ids, codes and counts only.
 */
import type { ServerResponse } from 'node:http';
import type restify from 'restify';
import { BodyError, readBody } from '../../server/body.ts';
import {
  ADMIN_COMMANDS,
  AdminInputError,
  commandPath,
  type Admin,
  type AdminCommand,
  type AuditDetail,
  type OptionSpecs,
  type OptionValues,
  type Upload,
} from '../../src/admin/index.ts';
import type { Logger } from '../../src/log.ts';
import type { AuditLog, Clock } from '../../src/ports.ts';
import { bearerCheck } from './auth.ts';

export interface AdminApiDeps {
  admin: Admin;
  /** ADMIN_API_TOKEN; the caller mounts nothing when it is unset, so the routes answer 404 like any unknown path. */
  token: string;
  audit: AuditLog;
  log: Logger;
  clock: Clock;
  commands?: readonly AdminCommand[];
}

const ACTOR = 'admin-api';
const REALM = 'Bearer realm="telework-guard-admin"';
/** The query parameter naming an uploaded file; no command may have an option of this name. */
const FILE_NAME = 'fileName';

export function mountAdminApi(server: restify.Server, deps: AdminApiDeps): void {
  const refusal = bearerCheck(deps.token);
  for (const cmd of deps.commands ?? ADMIN_COMMANDS) {
    const action = `admin.${cmd.name}`;
    const handler = async (req: restify.Request, res: restify.Response) => {
      const started = performance.now();
      const remote = req.socket.remoteAddress ?? null;
      const finish = async (
        status: number,
        body: unknown,
        audit: { subject?: string; detail: AuditDetail },
        headers: Record<string, string> = {},
      ) => {
        try {
          await deps.audit.record({
            at: deps.clock.now(),
            actor: ACTOR,
            action,
            subject: audit.subject,
            detail: { ...audit.detail, status, remote },
          });
        } catch (err) {
          // Nothing leaves without its audit row; a refusal is still a refusal.
          deps.log.error({ err: (err as Error).message, action }, 'admin call not audited');
          if (status < 400) {
            status = 503;
            body = problem(
              'audit_unavailable',
              '監査ログに記録できないため中止しました / the audit log is unavailable',
            );
          }
        }
        deps.log.info({ action, status, ms: Math.round(performance.now() - started) }, 'admin call');
        sendJson(res, status, body, headers);
      };

      const why = refusal(req.headers.authorization);
      if (why) {
        return finish(
          401,
          problem('unauthorized', '管理トークンが正しくありません / missing or wrong admin token'),
          { detail: { outcome: 'refused', reason: why } },
          { 'www-authenticate': why === 'missing_token' ? REALM : `${REALM}, error="invalid_token"` },
        );
      }

      let fileName: string | undefined;
      try {
        const query = new URL(req.url ?? '/', 'http://admin.invalid').searchParams;
        const options = decodeOptions(cmd, query);
        let upload: Upload | undefined;
        if (cmd.upload) {
          fileName = decodeFileName(query.get(FILE_NAME));
          const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (!cmd.upload.contentTypes.includes(type))
            throw new AdminInputError(
              415,
              'unsupported_media_type',
              `ファイルは ${cmd.upload.contentTypes[0]} で送ってください / send the file as ${cmd.upload.contentTypes.join(' or ')}`,
            );
          upload = { bytes: await readBody(req, { maxBytes: cmd.upload.maxBytes }), fileName };
        }
        const input = { options, upload };
        const result = await cmd.run(deps.admin, input);
        const audit = cmd.audit(result, input);
        return finish(200, result, { subject: audit.subject, detail: { outcome: 'ok', ...audit.detail } });
      } catch (err) {
        const subject = fileName;
        if (err instanceof AdminInputError) {
          return finish(
            err.status,
            { ...problem(err.code, err.message), ...err.extra },
            {
              subject,
              detail: { outcome: 'rejected', code: err.code },
            },
          );
        }
        if (err instanceof BodyError) {
          // The admin API's codes are snake_case; the body reader's are the bot edge's kebab-case log codes.
          const code = err.code.replace(/-/g, '_');
          return finish(err.status, problem(code, bodyMessage(err, cmd)), {
            subject,
            detail: { outcome: 'rejected', code },
          });
        }
        deps.log.error(
          { err: (err as Error).message, code: (err as { code?: string }).code, action },
          'admin call failed',
        );
        return finish(500, problem('internal', 'サーバー内部のエラーです / internal error'), {
          subject,
          detail: { outcome: 'failed' },
        });
      }
    };
    if (cmd.method === 'GET') server.get(commandPath(cmd), handler);
    else server.post(commandPath(cmd), handler);
  }
}

const problem = (error: string, message: string) => ({ error, message });

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function bodyMessage(err: BodyError, cmd: AdminCommand): string {
  if (err.status === 413) {
    const mb = Math.floor((cmd.upload?.maxBytes ?? 0) / 1024 / 1024);
    return `ファイルが大きすぎます（上限 ${mb} MB） / the file is larger than ${mb} MB`;
  }
  if (err.status === 415) return '圧縮せずに送ってください / send the body uncompressed';
  return '本文を読み取れませんでした / the request body could not be read';
}

/** Text the database and the audit log can hold: well-formed Unicode, no control characters. */
const isPlainText = (s: string) => !/\p{Cs}|\p{Cc}/u.test(s);

function decodeOptions(cmd: AdminCommand, query: URLSearchParams): OptionValues<OptionSpecs> {
  const out: Record<string, string | boolean> = {};
  for (const key of new Set(query.keys())) {
    if (cmd.upload && key === FILE_NAME) continue;
    const spec = Object.hasOwn(cmd.options, key) ? cmd.options[key] : undefined;
    const bad = (why: string) =>
      new AdminInputError(400, 'bad_option', `オプション ${key} が不正です / option ${key} ${why}`);
    if (!spec)
      throw new AdminInputError(400, 'unknown_option', `不明なオプションです / unknown option ${key.slice(0, 40)}`);
    const values = query.getAll(key);
    if (values.length > 1) throw bad('is given more than once');
    const value = values[0]!;
    if (spec.type === 'boolean') {
      if (['', 'true', '1'].includes(value)) out[key] = true;
      else if (['false', '0'].includes(value)) out[key] = false;
      else throw bad('must be true or false');
    } else {
      if (value === '' || value.length > spec.maxLength) throw bad(`must be 1 to ${spec.maxLength} characters`);
      if (!isPlainText(value)) throw bad('contains control characters or broken Unicode');
      out[key] = value;
    }
  }
  return out;
}

function decodeFileName(raw: string | null): string {
  if (raw === null || raw === '') return 'upload.csv';
  if (raw.length > 255 || !isPlainText(raw) || /[\\/]/.test(raw) || raw === '.' || raw === '..')
    throw new AdminInputError(400, 'bad_file_name', 'ファイル名が不正です / the file name is not a plain file name');
  return raw;
}
