import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCheckin, type CheckinStore, type NewCheck } from '../src/checkin/index.ts';
import { GUIDELINE_REVISION } from '../src/guideline/index.ts';
import { pgCheckins } from '../src/store/checkins.ts';
import { startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
let store: CheckinStore;
beforeAll(async () => {
  db = await startTestDatabase();
  store = pgCheckins(db.pool);
});
afterAll(() => db?.close());

const at = new Date('2026-04-01T00:05:00Z');
const compliant = { place: 'home', network: 'wired', device: 'company-pc', access: 'vpn', workspace: 'private' };
const check = (who: string, over: Partial<NewCheck> = {}): NewCheck => ({
  aadObjectId: who,
  localDate: '2026-04-01',
  kind: 'checkin',
  cardId: randomUUID(),
  answers: compliant,
  guidelineRevision: GUIDELINE_REVISION,
  ...over,
});

describe('check-in store', () => {
  it('stores a check-in with its compliance events and the guideline revision', async () => {
    const answers = { ...compliant, network: 'public-wifi' };
    const r = await store.save(check('u-events', { answers }), evaluateCheckin(answers), at);
    expect(r.status).toBe('stored');
    if (r.status !== 'stored') return;
    expect(r.record).toMatchObject({ answers, guidelineRevision: GUIDELINE_REVISION, submittedAt: at });
    expect(await store.findingsOf(r.record.id)).toEqual([
      {
        checkinId: r.record.id,
        ruleId: '2.2-no-risky-network',
        section: '§2.2',
        severity: 'violation',
        guidelineRevision: GUIDELINE_REVISION,
      },
    ]);
  });

  it('submitting the same card twice, even at once, stores one record and one set of events', async () => {
    const c = check('u-double', { answers: { ...compliant, place: 'elsewhere' } });
    const findings = evaluateCheckin(c.answers);
    const results = await Promise.all([
      store.save(c, findings, at),
      store.save(c, findings, at),
      store.save(c, findings, at),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
    const ids = new Set(results.map((r) => ('record' in r ? r.record.id : '')));
    expect(ids.size).toBe(1);
    expect(await store.chain('u-double', '2026-04-01', 'checkin')).toHaveLength(1);
    expect(await store.findingsOf([...ids][0]!)).toHaveLength(1);
  });

  it('a second check-in card for the same day changes nothing; check-in and check-out are separate', async () => {
    const first = await store.save(check('u-second'), [], at);
    const second = await store.save(check('u-second', { answers: { ...compliant, place: 'elsewhere' } }), [], at);
    expect(second.status).toBe('duplicate');
    expect('record' in second && 'record' in first && second.record.id === first.record.id).toBe(true);
    expect((await store.current('u-second', '2026-04-01', 'checkin'))?.answers.place).toBe('home');
    const out = await store.save(check('u-second', { kind: 'checkout', answers: { report: 'none' } }), [], at);
    expect(out.status).toBe('stored');
    const nextDay = await store.save(check('u-second', { localDate: '2026-04-02' }), [], at);
    expect(nextDay.status).toBe('stored');
  });

  it('a correction is a new record pointing at the old one; the old one stays as it was', async () => {
    const original = await store.save(check('u-fix', { answers: { ...compliant, network: 'public-wifi' } }), [], at);
    if (original.status !== 'stored') throw new Error('not stored');
    const later = new Date(at.getTime() + 60_000);
    const fix = await store.save(check('u-fix', { correctsId: original.record.id }), [], later);
    if (fix.status !== 'stored') throw new Error('correction not stored');
    const fix2 = await store.save(
      check('u-fix', { correctsId: fix.record.id, answers: { ...compliant, mood: '2' } }),
      [],
      later,
    );
    expect(fix2.status).toBe('stored');

    const chain = await store.chain('u-fix', '2026-04-01', 'checkin');
    expect(chain.map((c) => c.answers.network)).toEqual(['public-wifi', 'wired', 'wired']);
    expect(chain[1]!.correctsId).toBe(original.record.id);
    expect((await store.current('u-fix', '2026-04-01', 'checkin'))?.answers.mood).toBe('2');

    // An old card correcting a record that was corrected already would fork the history: refused.
    expect((await store.save(check('u-fix', { correctsId: original.record.id }), [], later)).status).toBe('superseded');
    // Nobody corrects someone else's record, or one of another day.
    expect((await store.save(check('u-other', { correctsId: original.record.id }), [], later)).status).toBe(
      'not-found',
    );
    expect(
      (await store.save(check('u-fix', { correctsId: original.record.id, localDate: '2026-04-02' }), [], later)).status,
    ).toBe('not-found');
    expect(await store.chain('u-fix', '2026-04-01', 'checkin')).toHaveLength(3);
  });

  it('two corrections of the same record at once: one wins, the other is superseded', async () => {
    const original = await store.save(check('u-race'), [], at);
    if (original.status !== 'stored') throw new Error('not stored');
    const results = await Promise.all(
      [1, 2, 3].map(() => store.save(check('u-race', { correctsId: original.record.id }), [], at)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['stored', 'superseded', 'superseded']);
    expect(await store.chain('u-race', '2026-04-01', 'checkin')).toHaveLength(2);
  });

  it('a card id already stored for one person never brings their record back to another', async () => {
    const answers = { ...compliant, note: '体調が悪い' };
    const mine = await store.save(check('u-card-owner', { answers }), [], at);
    if (mine.status !== 'stored') throw new Error('not stored');
    const taken = store.save(check('u-card-thief', { cardId: mine.record.cardId }), [], at);
    await expect(taken).rejects.toThrow(/another person/);
    expect(await store.chain('u-card-thief', '2026-04-01', 'checkin')).toEqual([]);
  });

  it('the database itself refuses to change a submitted record or its events', async () => {
    const answers = { ...compliant, workspace: 'exposed' };
    const r = await store.save(check('u-immutable', { answers }), evaluateCheckin(answers), at);
    if (r.status !== 'stored') throw new Error('not stored');
    await expect(
      db.pool.query(`UPDATE checkins SET answers = '{"place":"home"}' WHERE id = $1`, [r.record.id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.pool.query(`UPDATE compliance_events SET severity = 'caution' WHERE checkin_id = $1`, [r.record.id]),
    ).rejects.toThrow(/immutable/);
    expect((await store.current('u-immutable', '2026-04-01', 'checkin'))?.answers).toEqual(answers);
  });
});
