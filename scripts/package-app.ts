/**
 * Builds the Teams app package (a zip of manifest.json, the two icons and the localization files) from
 * manifest/, with the `${{VAR}}` placeholders filled in — the same job as the toolkit's teamsApp/zipAppPackage,
 * for use without the toolkit (CI, a manual upload in Teams admin center or Developer Portal).
 *
 *   node --import tsx scripts/package-app.ts [--env dev] [--out appPackage/build/appPackage.zip]
 *
 * Values come from env/.env.<env> and env/.env.<env>.user when --env is given, then from the process
 * environment, which wins. A placeholder without a value is an error (an empty one too, but for
 * APP_NAME_SUFFIX): a package with `${{BOT_ID}}` left in it would be refused by Teams anyway.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import dotenv from 'dotenv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_MANIFEST_DIR = path.join(ROOT, 'manifest');
export const DEFAULT_OUT = path.join(ROOT, 'appPackage', 'build', 'appPackage.zip');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Placeholders that may be empty: a production environment has no name suffix. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export class MissingVariablesError extends Error {
  constructor(readonly names: string[]) {
    super(
      `No value for ${names.map((n) => `\${{${n}}}`).join(', ')}; set them in env/.env.<env>(.user) or the environment`,
    );
    this.name = 'MissingVariablesError';
  }
}

/** The names of the `${{VAR}}` placeholders in a text, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills the placeholders of a JSON text. Values are inserted JSON-escaped, so a value with a quote or a
 * backslash cannot break the document.
 */
export function fillPlaceholders(jsonText: string, vars: Record<string, string | undefined>): string {
  const missing = placeholdersIn(jsonText).filter(
    (name) => vars[name] === undefined || (vars[name] === '' && !MAY_BE_EMPTY.has(name)),
  );
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return jsonText.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(vars[name] ?? '').slice(1, -1));
}

/** Reads env/.env.<env> and env/.env.<env>.user (either may be absent), later files winning. */
export function loadEnvFiles(envName: string, envDir = path.join(ROOT, 'env')): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const file of [`.env.${envName}`, `.env.${envName}.user`]) {
    const full = path.join(envDir, file);
    if (existsSync(full)) Object.assign(vars, dotenv.parse(readFileSync(full)));
  }
  return vars;
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

// 1980-01-01 00:00:00, the DOS epoch: a fixed stamp keeps the package byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A minimal zip writer: deflated entries, no directories, no zip64 (the package is a few kB). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

function fileInPackage(manifestDir: string, relative: string): string {
  const full = path.resolve(manifestDir, relative);
  if (path.relative(manifestDir, full).startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`${relative} points outside ${manifestDir}`);
  }
  if (!existsSync(full)) throw new Error(`${relative}, named in manifest.json, does not exist`);
  return full;
}

export interface BuildResult {
  outFile: string;
  files: string[];
  manifest: Record<string, unknown>;
}

/**
 * Fills manifest.json and its localization files, and zips them with the icons; every file sits at the
 * root of the zip under the name the manifest gives it.
 */
export function buildAppPackage(opts: {
  vars: Record<string, string | undefined>;
  manifestDir?: string;
  outFile?: string;
}): BuildResult {
  const manifestDir = opts.manifestDir ?? DEFAULT_MANIFEST_DIR;
  const outFile = opts.outFile ?? DEFAULT_OUT;
  const manifestText = fillPlaceholders(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'), opts.vars);
  const manifest = JSON.parse(manifestText) as {
    icons: { color: string; outline: string };
    localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
  };

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }];
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    entries.push({ name: icon, data: readFileSync(fileInPackage(manifestDir, icon)) });
  }
  const languageFiles = [
    ...(manifest.localizationInfo?.defaultLanguageFile ? [manifest.localizationInfo.defaultLanguageFile] : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const file of languageFiles) {
    const text = fillPlaceholders(readFileSync(fileInPackage(manifestDir, file), 'utf8'), opts.vars);
    JSON.parse(text); // fail here, not in Teams, if a value broke the JSON
    entries.push({ name: file, data: Buffer.from(text, 'utf8') });
  }

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, writeZip(entries));
  return { outFile, files: entries.map((e) => e.name), manifest: manifest as Record<string, unknown> };
}

function parseArgs(argv: string[]): { env?: string; out?: string } {
  const args: { env?: string; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--env') args.env = value();
    else if (arg === '--out') args.out = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node --import tsx scripts/package-app.ts [--env <name>] [--out <file.zip>]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const vars = { ...(args.env ? loadEnvFiles(args.env) : {}), ...process.env };
    const result = buildAppPackage({ vars, outFile: args.out ? path.resolve(args.out) : undefined });
    console.log(`wrote ${path.relative(process.cwd(), result.outFile)}: ${result.files.join(', ')}`);
  } catch (error) {
    console.error(`package-app: ${(error as Error).message}`);
    process.exit(1);
  }
}
