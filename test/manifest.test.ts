/**
 * The Teams app package and its deployment files, checked offline:
 *  - manifest/manifest.json and manifest/en-us.json, placeholders filled with realistic values, against the
 *    JSON schemas that @microsoft/app-manifest bundles (fetch is stubbed to throw, so nothing can go online);
 *  - the icons (size, white-on-transparent outline) and that they are what scripts/make-icons.ts draws;
 *  - scripts/package-app.ts: the zip it writes, read back by an independent reader;
 *  - teamsapp.yml / teamsapp.local.yml: every action's parameters, and that every ${{VAR}} a step uses
 *    (in the yml, the ARM parameters, the manifests) exists by the time that step runs;
 *  - infra/azure.bicep against infra/azure.parameters.json (parameters and outputs; Bicep is not compiled here).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync, inflateSync } from 'node:zlib';
import appManifest from '@microsoft/app-manifest';
import dotenv from 'dotenv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderColorIcon, renderOutlineIcon } from '../scripts/make-icons.ts';
import { fillPlaceholders, placeholdersIn } from '../scripts/package-app.ts';

const { AppManifestUtils, TeamsManifestConverter } = appManifest;
const execFileAsync = promisify(execFile);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const read = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');

/** What provision would have written into env/.env.dev by the time the package is zipped. */
const VARS = {
  TEAMS_APP_ID: '6f1c2a9e-4b7d-4e1a-9c3f-2d8b7a6e5f41',
  BOT_ID: 'a3d9e1f7-52c4-4b8e-8f06-1c2b3d4e5f60',
  AAD_APP_CLIENT_ID: '0b7e4c12-9a3f-4d6e-b5c8-7f1a2e3d4c59',
  BOT_DOMAIN: 'teleworkguard-dev-k3x7q2m9v4p1a.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const obj = (v: Json | undefined): JsonObject => {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v))
    throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v;
};
const arr = (v: Json | undefined): Json[] => {
  if (!Array.isArray(v)) throw new Error(`not an array: ${JSON.stringify(v)}`);
  return v;
};

// ---------------------------------------------------------------- schemas, offline

const appManifestBuildDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));

/** The copy of a developer.microsoft.com schema inside @microsoft/app-manifest (the same lookup it does). */
function localSchemaPath(url: string): string {
  const u = new URL(url);
  expect(u.hostname).toBe('developer.microsoft.com');
  const suffix = u.pathname.replace(/^\/[a-z]{2}(-[a-z]{2})?(?=\/json-schemas\/)/i, '').replace(/^\//, '');
  const file = path.join(appManifestBuildDir, suffix);
  expect(existsSync(file), `${url} is not bundled in @microsoft/app-manifest (${file})`).toBe(true);
  return file;
}

function loadSchema(url: string): Record<string, unknown> {
  // The package does the same clean-up: some published schemas hold \a and \v, which JSON does not allow.
  let raw = readFileSync(localSchemaPath(url), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  // The localization schemas write "...\b]\.description" in two patternProperties: a lone "]" that a
  // browser-style regex reads as a literal, but that Ajv (which compiles patterns with the u flag) rejects,
  // failing the whole validation. Escaping it keeps the meaning ("[n]") and lets Ajv compile the schema.
  raw = raw.replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(raw) as Record<string, unknown>;
}

async function schemaErrors(doc: JsonObject, schemaUrl = doc.$schema as string): Promise<string[]> {
  // validateAgainstSchema is typed for app manifests; it validates any document against the schema given.
  const schema = loadSchema(schemaUrl) as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(
    doc as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema,
  );
}

function filledJson(relative: string, vars: Record<string, string> = VARS): JsonObject {
  return JSON.parse(fillPlaceholders(read(relative), vars)) as JsonObject;
}

const fetchCalls: string[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', (input: unknown) => {
    fetchCalls.push(String(input));
    throw new Error(`network access attempted: ${String(input)}`);
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  expect(fetchCalls, 'the tests must not touch the network').toEqual([]);
});

// ---------------------------------------------------------------- manifest

describe('manifest/manifest.json', () => {
  it('uses a current Teams schema version that @microsoft/app-manifest bundles', () => {
    const manifest = JSON.parse(read('manifest/manifest.json')) as JsonObject;
    const bundled = readdirVersions(path.join(appManifestBuildDir, 'json-schemas', 'teams'));
    const version = String(manifest.manifestVersion);
    expect(bundled).toContain(version);
    const [major, minor] = version.split('.').map(Number);
    expect(major === 1 && minor! >= 19, `manifestVersion ${version} is older than 1.19`).toBe(true);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it('is valid against its schema once the placeholders are filled', async () => {
    const manifest = filledJson('manifest/manifest.json');
    expect(await schemaErrors(manifest)).toEqual([]);
    // The package's own lookup (schema from its $schema URL) finds the bundled copy, without the network.
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never)).toEqual([]);
    // And the generated converter's run-time type check accepts it.
    expect(() => TeamsManifestConverter.jsonToManifest(JSON.stringify(manifest))).not.toThrow();
  });

  it('is refused by the validation when something is wrong', async () => {
    const broken: [string, (m: JsonObject) => void][] = [
      ['no privacy URL', (m) => void delete obj(m.developer).privacyUrl],
      ['short description over 80 characters', (m) => void (obj(m.description).short = 'あ'.repeat(81))],
      ['bot id not a GUID', (m) => void (obj(arr(m.bots)[0]).botId = 'telework-guard')],
      ['unknown top-level property', (m) => void (m.botDomain = VARS.BOT_DOMAIN)],
      ['tab scope that static tabs do not have', (m) => void (obj(arr(m.staticTabs)[0]).scopes = ['channel'])],
      ['accent colour without #', (m) => void (m.accentColor = '3B5BDB')],
    ];
    for (const [what, breakIt] of broken) {
      const manifest = filledJson('manifest/manifest.json');
      breakIt(manifest);
      expect((await schemaErrors(manifest)).length, what).toBeGreaterThan(0);
    }
    // Unfilled placeholders are not a valid manifest either (id and botId must be GUIDs).
    const raw = JSON.parse(read('manifest/manifest.json')) as JsonObject;
    expect((await schemaErrors(raw)).join('\n')).toMatch(/\/id |\/bots\/0\/botId /);
  });

  it('describes the personal bot, the personal tab and tab SSO on the bot domain', () => {
    const m = filledJson('manifest/manifest.json');
    expect(m.id).toBe(VARS.TEAMS_APP_ID);
    expect(obj(m.name).short).toBe(`テレワークガード${VARS.APP_NAME_SUFFIX}`);

    const bot = obj(arr(m.bots)[0]);
    expect(bot).toMatchObject({
      botId: VARS.BOT_ID,
      scopes: ['personal'],
      supportsFiles: false,
      isNotificationOnly: false,
    });
    const lists = arr(bot.commandLists).map(obj);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.scopes).toEqual(['personal']);
    const titles = arr(lists[0]!.commands).map((c) => obj(c).title);
    expect(titles.slice(0, 2)).toEqual(['help', 'checkin']);
    expect(titles.length).toBeGreaterThanOrEqual(3); // and a sample question

    const tab = obj(arr(m.staticTabs)[0]);
    expect(tab).toMatchObject({
      entityId: 'home',
      scopes: ['personal'],
      contentUrl: `https://${VARS.BOT_DOMAIN}/tab/`,
      websiteUrl: `https://${VARS.BOT_DOMAIN}/tab/`,
    });
    expect(m.validDomains).toEqual([VARS.BOT_DOMAIN]);
    expect(m.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(m.webApplicationInfo).toEqual({
      id: VARS.AAD_APP_CLIENT_ID,
      resource: `api://${VARS.BOT_DOMAIN}/${VARS.AAD_APP_CLIENT_ID}`,
    });
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(String(obj(m.developer)[key])).toMatch(new RegExp(`^https://${VARS.BOT_DOMAIN.replace(/\./g, '\\.')}/`));
    }
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'ja-jp',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
  });
});

describe('manifest/en-us.json', () => {
  it('is valid against the localization schema of the manifest version', async () => {
    const manifest = JSON.parse(read('manifest/manifest.json')) as JsonObject;
    const en = filledJson('manifest/en-us.json');
    expect(en.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion as string}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(await schemaErrors(en)).toEqual([]);
    expect(await schemaErrors({ ...en, 'description.short': 'x'.repeat(81) })).not.toEqual([]);
    expect(await schemaErrors({ ...en, 'bots[0].commandList[0].commands[0].title': 'typo' })).not.toEqual([]);
  });

  it('translates only things the manifest has, and keeps the command words the bot parses', () => {
    const manifest = filledJson('manifest/manifest.json');
    const en = filledJson('manifest/en-us.json');
    for (const key of Object.keys(en).filter((k) => k.includes('['))) {
      // "bots[0].commandLists[0].commands[2].title" -> walk the manifest along that path
      let node: Json | undefined = manifest;
      for (const part of key.split('.')) {
        const m = /^(\w+)((?:\[\d+\])*)$/.exec(part);
        expect(m, key).not.toBeNull();
        node = obj(node)[m![1]!];
        for (const index of m![2]!.match(/\d+/g) ?? []) node = arr(node)[Number(index)];
      }
      expect(node, `${key} has no counterpart in manifest.json`).toBeDefined();
    }
    expect(en['bots[0].commandLists[0].commands[0].title']).toBe('help');
    expect(en['bots[0].commandLists[0].commands[1].title']).toBe('checkin');
    expect(en['name.short']).toBe(`Telework Guard${VARS.APP_NAME_SUFFIX}`);
  });
});

function readdirVersions(dir: string): string[] {
  const versions: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^v(\d+)\.(\d+)$/.exec(name);
    if (m) versions.push(`${m[1]}.${m[2]}`);
  }
  return versions.sort((a, b) => {
    const [a1, a2] = a.split('.').map(Number);
    const [b1, b2] = b.split('.').map(Number);
    return a1! - b1! || a2! - b2!;
  });
}

// ---------------------------------------------------------------- icons

interface Png {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Reads an 8-bit RGBA, non-interlaced PNG (what Teams icons should be), checking every chunk's CRC. */
function decodePng(buf: Buffer): Png {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    expect(buf.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(
      crc32(buf.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  expect(ihdr, 'IHDR chunk').toBeDefined();
  const width = ihdr!.readUInt32BE(0);
  const height = ihdr!.readUInt32BE(4);
  expect({ bitDepth: ihdr![8], colorType: ihdr![9], interlace: ihdr![12] }).toEqual({
    bitDepth: 8,
    colorType: 6,
    interlace: 0,
  });

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad PNG filter ${filter}`);
      out[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  return { width, height, rgba: out };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

describe('icons', () => {
  const manifest = JSON.parse(read('manifest/manifest.json')) as JsonObject;
  const icons = obj(manifest.icons);

  it('color icon is 192×192 and opaque', () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, String(icons.color))));
    expect([png.width, png.height]).toEqual([192, 192]);
    for (let o = 3; o < png.rgba.length; o += 4) expect(png.rgba[o]).toBe(255);
  });

  it('outline icon is 32×32, white only, on a transparent background', () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, String(icons.outline))));
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let o = 0; o < png.rgba.length; o += 4) {
      const [r, g, b, a] = [png.rgba[o], png.rgba[o + 1], png.rgba[o + 2], png.rgba[o + 3]];
      if (a! > 0) expect([r, g, b], `pixel ${o / 4}`).toEqual([255, 255, 255]);
      if (a === 0) transparent++;
      if (a === 255) opaque++;
    }
    const corners = [0, 31, 32 * 31, 32 * 32 - 1].map((i) => png.rgba[i * 4 + 3]);
    expect(corners).toEqual([0, 0, 0, 0]);
    expect(transparent).toBeGreaterThan(200);
    expect(opaque).toBeGreaterThan(200);
  });

  it('are the images scripts/make-icons.ts draws', () => {
    for (const [file, rendered] of [
      [String(icons.color), renderColorIcon()],
      [String(icons.outline), renderOutlineIcon()],
    ] as const) {
      const png = decodePng(readFileSync(path.join(MANIFEST_DIR, file)));
      expect(
        Buffer.from(png.rgba).equals(Buffer.from(rendered.rgba)),
        `${file} is out of date: run scripts/make-icons.ts`,
      ).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- scripts/package-app.ts

interface ZipFile {
  name: string;
  data: Buffer;
}

/** Reads a zip through its central directory, inflating and CRC-checking every entry. */
function readZip(buf: Buffer): ZipFile[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThanOrEqual(0);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files: ZipFile[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    expect(buf.readUInt32LE(localOffset)).toBe(0x04034b50);
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const stored = buf.subarray(dataStart, dataStart + compressedSize);
    expect([0, 8]).toContain(method);
    const data = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    expect(data.length, name).toBe(size);
    expect(crc32(data), `CRC of ${name}`).toBe(crc);
    files.push({ name, data });
  }
  return files;
}

const tsxLoader = ['--import', 'tsx'];
const script = path.join(ROOT, 'scripts', 'package-app.ts');

describe('scripts/package-app.ts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'telework-guard-package-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zips the filled manifest, the icons and the localization file at the root', async () => {
    const out = path.join(dir, 'appPackage.zip');
    const { stdout } = await execFileAsync(process.execPath, [...tsxLoader, script, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...VARS },
    });
    expect(stdout).toContain('appPackage.zip');

    const files = readZip(readFileSync(out));
    expect(files.map((f) => f.name).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const byName = new Map(files.map((f) => [f.name, f.data]));

    const manifestText = byName.get('manifest.json')!.toString('utf8');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as JsonObject;
    expect(manifest).toEqual(filledJson('manifest/manifest.json'));
    expect(await schemaErrors(manifest)).toEqual([]);
    const en = JSON.parse(byName.get('en-us.json')!.toString('utf8')) as JsonObject;
    expect(await schemaErrors(en)).toEqual([]);

    expect(decodePng(byName.get('color.png')!).width).toBe(192);
    expect(decodePng(byName.get('outline.png')!).width).toBe(32);
  });

  it('fails, naming them, when placeholders have no value', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...VARS };
    delete env.BOT_ID;
    env.BOT_DOMAIN = '';
    const run = execFileAsync(process.execPath, [...tsxLoader, script, '--out', path.join(dir, 'never.zip')], {
      cwd: ROOT,
      env,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/BOT_ID.*BOT_DOMAIN|BOT_DOMAIN.*BOT_ID/),
    });
    expect(existsSync(path.join(dir, 'never.zip'))).toBe(false);
  });

  it('escapes values so they cannot break the JSON', () => {
    const text = fillPlaceholders('{"a":"x${{V}}y"}', { V: 'q"\\' });
    expect(JSON.parse(text)).toEqual({ a: 'xq"\\y' });
  });
});

// ---------------------------------------------------------------- teamsapp*.yml

type Yaml = null | boolean | string | Yaml[] | { [key: string]: Yaml };

/**
 * Enough YAML for the toolkit's project files: block maps and sequences, plain and quoted scalars, comments.
 * Anything else (flow collections, anchors, multi-line scalars) is rejected rather than misread.
 */
function parseYaml(src: string): Yaml {
  interface Line {
    indent: number;
    text: string;
    no: number;
  }
  const lines: Line[] = [];
  src.split(/\r?\n/).forEach((raw, i) => {
    let cut = raw.length;
    let quote: string | undefined;
    for (let c = 0; c < raw.length; c++) {
      const ch = raw[c]!;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (c === 0 || /\s/.test(raw[c - 1]!))) {
        cut = c;
        break;
      }
    }
    const text = raw.slice(0, cut).trimEnd();
    if (text.trim() === '') return;
    const lead = /^ */.exec(text)![0].length;
    if (text[lead] === '\t') throw new Error(`line ${i + 1}: tab in indentation`);
    lines.push({ indent: lead, text: text.slice(lead), no: i + 1 });
  });

  const isItem = (l: Line) => l.text === '-' || l.text.startsWith('- ');
  const keyValue = /^([A-Za-z0-9_$./-]+):(?:\s+(.*))?$/;
  const scalar = (s: string, no: number): Yaml => {
    if (/^[[{&*!|>]/.test(s)) throw new Error(`line ${no}: unsupported YAML: ${s}`);
    const single = /^'(.*)'$/.exec(s);
    if (single) return single[1]!.replace(/''/g, "'");
    if (/^".*"$/.test(s)) return JSON.parse(s) as string;
    if (s === 'true' || s === 'false') return s === 'true';
    if (s === 'null' || s === '~') return null;
    return s;
  };
  let pos = 0;
  const block = (indent: number): Yaml => (isItem(lines[pos]!) ? seq(indent) : map(indent));
  const map = (indent: number): Yaml => {
    const out: { [key: string]: Yaml } = {};
    while (pos < lines.length && lines[pos]!.indent === indent && !isItem(lines[pos]!)) {
      const line = lines[pos++]!;
      const m = keyValue.exec(line.text);
      if (!m) throw new Error(`line ${line.no}: expected "key: value", got ${line.text}`);
      const key = m[1]!;
      if (key in out) throw new Error(`line ${line.no}: duplicate key ${key}`);
      const next = lines[pos];
      if (m[2]) out[key] = scalar(m[2], line.no);
      else if (next && next.indent > indent) out[key] = block(next.indent);
      else if (next && next.indent === indent && isItem(next)) out[key] = seq(indent);
      else out[key] = null;
    }
    if (pos < lines.length && lines[pos]!.indent > indent)
      throw new Error(`line ${lines[pos]!.no}: unexpected indentation`);
    return out;
  };
  const seq = (indent: number): Yaml => {
    const out: Yaml[] = [];
    while (pos < lines.length && lines[pos]!.indent === indent && isItem(lines[pos]!)) {
      const line = lines[pos]!;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        pos++;
        const next = lines[pos];
        out.push(next && next.indent > indent ? block(next.indent) : null);
      } else if (keyValue.test(rest) || /^[A-Za-z0-9_$./-]+:$/.test(rest)) {
        // "- key: value" opens a map whose keys sit where "key" starts
        const column = indent + (line.text.length - rest.length);
        lines[pos] = { indent: column, text: rest, no: line.no };
        out.push(map(column));
      } else {
        pos++;
        out.push(scalar(rest, line.no));
      }
    }
    return out;
  };
  const doc = map(0);
  if (pos !== lines.length) throw new Error(`line ${lines[pos]!.no}: could not parse`);
  return doc;
}

/** The parameters of each action used here, from the toolkit's YAML schema (required ⊆ allowed). */
const ACTIONS: Record<
  string,
  { required: string[]; optional?: string[]; writes?: { required: string[]; optional?: string[] } }
> = {
  'teamsApp/create': { required: ['name'], writes: { required: ['teamsAppId'] } },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: [
      'generateServicePrincipal',
      'serviceManagementReference',
      'clientSecretExpireDays',
      'clientSecretDescription',
    ],
    writes: {
      required: ['clientId', 'objectId'],
      optional: ['clientSecret', 'tenantId', 'authority', 'authorityHost'],
    },
  },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'] },
  'botAadApp/create': { required: ['name'], writes: { required: ['botId', 'botPassword'] } },
  'botFramework/create': {
    required: ['botId', 'name', 'messagingEndpoint'],
    optional: ['description', 'iconUrl', 'channels'],
  },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'teamsApp/validateManifest': { required: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], writes: { required: ['publishedAppId'] } },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
  'file/createOrUpdateEnvironmentFile': { required: ['target', 'envs'] },
};

const VAR_REF = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const varsIn = (text: string) => [...text.matchAll(VAR_REF)].map((m) => m[1]!);

/** Built in to the toolkit: TEAMSFX_ENV is the environment's name; empty subscription/group make it ask. */
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

interface ProjectFile {
  file: string;
  env: string;
  /** Values that come from outside the toolkit's actions: a person, or a debug task. */
  external: string[];
}

const PROJECT_FILES: ProjectFile[] = [
  { file: 'teamsapp.yml', env: 'dev', external: ['SECRET_POSTGRES_ADMIN_PASSWORD', 'SECRET_ADMIN_API_TOKEN'] },
  { file: 'teamsapp.local.yml', env: 'local', external: ['BOT_ENDPOINT', 'BOT_DOMAIN'] },
];

function bicepOutputs(): string[] {
  return [...read('infra/azure.bicep').matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);
}

describe.each(PROJECT_FILES)('$file', ({ file, env, external }) => {
  const text = read(file);
  const doc = obj(parseYaml(text) as Json);
  const steps = (['provision', 'deploy', 'publish'] as const).flatMap((stage) =>
    (doc[stage] ? arr(doc[stage]) : []).map((s) => ({ stage, step: obj(s) })),
  );

  it('declares the schema version it is written for', () => {
    const schemaLine =
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v\d+\.\d+)\/yaml\.schema\.json$/m.exec(
        text,
      );
    expect(schemaLine, 'the yaml-language-server $schema comment').not.toBeNull();
    expect(doc.version).toBe(schemaLine![1]);
    expect(doc.environmentFolderPath).toBe('./env');
  });

  it('gives every action the parameters the toolkit schema asks for, and no others', () => {
    expect(steps.length).toBeGreaterThan(0);
    for (const { stage, step } of steps) {
      const uses = String(step.uses);
      const spec = ACTIONS[uses];
      const where = `${stage}: ${uses}`;
      expect(spec, `${where} is not an action this test knows`).toBeDefined();
      expect(
        Object.keys(step).every((k) => ['uses', 'name', 'with', 'writeToEnvironmentFile', 'env'].includes(k)),
        where,
      ).toBe(true);
      const withKeys = Object.keys(obj(step.with));
      expect(withKeys, where).toEqual(expect.arrayContaining(spec!.required));
      expect(
        withKeys.filter((k) => ![...spec!.required, ...(spec!.optional ?? [])].includes(k)),
        where,
      ).toEqual([]);
      if (spec!.writes) {
        const writes = obj(step.writeToEnvironmentFile);
        expect(Object.keys(writes), where).toEqual(expect.arrayContaining(spec!.writes.required));
        for (const [k, v] of Object.entries(writes)) {
          expect([...spec!.writes.required, ...(spec!.writes.optional ?? [])], where).toContain(k);
          expect(String(v), where).toMatch(/^[A-Z][A-Z0-9_]*$/);
        }
      } else {
        expect(step.writeToEnvironmentFile, where).toBeUndefined();
      }

      const w = obj(step.with);
      if (uses === 'aadApp/create') {
        expect([
          'AzureADMyOrg',
          'AzureADMultipleOrgs',
          'AzureADandPersonalMicrosoftAccount',
          'PersonalMicrosoftAccount',
        ]).toContain(w.signInAudience);
        const writes = obj(step.writeToEnvironmentFile);
        // A secret must be written to a SECRET_ variable (the toolkit keeps those in the .user file), and only then.
        if (w.generateClientSecret === true) expect(String(writes.clientSecret)).toMatch(/^SECRET_[A-Z0-9_]+$/);
        else expect(writes.clientSecret).toBeUndefined();
      }
      if (uses === 'botAadApp/create') expect(String(obj(step.writeToEnvironmentFile).botPassword)).toMatch(/^SECRET_/);
      if (uses === 'arm/deploy') {
        for (const t of arr(w.templates).map(obj)) {
          expect(Object.keys(t).sort()).toEqual(['deploymentName', 'parameters', 'path']);
        }
      }
      if (uses === 'botFramework/create') {
        expect(arr(w.channels)).toContainEqual({ name: 'msteams' });
        expect(String(w.messagingEndpoint)).toMatch(/^\$\{\{BOT_ENDPOINT\}\}\/api\/messages$/);
      }
      if (uses === 'file/createOrUpdateEnvironmentFile') obj(w.envs);
    }
  });

  it('points at files that exist', () => {
    for (const { step } of steps) {
      const w = obj(step.with);
      const files = [
        w.manifestPath,
        w.ignoreFile,
        ...(w.templates ? arr(w.templates).flatMap((t) => [obj(t).path, obj(t).parameters]) : []),
      ];
      for (const f of files.filter((f): f is string => typeof f === 'string')) {
        expect(existsSync(path.join(ROOT, f)), `${String(step.uses)}: ${f}`).toBe(true);
      }
    }
  });

  it('has every ${{VAR}} a step uses defined before that step runs', () => {
    const envFile = dotenv.parse(readFileSync(path.join(ROOT, 'env', `.env.${env}`)));
    const declared = new Set(Object.keys(envFile));
    for (const name of external.filter((n) => !n.startsWith('SECRET_'))) {
      expect(declared.has(name), `${name} should be listed (empty) in env/.env.${env}`).toBe(true);
    }
    const available = new Set([
      ...BUILT_IN,
      ...external,
      ...Object.entries(envFile)
        .filter(([, v]) => v !== '')
        .map(([k]) => k),
    ]);
    const outputs = bicepOutputs();
    const manifestVars = [read('manifest/manifest.json'), read('manifest/en-us.json')].flatMap(varsIn);

    for (const { stage, step } of steps) {
      const uses = String(step.uses);
      const w = obj(step.with);
      const used = varsIn(JSON.stringify(step.with));
      const generatedHere: string[] = [];
      if (uses === 'arm/deploy') {
        for (const t of arr(w.templates).map(obj)) used.push(...varsIn(read(String(t.parameters))));
      }
      if (uses === 'aadApp/update') {
        used.push(...varsIn(read(String(w.manifestPath))));
        generatedHere.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID'); // aadApp/update makes one when empty
      }
      if (uses === 'teamsApp/validateManifest' || uses === 'teamsApp/zipAppPackage') used.push(...manifestVars);

      const missing = [...new Set(used)].filter((v) => !available.has(v) && !generatedHere.includes(v));
      expect(missing, `${stage}: ${uses} uses variables nothing has set yet`).toEqual([]);

      for (const v of generatedHere) available.add(v);
      if (step.writeToEnvironmentFile)
        for (const v of Object.values(obj(step.writeToEnvironmentFile))) available.add(String(v));
      if (uses === 'arm/deploy') for (const o of outputs) available.add(o);
    }

    // What the actions write (but secrets) is listed in the env file, so people can see what provision produces.
    for (const { step } of steps) {
      for (const v of Object.values(step.writeToEnvironmentFile ? obj(step.writeToEnvironmentFile) : {})) {
        if (!String(v).startsWith('SECRET_'))
          expect(declared.has(String(v)), `${String(v)} in env/.env.${env}`).toBe(true);
      }
    }
  });

  it('keeps secrets out of the committed env file', () => {
    const envFile = dotenv.parse(readFileSync(path.join(ROOT, 'env', `.env.${env}`)));
    for (const [k, v] of Object.entries(envFile)) {
      if (/SECRET|PASSWORD|KEY/.test(k)) expect(v, k).toBe('');
    }
    // A person must set the external secrets; say so where they will look.
    for (const name of external.filter((n) => n.startsWith('SECRET_'))) {
      expect(readFileSync(path.join(ROOT, 'env', `.env.${env}`), 'utf8')).toContain(name);
    }
  });
});

describe('teamsapp.local.yml writes the settings the server reads', () => {
  it('puts the bot credentials into .localConfigs under the names in src/config.ts', () => {
    const doc = obj(parseYaml(read('teamsapp.local.yml')) as Json);
    const step = [...arr(doc.provision), ...arr(doc.deploy)]
      .map(obj)
      .find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    expect(step).toBeDefined();
    const w = obj(step!.with);
    expect(w.target).toBe('./.localConfigs');
    expect(obj(w.envs)).toMatchObject({
      MicrosoftAppId: '${{BOT_ID}}',
      MicrosoftAppPassword: '${{SECRET_BOT_PASSWORD}}',
      MicrosoftAppType: '${{BOT_APP_TYPE}}',
      MicrosoftAppTenantId: '${{BOT_TENANT_ID}}',
    });
    expect(dotenv.parse(read('env/.env.local')).BOT_APP_TYPE).toMatch(/^(SingleTenant|MultiTenant|UserAssignedMSI)$/);
  });

  it('reads YAML as a YAML parser would (spot check of the test parser)', () => {
    expect(parseYaml("a:\n  - b: 1\n    c:\n      - x\n  - \"q # not a comment\" # comment\nd: 'it''s'\n")).toEqual({
      a: [{ b: '1', c: ['x'] }, 'q # not a comment'],
      d: "it's",
    });
    expect(() => parseYaml('a: [1, 2]\n')).toThrow(/unsupported/);
  });
});

// ---------------------------------------------------------------- aad.manifest.json

describe('aad.manifest.json (tab SSO app)', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as JsonObject;

  it('exposes access_as_user at api://<bot domain>/<client id> to the Teams clients', () => {
    expect(aad.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(aad.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const api = obj(aad.api);
    expect(api.requestedAccessTokenVersion).toBe(2);
    const scopes = arr(api.oauth2PermissionScopes).map(obj);
    const scope = scopes.find((s) => s.value === 'access_as_user');
    expect(scope).toMatchObject({ type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' });
    const pre = arr(api.preAuthorizedApplications).map(obj);
    expect(pre.map((p) => p.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    for (const p of pre) expect(p.delegatedPermissionIds).toEqual([scope!.id]);
  });

  it('matches the manifest webApplicationInfo and the name aadApp/create gives the app', () => {
    const manifest = JSON.parse(read('manifest/manifest.json')) as JsonObject;
    expect(obj(manifest.webApplicationInfo).resource).toBe(arr(aad.identifierUris)[0]);
    for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const doc = obj(parseYaml(read(file)) as Json);
      const create = arr(doc.provision)
        .map(obj)
        .find((s) => s.uses === 'aadApp/create' && obj(s.writeToEnvironmentFile).clientId === 'AAD_APP_CLIENT_ID');
      expect(obj(create!.with).name, file).toBe(aad.displayName);
    }
  });
});

// ---------------------------------------------------------------- infra

describe('infra/azure.bicep and azure.parameters.json', () => {
  const bicep = read('infra/azure.bicep');
  const params = new Map(
    [...bicep.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=\s*.+)?$/gm)].map((m) => [
      m[1]!,
      { type: m[2]!, hasDefault: !!m[3] },
    ]),
  );
  const file = JSON.parse(read('infra/azure.parameters.json')) as JsonObject;
  const given = obj(file.parameters);

  it('gives values only for declared parameters, and for every parameter without a default', () => {
    expect(params.size).toBeGreaterThan(5);
    for (const name of Object.keys(given)) expect(params.has(name), `${name} is not a param in azure.bicep`).toBe(true);
    for (const [name, p] of params)
      if (!p.hasDefault) expect(Object.keys(given), `${name} needs a value`).toContain(name);
    for (const [name, v] of Object.entries(given)) {
      expect(Object.keys(obj(v)), name).toEqual(['value']);
      if (params.get(name)!.type === 'string') expect(typeof obj(v).value, name).toBe('string');
    }
  });

  it('takes secrets through @secure() parameters fed from SECRET_ variables', () => {
    for (const [name, v] of Object.entries(given)) {
      const refs = varsIn(String(obj(v).value));
      if (refs.some((r) => r.startsWith('SECRET_'))) {
        expect(bicep, `${name} must be @secure()`).toMatch(
          new RegExp(`@secure\\(\\)\\n(?:@.*\\n)*param ${name} string`),
        );
      }
    }
  });

  it('outputs what the project files read back from it', () => {
    const outputs = bicepOutputs();
    expect(outputs).toEqual(
      expect.arrayContaining(['BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'DATABASE_HOST']),
    );
    expect(read('teamsapp.yml')).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('configures the settings the server reads', () => {
    for (const setting of [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'DATABASE_URL',
    ]) {
      expect(bicep).toContain(`name: '${setting}'`);
    }
    expect(bicep).toMatch(/appCommandLine: 'npm start'/);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/alwaysOn: true/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('uses values from the env files that azure.bicep allows', () => {
    const dev = dotenv.parse(read('env/.env.dev'));
    for (const [name, v] of Object.entries(given)) {
      const value = String(obj(v).value);
      const ref = /^\$\{\{(\w+)\}\}$/.exec(value);
      if (!ref || !dev[ref[1]!]) continue;
      const allowed = new RegExp(`@allowed\\(\\[([^\\]]*)\\]\\)\\n(?:@.*\\n)*param ${name} `).exec(bicep);
      if (allowed) expect(allowed[1], `${name}=${dev[ref[1]!]}`).toContain(`'${dev[ref[1]!]}'`);
    }
  });
});

it('placeholdersIn lists each variable once', () => {
  expect(placeholdersIn('${{A}} ${{ B }} ${{A}}')).toEqual(['A', 'B']);
});
