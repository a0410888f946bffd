import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import type { Core } from '../src/core.ts';
import { isObject } from '../src/input/index.ts';
import type { Logger } from '../src/log.ts';
import type { Card } from './cards/card.ts';
import { errorCard } from './cards/error.ts';
import { welcomeCard } from './cards/welcome.ts';
import { canReply, inspectInbound, type InboundOptions, type InboundProblem } from './inbound.ts';
import { badRequest, cardResponse, errorResponse, messageResponse } from './invoke.ts';
import { langOf } from './locale.ts';
import type { ActionResult, RouteTable, Turn } from './router.ts';
import { ROUTES } from './routes.ts';
import { sightingOf } from './sighting.ts';

/**
 * Translates Teams activities into core calls and the results into cards; no rules live here. Typed commands,
 * card verbs and questions are dispatched through the route table (bot/routes.ts).
 */
export class TeleworkGuardBot extends TeamsActivityHandler {
  constructor(
    private readonly core: Core,
    private readonly log: Logger,
    private readonly options: InboundOptions & { routes?: RouteTable } = {},
  ) {
    super();

    this.onMessage(async (ctx, next) => {
      await this.remember(ctx, 'message');
      await this.onText(ctx);
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id);
      await this.remember(ctx, 'conversation-update');
      if (botAdded && (ctx.activity.conversation?.conversationType ?? 'personal') === 'personal') {
        await this.sendCard(ctx, welcomeCard(langOf(ctx.activity.locale), ctx.activity.from?.name), 'welcome.sent');
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.remember(ctx, 'install');
      await next();
    });

    this.onInstallationUpdateRemove(async (ctx, next) => {
      const aadObjectId = ctx.activity.from?.aadObjectId;
      if (aadObjectId) await this.core.people.uninstalled(aadObjectId);
      await next();
    });
  }

  private get routes(): RouteTable {
    return this.options.routes ?? ROUTES;
  }

  /** Ids are checked and text cleaned before any handler runs; a refused activity stores nothing. */
  override async run(ctx: TurnContext): Promise<void> {
    const problem = inspectInbound(ctx.activity, this.options);
    if (problem) return this.refuse(ctx, problem);
    return super.run(ctx);
  }

  private async refuse(ctx: TurnContext, problem: InboundProblem): Promise<void> {
    const { type, name } = ctx.activity;
    this.log.warn({ problem, activityType: type, activityName: name }, 'refused a malformed activity');
    if (type === ActivityTypes.Invoke) {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: badRequest(problem) });
    } else if (type === ActivityTypes.Message && canReply(problem)) {
      await this.sendCard(ctx, errorCard(langOf(ctx.activity.locale), 'unverified'));
    }
  }

  private async onText(ctx: TurnContext): Promise<void> {
    const lang = langOf(ctx.activity.locale);
    const typed = TurnContext.removeRecipientMention(ctx.activity as Activity) ?? ctx.activity.text ?? '';
    const text = typed.replace(/\s+/g, ' ').trim();
    const submitted = ctx.activity.value;
    if (!text && isObject(submitted) && 'verb' in submitted) {
      // Clients without Universal Actions run the card's Action.Submit fallback: same data, as a message.
      const { verb, ...data } = submitted;
      const handle = this.routes.verb(verb);
      if (handle) return this.deliverFallback(ctx, await handle(this.turn(ctx), verb as string, data));
    }
    if (!text) {
      await this.sendCard(ctx, errorCard(lang, submitted ? 'unsupported' : 'empty'), 'error.sent');
      return;
    }
    const turn = this.turn(ctx, text);
    const command = this.routes.command(text);
    await (command ? command.handle(turn) : this.routes.fallback(turn));
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const { name, value } = ctx.activity;
    if (name === 'adaptiveCard/action') return this.onCardAction(ctx);
    // botbuilder's own dispatch reads properties of `value` unchecked and answers 500 when it is not an object.
    if (name !== undefined && typeof name !== 'string') return badRequest('bad-invoke-name');
    if (!isObject(value)) return badRequest('bad-invoke-value');
    // Names this bot does not implement: botbuilder answers 501 (or 400 for a value it cannot read).
    return super.onInvokeActivity(ctx);
  }

  /** Universal Actions: the answer replaces the card in place; follow-ups go out as their own messages. */
  private async onCardAction(ctx: TurnContext): Promise<InvokeResponse> {
    const value = ctx.activity.value as unknown;
    const action = isObject(value) ? value.action : undefined;
    if (!isObject(action) || typeof action.verb !== 'string' || (action.data != null && !isObject(action.data))) {
      return errorResponse(400, 'BadRequest', 'The action has no verb or its data is not an object.');
    }
    await this.remember(ctx, 'invoke');
    const handle = this.routes.verb(action.verb);
    // Verbs of features not built yet get an answer in the protocol's own shape rather than a failure.
    if (!handle) return cardResponse(errorCard(langOf(ctx.activity.locale), 'unsupported'));
    const result = await handle(this.turn(ctx), action.verb, isObject(action.data) ? action.data : {});
    if ('message' in result) return messageResponse(result.message);
    for (const next of result.followUps ?? []) await this.sendCard(ctx, next.card, next.action);
    return cardResponse(result.card);
  }

  /** Action.Submit fallback: the receipt replaces the card with PUT where Teams said which message it was. */
  private async deliverFallback(ctx: TurnContext, result: ActionResult): Promise<void> {
    if ('message' in result) {
      await ctx.sendActivity(MessageFactory.text(result.message));
      return;
    }
    const replyToId = ctx.activity.replyToId;
    const receipt = MessageFactory.attachment(CardFactory.adaptiveCard(result.card));
    if (replyToId) await ctx.updateActivity({ ...receipt, id: replyToId });
    else await ctx.sendActivity(receipt);
    for (const next of result.followUps ?? []) await this.sendCard(ctx, next.card, next.action);
  }

  private turn(ctx: TurnContext, text = ''): Turn {
    return {
      ctx,
      lang: langOf(ctx.activity.locale),
      core: this.core,
      log: this.log,
      routes: this.routes,
      text,
      sendCard: (card, action, summary) => this.sendCard(ctx, card, action, summary),
    };
  }

  private async remember(
    ctx: TurnContext,
    source: 'install' | 'conversation-update' | 'message' | 'invoke',
  ): Promise<void> {
    const sighting = sightingOf(ctx.activity as Activity, source !== 'invoke');
    if (!sighting) {
      this.log.debug({ type: ctx.activity.type }, 'activity without an Entra ID user; nothing recorded');
      return;
    }
    await this.core.people.seen(sighting, source);
  }

  private async sendCard(ctx: TurnContext, content: Card, action?: string, summary?: string): Promise<void> {
    const reply = MessageFactory.attachment(CardFactory.adaptiveCard(content));
    // Notifications and screen readers show the text, not the card.
    if (summary) reply.summary = summary.slice(0, 200);
    const sent = await ctx.sendActivity(reply);
    if (action) {
      await this.core.audit.record({
        actor: 'bot',
        action,
        subject: ctx.activity.from?.aadObjectId,
        detail: { activityId: sent?.id },
      });
    }
  }
}
