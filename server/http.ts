import path from 'node:path';
import { fileURLToPath } from 'node:url';
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { TeleworkGuardBot } from '../bot/handler.ts';
import type { Logger } from '../src/log.ts';

const TAB_DIR = fileURLToPath(new URL('../tab/public/', import.meta.url));
// Bot Framework activities are small; a card submit is a few KB. Anything near this is not Teams.
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: TeleworkGuardBot;
  log: Logger;
  health(): Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  /** Further route groups (the admin API), each reading its own bodies. */
  mounts?: ((server: restify.Server) => void)[];
}

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'telework-guard', handleUncaughtExceptions: false });
  // Parsed for the bot's route only: other routes read their bodies themselves, with their own limits.
  const activityBody = restify.plugins.bodyParser({
    maxBodySize: MAX_BODY_BYTES,
    mapParams: false,
    rejectUnknown: true,
  });

  server.post('/api/messages', ...activityBody, async (req: restify.Request, res: restify.Response) => {
    try {
      await deps.adapter.process(req, res, (ctx) => deps.bot.run(ctx));
    } catch (err) {
      deps.log.error({ err }, 'unhandled error processing an activity');
      if (!res.headersSent) res.send(500, { error: 'internal' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const h = await deps.health();
    res.send(h.ok ? 200 : 503, { status: h.ok ? 'ok' : 'unavailable', ...h.detail });
  });

  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
  server.get('/tab/*', restify.plugins.serveStaticFiles(TAB_DIR, { maxAge: 0 }));

  for (const mount of deps.mounts ?? []) mount(server);

  server.on('restifyError', (req, res, err, callback) => {
    deps.log.warn(
      { method: req.method, path: req.getPath(), status: err.statusCode, code: err.code },
      'request refused',
    );
    return callback();
  });
  return server;
}

export function tabDir(): string {
  return path.resolve(TAB_DIR);
}
