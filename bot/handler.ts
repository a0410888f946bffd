import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import type { Core } from '../src/core.ts';
import { MAX_QUESTION_LENGTH } from '../src/core.ts';
import type { Logger } from '../src/log.ts';
import { answerCard } from './cards/answer.ts';
import type { Card } from './cards/card.ts';
import { errorCard } from './cards/error.ts';
import { helpCard, isHelpRequest } from './cards/help.ts';
import { welcomeCard } from './cards/welcome.ts';
import { langOf } from './locale.ts';
import { sightingOf, tenantOf } from './sighting.ts';
import { submitView, type SubmitView } from './checkin-actions.ts';
import { checkinForm } from './checkin-renderer.ts';
import { checkinCommand, isCheckinVerb, officeDayCard } from './cards/checkin-commands.ts';

/** Translates Teams activities into core calls and the results into cards; no rules live here. */
export class TeleworkGuardBot extends TeamsActivityHandler {
  constructor(
    private readonly core: Core,
    private readonly log: Logger,
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

  private async onText(ctx: TurnContext): Promise<void> {
    const lang = langOf(ctx.activity.locale);
    const typed = TurnContext.removeRecipientMention(ctx.activity as Activity) ?? ctx.activity.text ?? '';
    const question = typed.replace(/\s+/g, ' ').trim();
    const submitted = ctx.activity.value as { verb?: unknown } | undefined;
    if (!question && submitted && isCheckinVerb(submitted.verb)) {
      // Clients without Universal Actions run the card's Action.Submit fallback: same data, as a message.
      await this.onCheckinFallbackSubmit(ctx, submitted);
      return;
    }
    if (!question) {
      // A card's Action.Submit arrives as a message with a value and no text; none of ours does that yet.
      await this.sendCard(ctx, errorCard(lang, ctx.activity.value ? 'unsupported' : 'empty'), 'error.sent');
      return;
    }
    if (question.length > MAX_QUESTION_LENGTH) {
      await this.sendCard(ctx, errorCard(lang, 'too-long'), 'error.sent');
      return;
    }
    const command = checkinCommand(question);
    if (command) {
      await this.onCheckinCommand(ctx, command);
      return;
    }
    if (isHelpRequest(question)) {
      await this.sendCard(ctx, helpCard(lang), 'help.sent');
      return;
    }
    const result = await this.core.ask({ aadObjectId: ctx.activity.from?.aadObjectId }, question);
    await this.sendCard(ctx, answerCard(result), undefined, result.text);
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const action = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    if (ctx.activity.name === 'adaptiveCard/action' && isCheckinVerb(action?.verb)) {
      await this.remember(ctx, 'invoke');
      return this.onCheckinExecute(ctx, action!.verb, action!.data);
    }
    if (ctx.activity.name === 'adaptiveCard/action') {
      // Universal Actions come with later features; answer in the protocol's own shape rather than failing.
      await this.remember(ctx, 'invoke');
      const lang = langOf(ctx.activity.locale);
      return {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.card.adaptive',
          value: errorCard(lang, 'unsupported'),
        },
      };
    }
    return super.onInvokeActivity(ctx);
  }

  private async onCheckinCommand(ctx: TurnContext, command: 'checkin' | 'checkout' | 'office'): Promise<void> {
    const lang = langOf(ctx.activity.locale);
    const aadObjectId = ctx.activity.from?.aadObjectId;
    if (!aadObjectId) {
      await this.sendCard(ctx, errorCard(lang, 'unsupported'), 'error.sent');
      return;
    }
    if (command === 'office') {
      const date = await this.core.checkins.markOfficeDay(aadObjectId);
      await this.sendCard(ctx, officeDayCard(lang, date), 'office-day.marked');
      return;
    }
    const form = checkinForm(command, lang, await this.core.checkins.issueCard(aadObjectId, command));
    await this.sendCard(ctx, form, `${command}.card.sent`);
  }

  /** Universal Actions: the answer replaces the card in place; guidance follows as its own message. */
  private async onCheckinExecute(ctx: TurnContext, verb: unknown, data: unknown): Promise<InvokeResponse> {
    const view = await this.checkinSubmit(ctx, verb, data);
    if ('message' in view) {
      return {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: view.message },
      };
    }
    if (view.guidance) await this.sendCard(ctx, view.guidance, 'guidance.sent');
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: view.replaceWith },
    };
  }

  private async onCheckinFallbackSubmit(ctx: TurnContext, submitted: { verb?: unknown }): Promise<void> {
    const { verb, ...data } = submitted;
    const view = await this.checkinSubmit(ctx, verb, data);
    if ('message' in view) {
      await ctx.sendActivity(MessageFactory.text(view.message));
      return;
    }
    const replyToId = ctx.activity.replyToId;
    const receipt = MessageFactory.attachment(CardFactory.adaptiveCard(view.replaceWith));
    if (replyToId) await ctx.updateActivity({ ...receipt, id: replyToId });
    else await ctx.sendActivity(receipt);
    if (view.guidance) await this.sendCard(ctx, view.guidance, 'guidance.sent');
  }

  private async checkinSubmit(ctx: TurnContext, verb: unknown, data: unknown): Promise<SubmitView> {
    const lang = langOf(ctx.activity.locale);
    const aadObjectId = ctx.activity.from?.aadObjectId;
    // Without an Entra ID user nobody can own a card: refuse as a tampered submit would be.
    if (!aadObjectId) return submitView({ status: 'refused', reasons: [{ code: 'not-owner' }] }, lang);
    const outcome = await this.core.checkins.submit({ aadObjectId, tenantId: tenantOf(ctx.activity) }, verb, data);
    if (outcome.status === 'refused')
      this.log.warn({ aadObjectId, reasons: outcome.reasons }, 'check-in submit refused');
    return submitView(outcome, lang);
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
