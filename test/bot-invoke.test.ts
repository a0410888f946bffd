/**
 * Defect 4: every invoke name botbuilder's TeamsActivityHandler and ActivityHandler dispatch, sent through the local
 * Teams channel to the real server with a value that is null, absent, a string or an array, is answered with a 4xx
 * (a well-formed invoke the bot does not implement: the Bot Framework's 501), never a 500, and the turn logs no error.
 */
import { describe, expect, it } from 'vitest';
import { useBotServer } from './support/bot-server.ts';

const bot = useBotServer();

/** node_modules/botbuilder/lib/teamsActivityHandler.js and botbuilder-core/lib/activityHandler.js, onInvokeActivity. */
const INVOKE_NAMES = [
  'config/fetch',
  'config/submit',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'composeExtension/query',
  'composeExtension/selectItem',
  'composeExtension/submitAction',
  'composeExtension/fetchTask',
  'composeExtension/querySettingUrl',
  'composeExtension/setting',
  'composeExtension/onCardButtonClicked',
  'task/fetch',
  'task/submit',
  'tab/fetch',
  'tab/submit',
  'application/search',
  'adaptiveCard/action',
  'signin/verifyState',
  'signin/tokenExchange',
  'handoff/action',
  'no/such-invoke',
] as const;

const MALFORMED_VALUES: { label: string; value?: unknown }[] = [
  { label: 'null', value: null },
  { label: 'absent' },
  { label: 'a string', value: 'x' },
  { label: 'an empty string', value: '' },
  { label: 'an array', value: [1, 2] },
  { label: 'a number', value: 7 },
];

async function invoke(name: unknown, value: { value?: unknown }) {
  const activity: Record<string, unknown> = { type: 'invoke', ...value };
  if (name !== undefined) activity.name = name;
  return bot.channel.send(bot.server.url, activity as never);
}

function errorLines(): string[] {
  return [...bot.server.stdout, ...bot.server.stderr].filter((l) => /"level":(50|60)/.test(l));
}

describe('invokes the bot does not implement, or cannot read', () => {
  it.each(INVOKE_NAMES)('%s with a value that is not an object is a 400, never a 500', async (name) => {
    for (const { label, ...value } of MALFORMED_VALUES) {
      const res = await invoke(name, value);
      expect({ name, value: label, status: res.status }).toEqual({ name, value: label, status: 400 });
      expect(JSON.stringify(res.body)).not.toMatch(/stack|Error:|at /);
    }
  });

  it('answers a well-formed invoke it does not implement with 501, and a readable-but-wrong one with 400', async () => {
    const cases: [string, unknown, number][] = [
      ['fileConsent/invoke', { action: 'accept', context: {}, uploadInfo: {} }, 501],
      ['fileConsent/invoke', { action: 'neither' }, 400],
      ['composeExtension/submitAction', { commandId: 'x', data: {} }, 501],
      ['composeExtension/submitAction', { botMessagePreviewAction: 'sideways' }, 400],
      ['composeExtension/query', { commandId: 'x', parameters: [] }, 501],
      ['task/fetch', { data: {} }, 501],
      ['tab/fetch', { tabContext: {} }, 501],
      ['application/search', { kind: 'search', queryText: 'wifi' }, 501],
      ['application/search', { kind: 'search' }, 400],
      ['signin/verifyState', { state: '123' }, 501],
      ['no/such-invoke', { anything: 1 }, 501],
    ];
    for (const [name, value, status] of cases) {
      const res = await invoke(name, { value });
      expect({ name, value, status: res.status }).toEqual({ name, value, status });
    }
  });

  it('refuses an invoke whose name is not a string, and an adaptiveCard/action without a verb', async () => {
    expect((await invoke(42, { value: {} })).status).toBe(400);
    expect((await invoke({ a: 1 }, { value: {} })).status).toBe(400);
    for (const value of [{}, { action: null }, { action: 'x' }, { action: { type: 'Action.Execute' } }]) {
      const res = await invoke('adaptiveCard/action', { value });
      expect({ value, status: res.status }).toEqual({ value, status: 400 });
    }
    const dataNotObject = await invoke('adaptiveCard/action', {
      value: { action: { type: 'Action.Execute', verb: 'checkin.submit', data: 'x' } },
    });
    expect(dataNotObject.status).toBe(400);
  });

  it('logged no failed turn and is still healthy', async () => {
    expect(errorLines()).toEqual([]);
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
    expect((await bot.channel.send(bot.server.url, bot.channel.activities.message('help'))).status).toBe(200);
  });
});
