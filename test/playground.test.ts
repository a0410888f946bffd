/**
 * The README's promise: `npm start` with no settings, then the Microsoft 365 Agents Playground, and a person can chat.
 * Both run as child processes here; the test speaks the playground's own HTTP API and listens on its conversation
 * stream, as its web page does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir } from './support/database.ts';

let server: SpawnedServer;
let playground: ChildProcess;
let playgroundUrl: string;
let dataDir: string;

type StreamEvent = {
  action: string;
  actionConversationId: string;
  message?: { from: { id: string }; text?: string; attachments?: { contentType: string; content: unknown }[] };
};

beforeAll(async () => {
  dataDir = makeDataDir();
  // Anonymous local mode, as `npm start` on a fresh machine: no app id, no token.
  server = await spawnServer('server/main.ts', {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
  });
  const port = await freePort();
  playgroundUrl = `http://127.0.0.1:${port}`;
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  playground = spawn(
    process.execPath,
    [cli, '-e', `${server.url}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'],
    {
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        LANG: 'ja_JP.UTF-8',
        LC_ALL: 'ja_JP.UTF-8',
        TZ: 'Asia/Tokyo',
        M365_AGENTS_PLAYGROUND_LOGFILE: `${dataDir}/playground.log`,
      },
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${playgroundUrl}/_internal/v1/config`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the Agents Playground did not start');
});

afterAll(async () => {
  playground?.kill();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start + the Microsoft 365 Agents Playground', () => {
  it('answers a question typed in the playground with the guideline card', async () => {
    const config = (await (await fetch(`${playgroundUrl}/_internal/v1/config`)).json()) as {
      config: { personalChat: { id: string }; currentUser: { id: string } };
    };
    const chat = config.config.personalChat.id;
    const stream = new WebSocket(`${playgroundUrl.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
    const botMessages: StreamEvent[] = [];
    stream.on('message', (raw) => {
      const event = JSON.parse(raw.toString()) as StreamEvent;
      if (event.action === 'createMessage' && event.message?.from.id !== config.config.currentUser.id)
        botMessages.push(event);
    });

    const posted = await fetch(`${playgroundUrl}/_conversation/v1/conversations/${chat}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        from: { id: config.config.currentUser.id },
        text: '私用スマホでTeamsアプリ使える？',
        textFormat: 'plain',
      }),
    });
    expect(posted.status).toBe(200);

    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !botMessages.some((m) => m.message?.attachments?.length))
      await new Promise((r) => setTimeout(r, 50));
    stream.close();
    const card = botMessages.find((m) => m.message?.attachments?.length)?.message?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = JSON.stringify(card?.content);
    expect(text).toContain('§3.5');
    expect(text).toContain('私用スマホ');
  });
});
