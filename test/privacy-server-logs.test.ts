/**
 * What a person types never reaches the server's log, whatever path the text takes: an ordinary answer, text the
 * database refuses (NUL, a lone surrogate), a question too long, a tampered card submit with a note, a display name.
 * The real server (server/main.ts) runs at LOG_LEVEL=debug with question retention on, and every line it writes to
 * stdout and stderr is searched for a marker carried by all of that text.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalChannel, type LocalChannel } from './harness/channel.ts';
import { spawnServer, type SpawnedServer } from './harness/spawn.ts';
import { makeDataDir } from './support/database.ts';

let channel: LocalChannel;
let server: SpawnedServer;
let dataDir: string;

const MARKER = `pv${randomUUID().replaceAll('-', '').slice(0, 12)}`;

beforeAll(async () => {
  channel = await startLocalChannel();
  dataDir = makeDataDir();
  server = await spawnServer('server/main.ts', {
    ...channel.botEnv(),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    QUESTION_RETENTION_DAYS: '30',
  });
});

afterAll(async () => {
  await server?.stop();
  await channel?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a message and waits until the bot has replied to it (an answer, a refusal or the apology). */
async function say(text: string, overrides: Record<string, unknown> = {}, user = channel.defaultUser) {
  const res = await channel.send(server.url, channel.activities.message(text, overrides), { user });
  expect(res.status).toBe(200);
  await channel.waitFor((c) => c.kind === 'reply' && c.replyToId === res.activity.id, 15_000);
}

describe('the server log and what people type', () => {
  it('writes no line containing typed text at LOG_LEVEL=debug, even when the text makes something fail', async () => {
    await say(`カフェで仕事していい？ ${MARKER}`);
    await say(`体調が悪くて在宅です ${MARKER} パスワードは ${MARKER}\u0000`);
    await say(`${MARKER} \ud800 私用スマホでTeams使える？`);
    await say(`${MARKER} ${'長い質問'.repeat(200)}`);

    const named = channel.addUser({ name: `田中 ${MARKER}\u0000` });
    await say(`在宅勤務の申請は？ ${MARKER}`, {}, named);

    const submit = await channel.send(
      server.url,
      channel.activities.adaptiveCardAction({
        verb: 'checkin.submit',
        data: { cardId: randomUUID(), owner: channel.defaultUser.aadObjectId, note: `${MARKER} 肩を痛めた` },
      }),
    );
    expect(submit.status).toBeLessThan(500);

    // The debug level is really on and the log is being read: the start-up line is there.
    await server.waitForLine(/Telework Guard is listening/);
    // The daily purge of kept questions is one of the server's scheduled jobs, and ran at start-up.
    await server.waitForLine(/"job":"question-log-purge".*"msg":"job succeeded"/);
    const lines = [...server.stdout, ...server.stderr];
    expect(lines.length).toBeGreaterThan(0);
    const leaking = lines.filter((l) => l.includes(MARKER));
    expect(leaking).toEqual([]);
  });
});
