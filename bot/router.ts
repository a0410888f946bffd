/**
 * How a turn finds its handler: typed commands by their words, card actions by their verb, and everything else to
 * the fallback. Features register here through bot/routes.ts; the handler only dispatches.
 */
import type { TurnContext } from 'botbuilder';
import type { Core } from '../src/core.ts';
import { commandKey } from '../src/input/index.ts';
import type { Logger } from '../src/log.ts';
import type { Card } from './cards/card.ts';
import type { HelpLine } from './cards/help.ts';
import type { Lang, Strings } from './locale.ts';

/** What a handler is given: the turn, the person's language and the few things it may do with them. */
export interface Turn {
  ctx: TurnContext;
  lang: Lang;
  core: Core;
  log: Logger;
  routes: RouteTable;
  /** What the person typed, mention removed, cleaned and with spaces collapsed; '' for a card action. */
  text: string;
  /** Sends a card as a new message; `action` names the audit row, `summary` is what notifications show. */
  sendCard(card: Card, action?: string, summary?: string): Promise<void>;
}

/** A typed command; `help` is how the help card lists it (omit to keep a command out of the list). */
export interface Command {
  words: readonly string[];
  help?: Strings<HelpLine>;
  handle(turn: Turn): Promise<void>;
}

/** What a card action answers: the card that replaces the one acted on, plus cards sent after it; or a short text. */
export type ActionResult = { card: Card; followUps?: { card: Card; action: string }[] } | { message: string };

/** A card action (Action.Execute, or the Action.Submit fallback carrying the same verb); `data` is a plain object. */
export type VerbHandler = (turn: Turn, verb: string, data: Record<string, unknown>) => Promise<ActionResult>;

/** What one feature adds: its typed commands and its card verbs. */
export interface Feature {
  commands?: readonly Command[];
  verbs?: Readonly<Record<string, VerbHandler>>;
}

export interface RouteTable {
  command(typed: string): Command | undefined;
  verb(name: unknown): VerbHandler | undefined;
  /** Every command, in registration order (what help lists). */
  readonly commands: readonly Command[];
  /** Typed text that is no command: a question. */
  fallback(turn: Turn): Promise<void>;
}

/** Builds the table; two features claiming the same word or verb is a programming error, refused at start-up. */
export function routeTable(features: readonly Feature[], fallback: (turn: Turn) => Promise<void>): RouteTable {
  const byWord = new Map<string, Command>();
  const byVerb = new Map<string, VerbHandler>();
  const commands: Command[] = [];
  for (const feature of features) {
    for (const command of feature.commands ?? []) {
      commands.push(command);
      for (const word of command.words) {
        const key = commandKey(word);
        if (byWord.has(key)) throw new Error(`command word registered twice: ${word}`);
        byWord.set(key, command);
      }
    }
    for (const [verb, handle] of Object.entries(feature.verbs ?? {})) {
      if (byVerb.has(verb)) throw new Error(`card verb registered twice: ${verb}`);
      byVerb.set(verb, handle);
    }
  }
  return {
    command: (typed) => byWord.get(commandKey(typed)),
    verb: (name) => (typeof name === 'string' ? byVerb.get(name) : undefined),
    commands,
    fallback,
  };
}
