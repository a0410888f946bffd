import type { ConversationReference } from '../../ports.ts';

export type Role = 'employee' | 'manager' | 'admin';
export type DirectorySource = 'graph' | 'hr-csv';

/** One employee as the directory knows them. */
export interface DirectoryPerson {
  aadObjectId: string;
  employeeId?: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  department?: string;
  jobTitle?: string;
  officeLocation?: string;
  usageLocation?: string;
  managerAadObjectId?: string;
  /** One of the 47, in its full form (東京都, 大阪府, 北海道, 青森県…). */
  homePrefecture?: string;
  /** YYYY-MM-DD. */
  hireDate?: string;
  role: Role;
  source: DirectorySource;
  active: boolean;
  removedAt?: Date;
  updatedAt: Date;
}

/** A directory person joined with what Teams told us (table `users`): whether and how the bot can write first. */
export interface ReachablePerson extends DirectoryPerson {
  tenantId?: string;
  locale?: string;
  timeZone?: string;
  installed: boolean;
  conversationReference?: ConversationReference;
}

export interface PeopleFilter {
  /** Default true: only people still employed (not removed, account enabled). */
  active?: boolean;
  /** true = only people with a conversation reference; false = only people without one; unset = everybody. */
  reachable?: boolean;
  department?: string;
  homePrefectures?: string[];
  managerAadObjectId?: string;
  role?: Role;
  /** Keyset paging: people whose aad_object_id sorts after this one. */
  after?: string;
  /** Default: no limit. */
  limit?: number;
}

export interface ImportResult {
  /** New people. */
  imported: number;
  /** People already known whose data changed. */
  updated: number;
  /** People already known with nothing new. */
  unchanged: number;
  /** With `replace`: people from an earlier HR file absent from this one, now marked inactive. */
  deactivated: number;
  /** Rows not imported, 1-based physical line numbers of the file. */
  rejected: { line: number; reason: string }[];
  /** Rows imported with something left out (e.g. a manager we cannot find). */
  warnings: { line: number; reason: string }[];
}
