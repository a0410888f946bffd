/**
 * Every card the bot can send, in both languages and every variant, parsed by the Adaptive Cards library (the
 * `adaptivecards` package, what Teams' renderers are built on) as Adaptive Cards 1.5 with the host values Teams
 * uses. Any parse or validation event fails, and so does what the library would silently drop: an unknown element,
 * an unknown or misspelled property, or a value of the wrong type. No DOM is needed: parsing and validation are pure.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { answerCard } from '../bot/cards/answer.ts';
import type { Card } from '../bot/cards/card.ts';
import { checkinCard, checkoutCard, guidanceCard, receiptCard } from '../bot/cards/checkin.ts';
import { complianceRenderer } from '../bot/cards/compliance.ts';
import { errorCard, type Problem } from '../bot/cards/error.ts';
import { helpCard } from '../bot/cards/help.ts';
import { officeDayCard } from '../bot/cards/office-day.ts';
import { welcomeCard } from '../bot/cards/welcome.ts';
import { submitView } from '../bot/checkin-actions.ts';
import { checkinRenderer } from '../bot/checkin-renderer.ts';
import { helpLines } from '../bot/help.ts';
import type { Lang } from '../bot/locale.ts';
import { ROUTES } from '../bot/routes.ts';
import { answer } from '../src/answer/answer.ts';
import type { Verdict } from '../src/answer/types.ts';
import { rule } from '../src/guideline/index.ts';
import { evaluate, type CheckinAnswers, type CheckKind } from '../src/checkin/index.ts';
import { QUESTIONS } from './answer-questions.ts';

// The package's ES build imports its own files without extensions, which Node's loader refuses; its UMD build loads.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;
const V1_5 = AC.Versions.v1_5;

/** The values from Teams' host config that parsing and validation read (the rest is about looks). */
const TEAMS_HOST_CONFIG = new AC.HostConfig({
  supportsInteractivity: true,
  actions: { maxActions: 6, actionsOrientation: 'Horizontal', showCard: { actionMode: 'Inline' } },
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Typed objects that live inside a parent element rather than in the registry. */
const NESTED_TYPES: Record<string, () => AdaptiveCards.SerializableObject> = {
  Column: () => new AC.Column(),
  TableRow: () => new AC.TableRow(),
  TableCell: () => new AC.TableCell(),
};

type Family = 'element' | 'action' | keyof typeof NESTED_TYPES;

/** The lists the library parses by hand rather than through the schema, and what may go in each. */
const COLLECTIONS: Record<string, Record<string, Family>> = {
  AdaptiveCard: { body: 'element', actions: 'action' },
  Container: { items: 'element' },
  Column: { items: 'element' },
  TableCell: { items: 'element' },
  ActionSet: { actions: 'action' },
  ColumnSet: { columns: 'Column' },
  Table: { rows: 'TableRow' },
  TableRow: { cells: 'TableCell' },
};

function instanceOf(type: unknown, family: Family): AdaptiveCards.SerializableObject | undefined {
  if (typeof type !== 'string') return undefined;
  if (family === 'element') return AC.GlobalRegistry.elements.createInstance(type, V1_5);
  if (family === 'action') return AC.GlobalRegistry.actions.createInstance(type, V1_5);
  return type === family ? NESTED_TYPES[type]!() : undefined;
}

function propertiesOf(o: AdaptiveCards.SerializableObject): Map<string, AdaptiveCards.PropertyDefinition> {
  const schema = o.getSchema();
  const map = new Map<string, AdaptiveCards.PropertyDefinition>();
  for (let i = 0; i < schema.getCount(); i++) {
    const p = schema.getItemAt(i);
    map.set(p.name, p);
  }
  return map;
}

/**
 * Walks the JSON beside the library's own schema for each object: every key must be a property the library knows
 * for that type in 1.5, with a value of the property's kind.
 */
function schemaProblems(json: unknown, o: AdaptiveCards.SerializableObject, path: string): string[] {
  if (!isObject(json)) return [`${path}: not an object`];
  const problems: string[] = [];
  const props = propertiesOf(o);
  for (const [key, value] of Object.entries(json)) {
    const at = `${path}.${key}`;
    const family = COLLECTIONS[String(json.type)]?.[key];
    if (family) {
      if (!Array.isArray(value)) problems.push(`${at}: not a list`);
      else value.forEach((v, i) => problems.push(...typedProblems(v, `${at}[${i}]`, family)));
      continue;
    }
    // A ShowCard's card is parsed by hand too, as a card without version or $schema of its own.
    if (key === 'card' && o instanceof AC.ShowCardAction) {
      problems.push(...schemaProblems(value, o.card, at));
      continue;
    }
    if (key === 'fallback' && (o instanceof AC.CardElement || o instanceof AC.Action)) {
      if (value !== 'drop') problems.push(...typedProblems(value, at, o instanceof AC.Action ? 'action' : 'element'));
      continue;
    }
    const p = props.get(key);
    if (!p) {
      problems.push(`${at}: unknown property of ${String(json.type ?? 'this object')}`);
      continue;
    }
    if (p.targetVersion.major > 1 || p.targetVersion.minor > 5) problems.push(`${at}: needs ${p.targetVersion}`);
    problems.push(...valueProblems(p, value, at));
  }
  return problems;
}

function typedProblems(value: unknown, path: string, family: Family): string[] {
  if (!isObject(value)) return [`${path}: not an object`];
  const o = instanceOf(value.type, family);
  if (!o) return [`${path}: unknown ${family} type ${JSON.stringify(value.type)}`];
  return schemaProblems(value, o, `${path}<${String(value.type)}>`);
}

function valueProblems(p: AdaptiveCards.PropertyDefinition, value: unknown, at: string): string[] {
  const wrong = (what: string) => [`${at}: ${JSON.stringify(value)} is not ${what}`];
  if (p instanceof AC.StringProperty) {
    if (typeof value !== 'string') return wrong('a string');
    return p.regEx && !p.regEx.test(value) ? wrong(`matching ${p.regEx}`) : [];
  }
  if (p instanceof AC.BoolProperty) return typeof value === 'boolean' ? [] : wrong('a boolean');
  if (p instanceof AC.NumProperty) return typeof value === 'number' ? [] : wrong('a number');
  if (p instanceof AC.PixelSizeProperty) return typeof value === 'string' && /^\d+px$/.test(value) ? [] : wrong('Npx');
  if (p instanceof AC.StringArrayProperty) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [] : wrong('a list of strings');
  }
  if (p instanceof AC.ValueSetProperty) {
    return p.values.some((v) => v.value === value) ? [] : wrong(`one of ${p.values.map((v) => v.value).join('|')}`);
  }
  if (p instanceof AC.EnumProperty) {
    const names = p.values.map((v) => p.enumType[v.value] as string);
    return names.includes(value as string) ? [] : wrong(`one of ${names.join('|')}`);
  }
  if (p instanceof AC.SerializableObjectProperty) return schemaProblems(value, new p.objectType(), at);
  if (p instanceof AC.SerializableObjectCollectionProperty) {
    if (!Array.isArray(value)) return wrong('a list');
    return value.flatMap((v, i) => schemaProblems(v, new p.objectType(), `${at}[${i}]`));
  }
  if (p instanceof AC.ActionProperty) return typedProblems(value, at, 'action');
  if (p.name === 'associatedInputs') return value === 'auto' || value === 'none' ? [] : wrong('auto|none');
  if (p.name === 'width' && !(value === 'auto' || value === 'stretch' || typeof value === 'number')) {
    return wrong('auto|stretch|a number');
  }
  // What remains is free-form by design: an action's data, the card's version and $schema (checked below).
  return [];
}

/** Everything the library and the schema walk have to say about one card; [] means Teams will render it as built. */
function cardProblems(card: Card): string[] {
  const json = JSON.parse(JSON.stringify(card)) as Json;
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = TEAMS_HOST_CONFIG;
  const context = new AC.SerializationContext(V1_5);
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);

  const { msteams, $schema, ...rest } = json;
  if (json.version !== '1.5') problems.push(`version ${String(json.version)} is not 1.5`);
  if ($schema !== undefined && $schema !== 'http://adaptivecards.io/schemas/adaptive-card.json')
    problems.push('$schema');
  if (msteams !== undefined && JSON.stringify(msteams) !== '{"width":"Full"}')
    problems.push('msteams: only width Full');
  problems.push(...schemaProblems({ ...rest, type: 'AdaptiveCard' }, new AC.AdaptiveCard(), 'card'));
  problems.push(...inputProblems(json));
  return problems;
}

/** Every input has an id, unique in the card; what the submit carries is keyed by it. */
function inputProblems(json: Json): string[] {
  const ids: string[] = [];
  const problems: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObject(v)) return;
    if (typeof v.type === 'string' && v.type.startsWith('Input.')) {
      if (typeof v.id !== 'string' || !v.id) problems.push(`${v.type} without an id`);
      else ids.push(v.id);
    }
    Object.entries(v).forEach(([k, x]) => k !== 'data' && walk(x));
  };
  walk(json);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push(`duplicate input ids: ${dupes.join(', ')}`);
  return problems;
}

// ---- every card the bot sends -------------------------------------------------------------------------------

const LANGS: Lang[] = ['ja', 'en'];
const DATA = {
  cardId: '5b1e7a0c-3f4d-4c2a-9b8e-1d2f3a4b5c6d',
  owner: '0f8fad5b-d9cb-469f-a165-70867728950e',
  localDate: '2026-04-01',
  revision: '2026-02-01',
};
const FINE_CHECKIN: CheckinAnswers = {
  place: 'home',
  network: 'wired',
  device: 'company-pc',
  access: 'vpn',
  workspace: 'private',
  mood: '4',
  talk: 'no',
  note: '午後は打ち合わせ',
};
/** Answers that raise every check-in finding there is: violations and a caution. */
const RISKY_CHECKINS: CheckinAnswers[] = [
  { place: 'elsewhere', network: 'public-wifi', device: 'personal-pc', access: 'vpn', workspace: 'exposed', mood: '2' },
  { place: 'home', network: 'home-wifi', device: 'customer-pc', access: 'vpn', workspace: 'shared', mood: '3' },
  { place: 'home', network: 'home-wifi', device: 'personal-pc', access: 'vdi', workspace: 'private' },
];
const FINE_CHECKOUT: CheckinAnswers = {
  disconnected: 'yes',
  loggedOff: 'yes',
  stored: 'locked-cabinet',
  report: 'none',
};
/** Every check-out finding: end of day, storage, a lost device (an incident) and another report. */
const RISKY_CHECKOUTS: CheckinAnswers[] = [
  { disconnected: 'no', loggedOff: 'no', stored: 'not-stored', report: 'lost-device', note: '駅で紛失' },
  { disconnected: 'yes', loggedOff: 'yes', stored: 'cabinet', report: 'other' },
];

function cardsToCheck(): [string, Card][] {
  const out: [string, Card][] = [];
  const add = (name: string, card: Card) => out.push([name, card]);
  for (const lang of LANGS) {
    add(`welcome ${lang}`, welcomeCard(lang));
    add(`welcome ${lang} with a name`, welcomeCard(lang, '山田 花子'));
    add(`help ${lang}`, helpCard(lang, helpLines(ROUTES, lang)));
    add(`office day ${lang}`, officeDayCard(lang, '2026-04-01'));
    for (const problem of ['internal', 'unsupported', 'too-long', 'empty', 'unverified'] as Problem[]) {
      add(`error ${problem} ${lang}`, errorCard(lang, problem));
    }

    // Answers: one per verdict the evaluation set has in this language, and the matrix ones.
    const seen = new Set<Verdict>();
    for (const q of QUESTIONS) {
      const a = answer(q.q);
      if (a.lang !== lang || (seen.has(a.verdict) && !a.cells.length)) continue;
      seen.add(a.verdict);
      add(`answer ${lang} ${a.verdict}: ${q.q}`, answerCard(a));
    }
    // What the engine may not produce today but the card must carry: an unknown with sections near it.
    const unknown = answer(lang === 'ja' ? '有給休暇は何日？' : 'How many days of paid leave do I get?');
    add(`answer ${lang} unknown with nearest`, answerCard({ ...unknown, nearest: ['§3.2', '§3.5'] }));

    for (const kind of ['checkin', 'checkout'] as CheckKind[]) {
      const form = kind === 'checkin' ? checkinCard(lang, DATA) : checkoutCard(lang, DATA);
      add(`${kind} form ${lang}`, form);
      for (const reminder of [false, true]) {
        for (const needsPledge of kind === 'checkin' ? [false, true] : [false]) {
          const { card } = checkinRenderer.render(kind, lang, DATA, { reminder, needsPledge });
          add(`${kind} scheduled ${lang} reminder=${reminder} first-day pledge=${needsPledge}`, card as Card);
        }
      }
      const samples = kind === 'checkin' ? [FINE_CHECKIN, ...RISKY_CHECKINS] : [FINE_CHECKOUT, ...RISKY_CHECKOUTS];
      samples.forEach((answers, i) => {
        const findings = evaluate(kind, answers);
        add(`${kind} receipt ${lang} #${i}`, receiptCard(lang, kind, DATA.localDate, answers, findings));
        if (findings.length) add(`${kind} guidance ${lang} #${i}`, guidanceCard(lang, findings));
        for (const status of ['stored', 'duplicate'] as const) {
          const record = { localDate: DATA.localDate, answers } as never;
          const view = submitView({ status, kind, record, findings, streak: 3 }, lang);
          if ('replaceWith' in view) add(`${kind} ${status} receipt ${lang} #${i}`, view.replaceWith);
        }
        for (const urgent of [false, true]) {
          for (const name of [undefined, '佐藤 一郎']) {
            const notice = {
              about: { aadObjectId: DATA.owner, name },
              kind,
              localDate: DATA.localDate,
              findings,
              urgent,
            };
            if (findings.length)
              add(
                `compliance ${kind} ${lang} #${i} urgent=${urgent} name=${!!name}`,
                complianceRenderer.render(lang, notice).card as Card,
              );
          }
        }
      });
    }
  }
  return out;
}

describe('every card the bot sends is a valid Adaptive Card 1.5 for Teams', () => {
  const cards = cardsToCheck();

  it('covers every kind of card, in both languages', () => {
    const kinds = new Set(cards.map(([name]) => name.split(' ')[0]));
    expect([...kinds].sort()).toEqual(
      ['answer', 'checkin', 'checkout', 'compliance', 'error', 'help', 'office', 'welcome'].sort(),
    );
    for (const lang of LANGS) {
      const answers = cards.filter(([n]) => n.startsWith(`answer ${lang} `));
      const verdicts = new Set(answers.map(([n]) => n.split(' ')[2]!.replace(':', '')));
      expect([...verdicts].sort()).toEqual(['allowed', 'conditional', 'depends', 'prohibited', 'required', 'unknown']);
    }
    expect(cards.some(([n]) => n.includes('first-day pledge=true'))).toBe(true);
    // The answer card's optional parts: what was read, the rules behind it with the §3.5 table, the nearest sections.
    const answerCards = cards.filter(([n]) => n.startsWith('answer ')).map(([, c]) => JSON.stringify(c));
    for (const lang of LANGS) {
      const read = lang === 'ja' ? '読み取った状況' : 'What I understood';
      expect(answerCards.some((c) => c.includes(read) && c.includes('Action.ShowCard') && c.includes('"Table"'))).toBe(
        true,
      );
    }
    expect(cards.filter(([n]) => n.endsWith('unknown with nearest'))).toHaveLength(2);
  });

  it.each(cards)('%s', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the answer card', () => {
  /** Every text on the card, in order, body first, then what each ShowCard opens. */
  const texts = (c: unknown): string[] => {
    if (Array.isArray(c)) return c.flatMap(texts);
    if (!isObject(c)) return [];
    return Object.entries(c).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : texts(v)));
  };
  const showCard = (c: Card) => c.actions?.find((a) => a.type === 'Action.ShowCard');

  it('says under the verdict what it read, and opens the rules used and the whole §3.5 table', () => {
    const a = answer('私用スマホでTeamsアプリ使える？');
    const c = answerCard(a);
    expect(texts(c.body).slice(0, 3)).toEqual([
      expect.stringMatching(/^×/),
      `読み取った状況：${a.understood.summary}`,
      expect.stringMatching(/言い方を変えて/),
    ]);
    const more = showCard(c);
    expect(more?.title).toBe('ガイドラインの該当箇所を見る');
    const inside = texts(more);
    expect(inside[0]).toBe('§3.5 Microsoft 365 を社外で利用する時の機器制限');
    for (const id of a.ruleIds) expect(inside.join('\n')).toContain(rule(id).ja);
    const table = JSON.stringify(more).match(/"type":"TableRow"/g);
    expect(table).toHaveLength(17); // a header and all 16 cells
  });

  it('speaks English to an English question', () => {
    const c = answerCard(answer('Can I work from a café?'));
    expect(texts(c.body)[1]).toMatch(/^What I understood: .*café/);
    expect(showCard(c)?.title).toBe('See the guideline');
    expect(texts(showCard(c))[0]).toMatch(/^§2\.1 /);
  });

  it('shows no line when nothing was read, and for an unknown only the titles of the sections near it', () => {
    const a = answer('有給休暇は何日？');
    expect(a.understood.summary).toBe('');
    const bare = answerCard({ ...a, nearest: [] });
    expect(texts(bare.body).join('\n')).not.toMatch(/読み取った状況/);
    expect(bare.actions).toBeUndefined();
    const near = texts(showCard(answerCard({ ...a, nearest: ['§3.2', '§3.5'] })));
    expect(near.slice(1)).toEqual(['・§3.2 利用するPC機器等', '・§3.5 Microsoft 365 を社外で利用する時の機器制限']);
  });
});

describe('the check itself', () => {
  const base = (body: unknown[], actions?: unknown[]) =>
    ({ type: 'AdaptiveCard', version: '1.5', body, ...(actions ? { actions } : {}) }) as unknown as Card;

  it.each([
    ['an unknown element', base([{ type: 'TextBlok', text: 'x' }]), /unknown element type/],
    ['a misspelled property', base([{ type: 'TextBlock', text: 'x', wrapp: true }]), /unknown property/],
    ['a wrong type', base([{ type: 'TextBlock', text: 'x', wrap: 'yes' }]), /not a boolean/],
    ['a value the enum lacks', base([{ type: 'TextBlock', text: 'x', color: 'Green' }]), /color/],
    ['an input without an id', base([{ type: 'Input.Text', label: 'x' }]), /without an id|Id/i],
    [
      'duplicate input ids',
      base([
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Toggle', id: 'a', title: 't' },
      ]),
      /duplicate|Duplicate/,
    ],
    [
      'a 1.6 property',
      base(
        [{ type: 'TextBlock', text: 'x' }],
        [{ type: 'Action.Execute', title: 't', verb: 'v', isEnabled: false, menuActions: [] }],
      ),
      /unknown property|needs/,
    ],
    [
      'too many actions for Teams',
      base(
        [],
        Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `${i}` })),
      ),
      /actions/i,
    ],
    [
      'a misspelled property inside a ShowCard',
      base(
        [],
        [
          {
            type: 'Action.ShowCard',
            title: 't',
            card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x', wrapp: true }] },
          },
        ],
      ),
      /wrapp: unknown property of TextBlock/,
    ],
    [
      'a bad fallback',
      base([], [{ type: 'Action.Execute', title: 't', verb: 'v', fallback: { type: 'Action.Sumbit' } }]),
      /unknown action type/,
    ],
  ])('fails %s', (_name, card, problem) => {
    const problems = cardProblems(card);
    expect(problems.join('\n')).toMatch(problem);
  });
});
