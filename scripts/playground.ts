/**
 * `npm run playground`: the Microsoft 365 Agents Playground (a local Teams-like chat) against the server that
 * `npm start` runs. The playground takes its locale and time zone from this process, so Japanese comes first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const port = process.env.PORT ?? '3978';
const endpoint = `http://127.0.0.1:${port}/api/messages`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LANG: process.env.PLAYGROUND_LANG ?? 'ja_JP.UTF-8',
  LC_ALL: process.env.PLAYGROUND_LANG ?? 'ja_JP.UTF-8',
  TZ: process.env.TZ ?? 'Asia/Tokyo',
};
// Without a desktop the playground's own browser launch crashes it; print the address instead.
if (spawnSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' }).status !== 0)
  env.TEAMSAPPTESTER_BROWSER = 'none';

const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
if (!health?.ok) {
  console.error(
    `テレワークガードのサーバーが http://127.0.0.1:${port} で見つかりません。先に別のターミナルで npm start を実行してください。`,
  );
  console.error(`No Telework Guard server at http://127.0.0.1:${port}. Run npm start in another terminal first.`);
  process.exit(1);
}

const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const child = spawn(process.execPath, [cli, '-e', endpoint, '-c', 'msteams', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
console.log(`Agents Playground: http://localhost:56150  →  ${endpoint}`);
child.on('exit', (code) => process.exit(code ?? 0));
