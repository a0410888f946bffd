/**
 * The small interfaces through which the core reaches the outside world. The bot, the server and the tests
 * provide them; nothing in src/ knows about Bot Framework, HTTP or Teams.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What the channel needs to write to a person first; opaque to the core, kept as JSON. */
export type ConversationReference = Record<string, unknown>;

export interface UserSighting {
  aadObjectId: string;
  tenantId: string;
  teamsUserId?: string;
  name?: string;
  locale?: string;
  timeZone?: string;
  conversationId?: string;
  conversationReference?: ConversationReference;
}

export interface UserRecord extends UserSighting {
  installed: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
  uninstalledAt?: Date;
}

/** What a message to a person needs: where to send it, in which language, and what to call them. */
export interface UserProfile {
  aadObjectId: string;
  tenantId?: string;
  locale?: string;
  timeZone?: string;
  /** The directory's display name first, then the name Teams gave. */
  name?: string;
}

export interface UserStore {
  /** Records that the person was seen, refreshing what Teams told us; returns true the first time. */
  recordSighting(sighting: UserSighting, at: Date): Promise<{ firstTime: boolean }>;
  markUninstalled(aadObjectId: string, at: Date): Promise<void>;
  get(aadObjectId: string): Promise<UserRecord | undefined>;
  /** One entry per id asked for, known or not. */
  profiles(aadObjectIds: string[]): Promise<Map<string, UserProfile>>;
  /** The 1:1 conversation the delivery engine opened for the person. */
  recordConversation(
    recipient: { aadObjectId: string; tenantId: string },
    conversationId: string,
    reference: ConversationReference,
  ): Promise<void>;
  /** Teams no longer knows that conversation (404): the next message opens a new one. */
  forgetConversation(aadObjectId: string, conversationId: string | undefined): Promise<void>;
}

/**
 * Runs `work` in one database transaction with the stores bound to it: committed when it returns, rolled back when
 * it throws. A fact and the messages it causes are written through one of these.
 */
export type Transact<Tx> = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export interface AuditEvent {
  actor: string;
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
  at?: Date;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
}
