import { describe, expect, it } from 'vitest';
import { checkinCard, checkoutCard, guidanceCard } from '../bot/cards/checkin.ts';
import {
  CHECKIN_QUESTIONS,
  evaluateCheckin,
  evaluateCheckout,
  validateSubmit,
  type SubmitContext,
} from '../src/checkin/index.ts';
import { GUIDELINE_REVISION, hasRule, rule } from '../src/guideline/index.ts';

const owner = 'aad-owner-1';
const today = '2026-04-01';
const cardId = '3f2b8c1e-1d2a-4c3b-9a8e-123456789abc';
const issued = { aadObjectId: owner, kind: 'checkin' as const, localDate: today };
const ctx: SubmitContext = { kind: 'checkin', actor: owner, issued, today };
const cardData = { cardId, owner, localDate: today, revision: GUIDELINE_REVISION };
const compliant = { place: 'home', network: 'wired', device: 'company-pc', access: 'vpn', workspace: 'private' };

const submit = (values: Record<string, unknown>, c: SubmitContext = ctx, verb = 'checkin.submit') =>
  validateSubmit(c, verb, { ...cardData, ...values });
const codes = (r: ReturnType<typeof validateSubmit>) =>
  r.ok ? [] : r.reasons.map((x) => x.code + (x.field ? `:${x.field}` : ''));

describe('check-in submit validation', () => {
  it('accepts the owner’s answers for today and keeps only the questions asked', () => {
    const r = submit({ ...compliant, mood: '4', talk: 'yes', note: '  眠い ', msteams: { x: 1 }, extra: 'x' });
    expect(r).toEqual({
      ok: true,
      card: cardData,
      answers: { ...compliant, mood: '4', talk: 'yes', note: '眠い' },
    });
  });

  it('refuses a submit from someone other than the person the card was sent to', () => {
    expect(codes(submit(compliant, { ...ctx, actor: 'aad-someone-else' }))).toEqual(['not-owner']);
    // The card data rewritten to name the intruder changes nothing: the server knows whom it issued the card to.
    expect(codes(submit({ ...compliant, owner: 'aad-someone-else' }, { ...ctx, actor: 'aad-someone-else' }))).toEqual([
      'not-owner',
    ]);
  });

  it('refuses a card id the server never issued, or issued for the other kind of check', () => {
    expect(codes(submit(compliant, { ...ctx, issued: undefined }))).toEqual(['not-issued']);
    expect(codes(submit(compliant, { ...ctx, issued: { ...issued, kind: 'checkout' } }))).toEqual(['not-owner']);
  });

  it('refuses a card from another day (the day is closed)', () => {
    expect(codes(submit({ ...compliant, localDate: '2026-03-31' }))).toEqual(['day-closed']);
    expect(codes(submit(compliant, { ...ctx, today: '2026-04-02' }))).toEqual(['day-closed']);
    expect(codes(submit(compliant, { ...ctx, issued: { ...issued, localDate: '2026-03-31' } }))).toEqual([
      'day-closed',
    ]);
  });

  it('refuses a card issued under an older guideline revision', () => {
    expect(codes(submit({ ...compliant, revision: '2025-02-01' }))).toEqual(['stale-revision']);
  });

  it('refuses values the card never offered, and says which', () => {
    expect(codes(submit({ ...compliant, network: 'starbucks' }))).toEqual(['not-offered:network']);
    expect(codes(submit({ ...compliant, mood: '11' }))).toEqual(['not-offered:mood']);
    expect(codes(submit({ ...compliant, place: ['home'] }))).toEqual(['not-offered:place']);
    expect(codes(submit({ ...compliant, talk: 'true' }))).toEqual(['not-offered:talk']);
    expect(codes(submit({ ...compliant, note: 'a\u0000b' }))).toEqual(['not-offered:note']);
    expect(codes(submit({ ...compliant, note: 'あ'.repeat(501) }))).toEqual(['too-long:note']);
  });

  it('refuses missing required answers but not missing optional ones', () => {
    const { workspace: _w, ...rest } = compliant;
    expect(codes(submit(rest))).toEqual(['missing:workspace']);
    expect(submit(compliant).ok).toBe(true);
  });

  it('refuses forged or missing card data and the wrong verb, all reasons at once', () => {
    expect(codes(validateSubmit(ctx, 'checkin.submit', { ...compliant }))).toEqual(['bad-card-data']);
    expect(codes(submit({ ...compliant, cardId: "1' OR 1=1" }))).toEqual(['bad-card-data']);
    expect(codes(validateSubmit(ctx, 'checkin.submit', 'not an object'))).toContain('bad-card-data');
    expect(codes(submit(compliant, ctx, 'checkout.submit'))).toEqual(['wrong-verb']);
    expect(codes(submit({ ...compliant, network: 'x' }, { ...ctx, actor: 'other', today: '2026-05-01' }))).toEqual([
      'not-owner',
      'not-offered:network',
    ]);
    expect(codes(submit({ ...compliant, network: 'x' }, { ...ctx, today: '2026-05-01' }))).toEqual([
      'day-closed',
      'not-offered:network',
    ]);
  });

  it('validates a check-out against the check-out questions', () => {
    const c: SubmitContext = { kind: 'checkout', actor: owner, issued: { ...issued, kind: 'checkout' }, today };
    const values = { disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' };
    expect(validateSubmit(c, 'checkout.submit', { ...cardData, ...values })).toMatchObject({
      ok: true,
      answers: values,
    });
    expect(codes(validateSubmit(c, 'checkout.submit', { ...cardData, ...values, stored: 'drawer' }))).toEqual([
      'not-offered:stored',
    ]);
  });
});

describe('check-in evaluation', () => {
  const ids = (a: Record<string, string>) => evaluateCheckin({ ...compliant, ...a }).map((f) => f.ruleId);

  it('finds nothing in a compliant setup, including a carrier SIM or RV on a company PC', () => {
    expect(evaluateCheckin(compliant)).toEqual([]);
    expect(ids({ network: 'mobile', access: 'rv' })).toEqual([]);
    expect(ids({ network: 'home-wifi', access: 'secure-logon' })).toEqual([]);
  });

  it('flags each non-compliant answer with the rule, its section and guidance in both languages', () => {
    expect(ids({ place: 'elsewhere' })).toEqual(['2.1-home-only']);
    expect(ids({ network: 'public-wifi' })).toEqual(['2.2-no-risky-network']);
    expect(ids({ device: 'personal-pc', access: 'vpn' })).toEqual(['3.2-personal-pc-methods']);
    expect(ids({ device: 'customer-pc', access: 'vpn' })).toEqual(['3.1-vpn']);
    expect(ids({ workspace: 'exposed' })).toEqual(['3.4-screen-not-visible', '2.5-no-cohabitant-access']);
    const [f] = evaluateCheckin({ ...compliant, network: 'public-wifi' });
    expect(f).toMatchObject({ section: '§2.2', severity: 'violation', says: { ja: rule('2.2-no-risky-network').ja } });
    expect(f!.guidance.ja).toMatch(/切断/);
    expect(f!.guidance.en).toMatch(/Disconnect/);
  });

  it('reminds a personal PC user over RV or a browser of the approval, as a caution, after violations', () => {
    const fs = evaluateCheckin({ ...compliant, device: 'personal-pc', access: 'rv', place: 'elsewhere' });
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([
      ['2.1-home-only', 'violation'],
      ['3.2-personal-pc-approval', 'caution'],
    ]);
  });

  it('check-out: a lost device is an incident for the security contact; an unstored PC is flagged', () => {
    const ok = { disconnected: 'yes', loggedOff: 'yes', stored: 'locked-cabinet', report: 'none' };
    expect(evaluateCheckout(ok)).toEqual([]);
    const fs = evaluateCheckout({ ...ok, report: 'lost-device', stored: 'not-stored', loggedOff: 'no' });
    expect(fs.map((f) => [f.ruleId, f.severity, f.notify])).toEqual([
      ['1-risk-burglary', 'incident', 'security-contact'],
      ['3.4-end-of-day', 'violation', undefined],
      ['3.4-store-pc', 'violation', undefined],
    ]);
    expect(evaluateCheckout({ ...ok, stored: 'cabinet' }).map((f) => f.severity)).toEqual(['caution']);
  });

  it('every question cites rules that exist in the guideline data', () => {
    for (const q of CHECKIN_QUESTIONS) for (const id of q.ruleIds) expect(hasRule(id)).toBe(true);
  });
});

describe('check-in cards', () => {
  const find = (card: unknown, pred: (n: Record<string, unknown>) => boolean): Record<string, unknown>[] => {
    const out: Record<string, unknown>[] = [];
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (pred(n as Record<string, unknown>)) out.push(n as Record<string, unknown>);
        Object.values(n).forEach(walk);
      }
    };
    walk(card);
    return out;
  };

  it('offers exactly the choices the validator accepts, in Japanese or English', () => {
    const ja = checkinCard('ja', { cardId, owner, localDate: today });
    const network = find(ja, (n) => n.id === 'network')[0] as { choices: { title: string; value: string }[] };
    expect(network.choices.map((c) => c.value)).toEqual(['wired', 'home-wifi', 'mobile', 'public-wifi']);
    expect(network.choices[3]!.title).toBe('公衆・フリーWi-Fi');
    const en = checkinCard('en', { cardId, owner, localDate: today });
    expect((find(en, (n) => n.id === 'network')[0] as typeof network).choices[3]!.title).toBe('Public or free Wi-Fi');
  });

  it('submits with Action.Execute and its verb and card data, with an Action.Submit fallback carrying the verb', () => {
    const [action] = find(checkoutCard('ja', { cardId, owner, localDate: today }), (n) => n.type === 'Action.Execute');
    expect(action).toMatchObject({
      verb: 'checkout.submit',
      data: cardData,
      fallback: { type: 'Action.Submit', data: { ...cardData, verb: 'checkout.submit' } },
    });
  });

  it('guidance names the section and what to do now', () => {
    const card = JSON.stringify(guidanceCard('ja', evaluateCheckin({ ...compliant, network: 'public-wifi' })));
    expect(card).toContain('§2.2 主な禁止事項2');
    expect(card).toContain('今すぐすること');
  });
});
