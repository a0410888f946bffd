import type { AuditLog } from '../../ports.ts';
import type { PeopleFilter, ReachablePerson, Role } from './types.ts';

/**
 * What Graph says changed about a user. A key that is present is written (null clears it); a missing key keeps what
 * we had, because a delta round carries only what changed.
 */
export interface GraphPatch {
  aadObjectId: string;
  employeeId?: string | null;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  usageLocation?: string | null;
  managerAadObjectId?: string | null;
  hireDate?: string | null;
  active?: boolean;
}

/** A person as the HR file describes them, with the manager already resolved to an AAD object id. */
export interface HrRecord {
  aadObjectId: string;
  employeeId: string;
  displayName: string;
  mail: string;
  department?: string;
  jobTitle?: string;
  managerAadObjectId?: string;
  homePrefecture?: string;
  hireDate?: string;
  role?: Role;
}

/** The directory's tables as this module uses them; src/store/directory.ts `pgDirectory` is the PostgreSQL one. */
export interface DirectoryStore {
  findPerson(aadObjectId: string): Promise<ReachablePerson | undefined>;
  listPeople(filter?: PeopleFilter): Promise<ReachablePerson[]>;
  managerOf(aadObjectId: string): Promise<string | undefined>;
  /** One page of Graph users; how many were new and how many changed. */
  upsertGraphPatches(patches: GraphPatch[], at: Date): Promise<{ inserted: number; updated: number }>;
  /** People Graph reports as deleted: kept, but no longer active. */
  markRemoved(aadObjectIds: string[], at: Date): Promise<number>;
  /** After a full read: people Graph once gave us who are no longer there. */
  markGraphPeopleNotIn(seen: string[], at: Date): Promise<number>;
  /** Graph has no roles: whoever has someone reporting to them is a manager (admins stay admins). */
  promoteManagers(at: Date): Promise<void>;
  getDeltaLink(feed: string): Promise<string | undefined>;
  saveDeltaLink(feed: string, deltaLink: string, at: Date): Promise<void>;
  findIdsByMailOrEmployeeId(
    mails: string[],
    employeeIds: string[],
  ): Promise<{ aadObjectId: string; mail?: string; employeeId?: string }[]>;
  /** HR rows; what the file leaves empty keeps what Graph or an earlier file gave. */
  upsertHrRecords(records: HrRecord[], at: Date): Promise<{ inserted: number; updated: number }>;
  deactivateHrPeopleNotIn(keep: string[], at: Date): Promise<number>;
}

/** The directory's database: its store on the pool, one transaction, or work that one instance does at a time. */
export interface DirectoryDb {
  store: DirectoryStore;
  transaction<T>(work: (tx: { directory: DirectoryStore; audit: AuditLog }) => Promise<T>): Promise<T>;
  /** Runs `work` while holding `lock` across instances; undefined, without running it, when another holds it. */
  exclusively<T>(lock: number, work: (store: DirectoryStore) => Promise<T>): Promise<T | undefined>;
}
