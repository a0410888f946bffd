import { fileURLToPath } from 'node:url';
import restify from 'restify';
import type { Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../src/log.ts';
import { errorFacts } from '../bot/adapter/log.ts';
import { BodyError, readJson } from './body.ts';

const TAB_DIR = fileURLToPath(new URL('../tab/public/', import.meta.url));
// Bot Framework activities are small; a card submit is a few KB. Anything near this (decoded) is not Teams.
export const MAX_BODY_BYTES = 256 * 1024;
// Bodies are read before botbuilder checks the token's signature, so a crowd of slow senders with well-formed but
// forged tokens could each make the server hold up to MAX_BODY_BYTES. Teams sends an activity in one go, so this many
// bodies still arriving at once means something is wrong: past it the server sheds load (at most 32 MB held).
export const MAX_BODIES_IN_FLIGHT = 128;

/** What answers a turn: the bot's handler, or any stand-in with the same shape. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** The Bot Framework adapter as the HTTP edge uses it (bot/adapter.ts's TeleworkCloudAdapter). */
export interface MessageAdapter {
  /** Why the Authorization header cannot authenticate (a log code), checked before the body is read. */
  tokenProblem(authorization: string | undefined): string | undefined;
  process(req: BotRequest, res: BotResponse, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface HttpDeps {
  adapter: MessageAdapter;
  bot: TurnRunner;
  log: Logger;
  health(): Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  /** Further route groups (the admin API), each reading its own bodies. */
  mounts?: ((server: restify.Server) => void)[];
}

const BODY_ERRORS = { 400: 'bad_request', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const;

export function createHttpServer(deps: HttpDeps): restify.Server {
  const { log } = deps;
  // No body parser here: each route reads its own body through server/body.ts, after it has checked what it can
  // from the headers alone.
  const server = restify.createServer({ name: 'telework-guard', handleUncaughtExceptions: false });
  let bodiesInFlight = 0;

  server.post('/api/messages', async (req, res) => {
    const authorization = req.headers.authorization;
    const tokenProblem = deps.adapter.tokenProblem(authorization);
    if (tokenProblem) {
      log.warn(
        { reason: 'token-rejected', code: tokenProblem, hasAuthorization: !!authorization },
        'refused a request',
      );
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    if (bodiesInFlight >= MAX_BODIES_IN_FLIGHT) {
      log.warn({ reason: 'busy', inFlight: bodiesInFlight }, 'refused a request: too many bodies arriving at once');
      res.header('Retry-After', '1');
      res.send(503, { error: 'busy' });
      return;
    }
    bodiesInFlight++;
    try {
      req.body = await readJson(req, { maxBytes: MAX_BODY_BYTES });
    } catch (err) {
      if (res.headersSent) return;
      if (!(err instanceof BodyError)) {
        log.error({ err: errorFacts(err) }, 'could not read a request body');
        res.send(500, { error: 'internal' });
        return;
      }
      log.warn({ reason: 'body-refused', status: err.status, code: err.code }, 'refused a request body');
      res.send(err.status, { error: BODY_ERRORS[err.status], code: err.code });
      return;
    } finally {
      bodiesInFlight--;
    }
    try {
      await deps.adapter.process(req, res, (ctx) => deps.bot.run(ctx));
    } catch (err) {
      log.error({ err: errorFacts(err) }, 'unhandled error processing an activity');
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
