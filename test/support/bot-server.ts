import { afterAll, beforeAll, beforeEach } from 'vitest';
import { rmSync } from 'node:fs';
import { startLocalChannel, type ConnectorCall, type LocalChannel } from '../harness/channel.ts';
import { spawnServer, type SpawnedServer } from '../harness/spawn.ts';
import { makeDataDir } from './database.ts';

export interface BotServer {
  channel: LocalChannel;
  server: SpawnedServer;
  dataDir: string;
  /** Stops the server and the channel and removes the data directory. */
  stop(): Promise<void>;
}

/** The real server process (`server/main.ts`) behind a local Teams channel, with its own embedded database. */
export async function startBotServer(env: Record<string, string> = {}): Promise<BotServer> {
  const channel = await startLocalChannel();
  const dataDir = makeDataDir();
  const server = await spawnServer('server/main.ts', {
    ...channel.botEnv(),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const bot: BotServer = {
    channel,
    server,
    dataDir,
    async stop() {
      await bot.server.stop();
      await channel.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bot;
}

/** One server for the whole test file: started before its tests, stopped after; the channel's log cleared between. */
export function useBotServer(env: Record<string, string> = {}): BotServer {
  const holder = {} as BotServer;
  beforeAll(async () => {
    Object.assign(holder, await startBotServer(env));
  });
  afterAll(async () => {
    await holder.stop?.();
  });
  beforeEach(() => holder.channel.clear());
  return holder;
}

/** Every text a person would read in a reply: texts, titles and input values, not the data cards carry back. */
export function replyText(call: ConnectorCall): string {
  const out: string[] = [];
  const walk = (e: unknown): void => {
    if (Array.isArray(e)) return e.forEach(walk);
    if (!e || typeof e !== 'object') return;
    for (const [k, v] of Object.entries(e)) {
      if ((k === 'text' || k === 'title' || k === 'value') && typeof v === 'string') out.push(v);
      else if (k !== 'data') walk(v);
    }
  };
  walk(call.activity);
  return out.join('\n');
}
