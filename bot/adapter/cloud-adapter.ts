/**
 * A CloudAdapter whose HTTP `process` maps failures to small JSON answers instead of botbuilder's 500s and unhandled
 * rejections: 405 non-POST, 400 malformed activity, 401 any invalid or absent token (with `WWW-Authenticate: Bearer`),
 * 503 token keys unavailable, 500 anything else (logged by code; no message or stack in the body).
 * The body arrives already read (server/body.ts bounds it); the WebSocket overloads are botbuilder's unchanged.
 */
import {
  CloudAdapter,
  StatusCodes,
  type Activity,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { INodeBuffer, INodeDuplex, INodeSocket } from 'botframework-streaming';
import { AuthUnavailableError, tokenRejectionCode } from './auth-errors.ts';
import { bearerProblem } from './bearer.ts';
import { errorFacts, type AdapterLog } from './log.ts';

export type TurnLogic = (context: TurnContext) => Promise<void>;

function sendJson(res: Response, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  if (body !== undefined && body !== null) res.send(body);
  res.end();
}

/** botbuilder's validateAndFixActivity, returning a reason instead of throwing (the stock one throws outside try → 500). */
function parseActivity(body: unknown): { activity: Activity } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { problem: 'the request body must be a JSON activity object (Content-Type: application/json)' };
  }
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.trim() === '') return { problem: 'missing activity type' };
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl.trim() === '')
    return { problem: 'missing serviceUrl' };
  for (const key of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const raw = activity[key];
    if (typeof raw === 'string') {
      const rawKey = `raw${key[0]!.toUpperCase()}${key.slice(1)}`;
      activity[rawKey] = raw;
      (activity as Record<string, unknown>)[key] = new Date(raw);
    }
  }
  return { activity };
}

function headerValue(req: Request, name: string): string {
  const v = req.headers[name] ?? req.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0] ?? '';
  return typeof v === 'string' ? v : '';
}

export class TeleworkCloudAdapter extends CloudAdapter {
  constructor(
    botFrameworkAuthentication: BotFrameworkAuthentication,
    private readonly log: AdapterLog,
    /** False in anonymous local mode (no app id): botbuilder then takes requests without a token. */
    private readonly requiresToken: boolean,
  ) {
    super(botFrameworkAuthentication);
  }

  /**
   * Why this Authorization header cannot authenticate a request here, as a log code; undefined = read the body and
   * validate the token in full. Lets the HTTP edge refuse before it reads a byte of the body.
   */
  tokenProblem(authorization: string | undefined): string | undefined {
    return this.requiresToken ? bearerProblem(authorization) : undefined;
  }

  override process(req: Request, res: Response, logic: TurnLogic): Promise<void>;
  override process(req: Request, socket: INodeSocket, head: INodeBuffer, logic: TurnLogic): Promise<void>;
  override process(req: Request, socket: INodeDuplex, head: INodeBuffer, logic: TurnLogic): Promise<void>;
  override async process(
    req: Request,
    resOrSocket: Response | INodeSocket | INodeDuplex,
    logicOrHead: TurnLogic | INodeBuffer,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    if (maybeLogic) {
      return super.process(req, resOrSocket as INodeSocket, logicOrHead as INodeBuffer, maybeLogic);
    }
    const res = resOrSocket as Response;
    const logic = logicOrHead as TurnLogic;
    if (req.method !== undefined && req.method !== 'POST') {
      return sendJson(res, StatusCodes.METHOD_NOT_ALLOWED, { error: 'method_not_allowed' }, { Allow: 'POST' });
    }
    const parsed = parseActivity(req.body);
    if ('problem' in parsed) {
      this.log.warn({ problem: parsed.problem }, 'rejected a malformed activity');
      return sendJson(res, StatusCodes.BAD_REQUEST, { error: 'bad_request', message: parsed.problem });
    }
    const { activity } = parsed;
    const authHeader = headerValue(req, 'authorization');
    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await this.processActivity(authHeader, activity, logic);
    } catch (err) {
      const where = { activityType: activity.type, channelId: activity.channelId };
      if (err instanceof AuthUnavailableError) {
        this.log.error(
          { ...where, reason: 'token-keys-unavailable', err: errorFacts(err.cause) },
          'cannot validate the channel token: OpenID metadata unavailable',
        );
        return sendJson(res, 503, { error: 'auth_unavailable' }, { 'Retry-After': '5' });
      }
      if (err instanceof AuthenticationError) {
        this.log.warn(
          { ...where, reason: 'token-rejected', code: tokenRejectionCode(err), hasAuthorization: authHeader !== '' },
          'rejected an unauthenticated request',
        );
        return sendJson(res, StatusCodes.UNAUTHORIZED, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
      }
      this.log.error({ ...where, err: errorFacts(err) }, 'activity processing failed');
      return sendJson(res, StatusCodes.INTERNAL_SERVER_ERROR, { error: 'internal_error' });
    }
    return sendJson(res, invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
  }
}
