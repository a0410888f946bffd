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

export interface UserStore {
  /** Records that the person was seen, refreshing what Teams told us; returns true the first time. */
  recordSighting(sighting: UserSighting, at: Date): Promise<{ firstTime: boolean }>;
  markUninstalled(aadObjectId: string, at: Date): Promise<void>;
  get(aadObjectId: string): Promise<UserRecord | undefined>;
}

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
