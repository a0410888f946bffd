/**
 * npm run -s cli -- <command> [args] [--json] [--url http://127.0.0.1:3978]
 * A thin client of the admin API: every command is an entry of ADMIN_COMMANDS, run by the server with its validated
 * configuration. The token comes from ADMIN_API_TOKEN (environment, or `.env` in the working directory).
 * Exit codes: 0 done, 1 refused or failed (part of the input refused included), 2 usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import dotenv from 'dotenv';
import { ADMIN_COMMANDS, findCommand, type AdminCommand } from '../src/admin/index.ts';
import { callAdmin, Unreachable, type Answer } from './client.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

function usage(): string {
  const lines = ADMIN_COMMANDS.map((c) => {
    const flags = Object.entries(c.options).map(([k, o]) => (o.type === 'boolean' ? `[--${k}]` : `[--${k} X]`));
    const words = [c.name.split('.').join(' '), ...(c.upload ? ['FILE'] : []), ...flags].join(' ');
    return `  ${words}\n      ${c.summary}`;
  });
  return [
    '使い方 / usage: npm run -s cli -- <command> [args] [--json] [--url http://127.0.0.1:3978]',
    '',
    ...lines,
    '',
    '  --json   結果を JSON 1 個で出力 / print one JSON object',
    '  --url    サーバー（既定 http://127.0.0.1:$PORT、PORT がなければ 3978） / the server',
    '  ADMIN_API_TOKEN（環境変数か .env） / from the environment or .env',
  ].join('\n');
}

function defaultUrl(): string {
  return `http://127.0.0.1:${process.env.PORT?.trim() || 3978}`;
}

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

interface Invocation {
  cmd: AdminCommand;
  options: Record<string, string | boolean | undefined>;
  file?: string;
  json: boolean;
  url: URL;
}

function parse(argv: string[]): Invocation | 'help' {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) return 'help';
  const cmd = findCommand(`${argv[0]}.${argv[1] ?? ''}`);
  if (!cmd) throw new UsageError(`不明なコマンドです / unknown command: ${argv.slice(0, 2).join(' ')}`);
  const config: ParseArgsConfig['options'] = {
    json: { type: 'boolean', default: false },
    url: { type: 'string' },
  };
  for (const [k, o] of Object.entries(cmd.options)) config[k] = { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(2), options: config, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const wanted = cmd.upload ? 1 : 0;
  if (positionals.length !== wanted)
    throw new UsageError(
      wanted ? 'ファイルを1つ指定してください / name one file' : `余分な引数です / unexpected ${positionals.join(' ')}`,
    );
  let url: URL;
  try {
    url = new URL((values.url as string | undefined) ?? defaultUrl());
  } catch {
    throw new UsageError(`URL が不正です / not a URL: ${values.url}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`http か https の URL にしてください / the URL must be http or https: ${url.href}`);
  // The token is a password: over plain HTTP it may only travel inside this machine.
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    throw new UsageError(
      `管理トークンを暗号化なしで送れません。https を使ってください / refusing to send the admin token over plain http to ${url.host}; use https`,
    );
  const options: Invocation['options'] = {};
  for (const k of Object.keys(cmd.options)) options[k] = values[k] as string | boolean | undefined;
  return { cmd, options, file: positionals[0], json: Boolean(values.json), url };
}

function readUpload(cmd: AdminCommand, file: string): { bytes: Uint8Array<ArrayBuffer>; fileName: string } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`ファイルを読めません / cannot read ${file}`);
  }
  const max = cmd.upload!.maxBytes;
  if (size > max)
    throw new UsageError(`ファイルが大きすぎます（上限 ${max / 1024 / 1024} MB） / ${file} is larger than the limit`);
  return { bytes: readFileSync(file), fileName: basename(file) };
}

function report(inv: Invocation, answer: Answer): number {
  const { status, body } = answer;
  if (status === 200) {
    process.stdout.write(inv.json ? `${JSON.stringify(body)}\n` : `${inv.cmd.describe(body, inv.file).join('\n')}\n`);
    return inv.cmd.partial?.(body) ? EXIT.failed : EXIT.ok;
  }
  if (inv.json) process.stdout.write(`${JSON.stringify({ status, ...body })}\n`);
  const message =
    status === 401
      ? '管理トークンが拒否されました（ADMIN_API_TOKEN を確認してください） / the server refused the admin token (check ADMIN_API_TOKEN)'
      : status === 404
        ? '管理 API が有効ではありません（サーバー側の ADMIN_API_TOKEN が未設定？） / the admin API is off on this server (ADMIN_API_TOKEN unset there?)'
        : `${String(body.message ?? 'エラー / error')} [${String(body.error ?? status)}]`;
  const lines = [message];
  if (Array.isArray(body.rejected))
    for (const x of body.rejected as { line: number; reason: string }[])
      lines.push(`  不正 / rejected  ${inv.file ?? ''}:${x.line}  ${x.reason}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  return EXIT.failed;
}

async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) dotenv.config({ path: '.env', quiet: true });
  let inv: Invocation | 'help';
  try {
    inv = parse(argv);
    if (inv === 'help') {
      (argv.length ? process.stdout : process.stderr).write(`${usage()}\n`);
      return argv.length ? EXIT.ok : EXIT.usage;
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  const token = process.env.ADMIN_API_TOKEN?.trim();
  if (!token) {
    process.stderr.write('ADMIN_API_TOKEN が設定されていません（環境変数か .env） / ADMIN_API_TOKEN is not set\n');
    return EXIT.failed;
  }
  try {
    const upload = inv.file ? readUpload(inv.cmd, inv.file) : undefined;
    return report(inv, await callAdmin(inv.url, token, inv.cmd, inv.options, upload));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof Unreachable) {
      if (inv.json) process.stdout.write(`${JSON.stringify({ error: 'unreachable', message: err.message })}\n`);
      process.stderr.write(`サーバーに接続できません: ${err.url} / ${err.message}\n`);
      return EXIT.failed;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`予期しないエラー / unexpected error: ${err.message}\n`);
  return EXIT.failed;
});
