/** src/input: text is repaired so it can be stored and compared; ids are judged by shape, never repaired. */
import { describe, expect, it } from 'vitest';
import {
  cleanJson,
  cleanText,
  commandKey,
  isGuid,
  isLanguageTag,
  isLooseObjectId,
  isTeamsId,
  looksLikeTimeZone,
} from '../src/input/index.ts';

describe('cleanText', () => {
  it('drops NUL and other controls but keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
    expect(cleanText('一行目\r\n二行目\r三行目\n\t字下げ')).toBe('一行目\n二行目\n三行目\n\t字下げ');
  });

  it('replaces a lone surrogate with U+FFFD and keeps a whole emoji', () => {
    expect(cleanText('x\ud83d')).toBe('x\ufffd');
    expect(cleanText('\udc00x')).toBe('\ufffdx');
    expect(cleanText('\udc00\ud83d')).toBe('\ufffd\ufffd');
    expect(cleanText('😀 ok')).toBe('😀 ok');
  });

  it('composes to NFC, so カ + combining dakuten is ガ', () => {
    expect(cleanText('\u30ab\u3099')).toBe('\u30ac');
  });

  it('leaves ordinary Japanese and English alone', () => {
    const s = '私用スマホでTeamsアプリ使える？ Can I use Wi-Fi?';
    expect(cleanText(s)).toBe(s);
  });
});

describe('commandKey', () => {
  it('folds width and case, collapses spaces and drops a closing 。 or ！', () => {
    expect(commandKey('ＣｈｅｃｋＩｎ。')).toBe('checkin');
    expect(commandKey('  ﾁｪｯｸｱｳﾄ！ ')).toBe('チェックアウト');
    expect(commandKey('check \u3000 in')).toBe('check in');
    expect(commandKey('？')).toBe('?');
  });
});

describe('cleanJson', () => {
  it('cleans every string and key of a card submit, in place of the original', () => {
    const result = cleanJson({ note: 'a\u0000b', list: ['\ud800'], ['k\u0000']: { deep: 'x\u0001' }, n: 1, t: true });
    expect(result).toEqual({ ok: true, value: { note: 'ab', list: ['\ufffd'], k: { deep: 'x' }, n: 1, t: true } });
  });

  it('refuses nesting deeper than allowed without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(cleanJson(deep, 32)).toEqual({ ok: false, problem: 'too-deep' });
    expect(cleanJson([[['x\u0000']]], 4)).toEqual({ ok: true, value: [[['x']]] });
  });

  it('leaves Dates and other non-JSON objects alone', () => {
    const at = new Date(0);
    const result = cleanJson({ at });
    expect(result.ok && (result.value as { at: Date }).at).toBe(at);
  });
});

describe('ids', () => {
  it('knows an Entra object or tenant id: a GUID and nothing else', () => {
    expect(isGuid('6f1c5f2e-8a2b-4c1d-9e3f-0a1b2c3d4e5f')).toBe(true);
    for (const bad of [
      '',
      'not-a-guid',
      '6f1c5f2e-8a2b-4c1d-9e3f-0a1b2c3d4e5f\u0000',
      '6f1c5f2e8a2b4c1d9e3f0a1b2c3d4e5f',
      1,
    ])
      expect(isGuid(bad)).toBe(false);
    expect(isLooseObjectId('00000000-0000-0000-0000-0000000000020')).toBe(true);
    expect(isLooseObjectId('x'.repeat(65))).toBe(false);
  });

  it('bounds Teams ids and keeps them to printable ASCII', () => {
    expect(isTeamsId('29:1AbC-dEf_ghi')).toBe(true);
    expect(isTeamsId('19:abc@thread.tacv2;messageid=1700000000000')).toBe(true);
    for (const bad of ['', 'a b', 'a:1\u0000', 'a:1\ud800', 'x'.repeat(513), null]) expect(isTeamsId(bad)).toBe(false);
  });

  it('knows a language tag and the shape of a zone name', () => {
    expect(isLanguageTag('ja-JP')).toBe(true);
    expect(isLanguageTag('ja\u0000')).toBe(false);
    expect(looksLikeTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(looksLikeTimeZone('Asia/Tokyo\u0000')).toBe(false);
  });
});
