import type pg from 'pg';
import type { DirectoryDb, DirectoryStore, GraphPatch, HrRecord } from '../people/directory/store.ts';
import type { DirectoryPerson, PeopleFilter, ReachablePerson } from '../people/directory/types.ts';
import { withAdvisoryLock } from './advisory-lock.ts';
import { pgAuditLog } from './audit.ts';
import { withTransaction, type Queryable } from './transaction.ts';

export type { GraphPatch, HrRecord };

const GRAPH_COLUMNS: [keyof GraphPatch, string][] = [
  ['employeeId', 'employee_id'],
  ['displayName', 'display_name'],
  ['mail', 'mail'],
  ['userPrincipalName', 'user_principal_name'],
  ['department', 'department'],
  ['jobTitle', 'job_title'],
  ['officeLocation', 'office_location'],
  ['usageLocation', 'usage_location'],
  ['managerAadObjectId', 'manager_aad_object_id'],
];

/** Writes one page of Graph users; returns how many were new and how many changed. */
export async function upsertGraphPatches(
  db: Queryable,
  patches: GraphPatch[],
  at: Date,
): Promise<{ inserted: number; updated: number }> {
  if (patches.length === 0) return { inserted: 0, updated: 0 };
  const json = JSON.stringify(patches);
  const sets = GRAPH_COLUMNS.map(
    ([key, col]) => `${col} = CASE WHEN p ? '${key}' THEN p->>'${key}' ELSE d.${col} END`,
  ).join(',\n');
  const result = await db.query(
    `WITH ps AS (SELECT value AS p FROM jsonb_array_elements($1::jsonb))
     UPDATE directory d SET ${sets},
       hire_date = CASE WHEN p ? 'hireDate' THEN (p->>'hireDate')::date ELSE d.hire_date END,
       -- Back in Graph after a deletion (a restored account): active again unless Graph says it is disabled.
       active = CASE WHEN p ? 'active' THEN (p->>'active')::boolean WHEN d.removed_at IS NOT NULL THEN true
                ELSE d.active END,
       removed_at = NULL,
       source = 'graph',
       updated_at = $2
     FROM ps WHERE d.aad_object_id = p->>'aadObjectId'`,
    [json, at],
  );
  const inserted = await db.query(
    `INSERT INTO directory (aad_object_id, employee_id, display_name, mail, user_principal_name, department, job_title,
                            office_location, usage_location, manager_aad_object_id, hire_date, source, active, updated_at)
     SELECT p->>'aadObjectId', p->>'employeeId',
            COALESCE(p->>'displayName', p->>'userPrincipalName', p->>'aadObjectId'),
            p->>'mail', p->>'userPrincipalName', p->>'department', p->>'jobTitle', p->>'officeLocation',
            p->>'usageLocation', p->>'managerAadObjectId', (p->>'hireDate')::date, 'graph',
            COALESCE((p->>'active')::boolean, true), $2
     FROM jsonb_array_elements($1::jsonb) AS e(p)
     ON CONFLICT (aad_object_id) DO NOTHING`,
    [json, at],
  );
  return { inserted: inserted.rowCount ?? 0, updated: result.rowCount ?? 0 };
}

/** People Graph reports as deleted: kept, but no longer active. */
export async function markRemoved(db: Queryable, aadObjectIds: string[], at: Date): Promise<number> {
  if (aadObjectIds.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE directory SET active = false, removed_at = $2, updated_at = $2
     WHERE aad_object_id = ANY($1) AND (active OR removed_at IS NULL)`,
    [aadObjectIds, at],
  );
  return rowCount ?? 0;
}

/** After a full read of Graph: people Graph once gave us who are no longer there have left (or were missed). */
export async function markGraphPeopleNotIn(db: Queryable, seen: string[], at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE directory SET active = false, removed_at = $2, updated_at = $2
     WHERE source = 'graph' AND active AND NOT (aad_object_id = ANY($1))`,
    [seen, at],
  );
  return rowCount ?? 0;
}

/** Graph has no roles: whoever has someone reporting to them is a manager (admins stay admins). */
export async function promoteManagers(db: Queryable, at: Date): Promise<void> {
  await db.query(
    `UPDATE directory d SET role = 'manager', updated_at = $1
     WHERE d.role = 'employee' AND d.source = 'graph'
       AND EXISTS (SELECT 1 FROM directory r WHERE r.manager_aad_object_id = d.aad_object_id AND r.active)`,
    [at],
  );
}

/** The person's manager as the directory has it (active people only). */
export async function managerOf(db: Queryable, aadObjectId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ manager: string | null }>(
    'SELECT manager_aad_object_id AS manager FROM directory WHERE aad_object_id = $1 AND active',
    [aadObjectId],
  );
  return rows[0]?.manager ?? undefined;
}

export async function getDeltaLink(db: Queryable, feed: string): Promise<string | undefined> {
  const { rows } = await db.query<{ delta_link: string }>('SELECT delta_link FROM directory_sync WHERE feed = $1', [
    feed,
  ]);
  return rows[0]?.delta_link;
}

export async function saveDeltaLink(db: Queryable, feed: string, deltaLink: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO directory_sync (feed, delta_link, synced_at) VALUES ($1, $2, $3)
     ON CONFLICT (feed) DO UPDATE SET delta_link = EXCLUDED.delta_link, synced_at = EXCLUDED.synced_at`,
    [feed, deltaLink, at],
  );
}

/** Who already holds these e-mail addresses or employee ids (the HR file may name people only by those). */
export async function findIdsByMailOrEmployeeId(
  db: Queryable,
  mails: string[],
  employeeIds: string[],
): Promise<{ aadObjectId: string; mail?: string; employeeId?: string }[]> {
  const { rows } = await db.query<{ aad_object_id: string; mail: string | null; employee_id: string | null }>(
    `SELECT aad_object_id, lower(mail) AS mail, employee_id FROM directory
     WHERE lower(mail) = ANY($1) OR employee_id = ANY($2)`,
    [mails, employeeIds],
  );
  return rows.map((r) => ({
    aadObjectId: r.aad_object_id,
    mail: r.mail ?? undefined,
    employeeId: r.employee_id ?? undefined,
  }));
}

const HR_RECORDSET = `jsonb_to_recordset($1::jsonb) AS r("aadObjectId" text, "employeeId" text, "displayName" text,
  mail text, department text, "jobTitle" text, "managerAadObjectId" text, "homePrefecture" text, "hireDate" date,
  role text)`;

/** Writes HR rows; what the file leaves empty keeps what Graph or an earlier file gave. Caller holds the transaction. */
export async function upsertHrRecords(
  db: Queryable,
  records: HrRecord[],
  at: Date,
): Promise<{ inserted: number; updated: number }> {
  if (records.length === 0) return { inserted: 0, updated: 0 };
  const json = JSON.stringify(records);
  const updated = await db.query(
    `WITH n AS (
       SELECT d.aad_object_id, r."employeeId" AS employee_id, r."displayName" AS display_name, r.mail,
              COALESCE(r.department, d.department) AS department, COALESCE(r."jobTitle", d.job_title) AS job_title,
              COALESCE(r."managerAadObjectId", d.manager_aad_object_id) AS manager_aad_object_id,
              COALESCE(r."homePrefecture", d.home_prefecture) AS home_prefecture,
              COALESCE(r."hireDate", d.hire_date) AS hire_date, COALESCE(r.role, d.role) AS role
       FROM ${HR_RECORDSET} JOIN directory d ON d.aad_object_id = r."aadObjectId")
     UPDATE directory d SET employee_id = n.employee_id, display_name = n.display_name, mail = n.mail,
       department = n.department, job_title = n.job_title, manager_aad_object_id = n.manager_aad_object_id,
       home_prefecture = n.home_prefecture, hire_date = n.hire_date, role = n.role, source = 'hr-csv',
       active = true, removed_at = NULL, updated_at = $2
     FROM n WHERE d.aad_object_id = n.aad_object_id
       AND (NOT d.active OR (d.employee_id, d.display_name, d.mail, d.department, d.job_title, d.manager_aad_object_id,
            d.home_prefecture, d.hire_date, d.role) IS DISTINCT FROM (n.employee_id, n.display_name, n.mail,
            n.department, n.job_title, n.manager_aad_object_id, n.home_prefecture, n.hire_date, n.role))`,
    [json, at],
  );
  const inserted = await db.query(
    `INSERT INTO directory (aad_object_id, employee_id, display_name, mail, department, job_title,
                            manager_aad_object_id, home_prefecture, hire_date, role, source, active, updated_at)
     SELECT r."aadObjectId", r."employeeId", r."displayName", r.mail, r.department, r."jobTitle",
            r."managerAadObjectId", r."homePrefecture", r."hireDate", COALESCE(r.role, 'employee'), 'hr-csv', true, $2
     FROM ${HR_RECORDSET}
     ON CONFLICT (aad_object_id) DO NOTHING`,
    [json, at],
  );
  return { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
}

/** With `replace`: people an earlier HR file brought who are not in this one have left. */
export async function deactivateHrPeopleNotIn(db: Queryable, keep: string[], at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE directory SET active = false, removed_at = $2, updated_at = $2
     WHERE source = 'hr-csv' AND active AND NOT (aad_object_id = ANY($1))`,
    [keep, at],
  );
  return rowCount ?? 0;
}

const PERSON_SELECT = `SELECT d.*, to_char(d.hire_date, 'YYYY-MM-DD') AS hire_day, u.tenant_id, u.locale, u.time_zone, COALESCE(u.installed, false) AS installed,
  u.conversation_ref FROM directory d LEFT JOIN users u ON u.aad_object_id = d.aad_object_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of PERSON_SELECT
function toPerson(r: Record<string, any>): ReachablePerson {
  const person: DirectoryPerson = {
    aadObjectId: r.aad_object_id,
    employeeId: r.employee_id ?? undefined,
    displayName: r.display_name,
    mail: r.mail ?? undefined,
    userPrincipalName: r.user_principal_name ?? undefined,
    department: r.department ?? undefined,
    jobTitle: r.job_title ?? undefined,
    officeLocation: r.office_location ?? undefined,
    usageLocation: r.usage_location ?? undefined,
    managerAadObjectId: r.manager_aad_object_id ?? undefined,
    homePrefecture: r.home_prefecture ?? undefined,
    hireDate: r.hire_day ?? undefined,
    role: r.role,
    source: r.source,
    active: r.active,
    removedAt: r.removed_at ?? undefined,
    updatedAt: r.updated_at,
  };
  return {
    ...person,
    tenantId: r.tenant_id ?? undefined,
    locale: r.locale ?? undefined,
    timeZone: r.time_zone ?? undefined,
    installed: r.installed,
    conversationReference: r.conversation_ref ?? undefined,
  };
}

export async function findPerson(db: Queryable, aadObjectId: string): Promise<ReachablePerson | undefined> {
  const { rows } = await db.query(`${PERSON_SELECT} WHERE d.aad_object_id = $1`, [aadObjectId]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export async function listPeople(db: Queryable, f: PeopleFilter = {}): Promise<ReachablePerson[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  if (f.active !== false) where.push('d.active');
  else where.push('NOT d.active');
  if (f.reachable === true) where.push('u.conversation_ref IS NOT NULL');
  if (f.reachable === false) where.push('u.conversation_ref IS NULL');
  if (f.department !== undefined) where.push(`d.department = ${arg(f.department)}`);
  if (f.homePrefectures) where.push(`d.home_prefecture = ANY(${arg(f.homePrefectures)})`);
  if (f.managerAadObjectId !== undefined) where.push(`d.manager_aad_object_id = ${arg(f.managerAadObjectId)}`);
  if (f.role !== undefined) where.push(`d.role = ${arg(f.role)}`);
  if (f.after !== undefined) where.push(`d.aad_object_id > ${arg(f.after)}`);
  const limit = f.limit !== undefined ? ` LIMIT ${arg(f.limit)}` : '';
  const { rows } = await db.query(
    `${PERSON_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.aad_object_id${limit}`,
    args,
  );
  return rows.map(toPerson);
}

/** The directory's tables behind the port src/people/directory uses, bound to a pool or a transaction's client. */
export function pgDirectory(q: Queryable): DirectoryStore {
  return {
    findPerson: (id) => findPerson(q, id),
    listPeople: (filter) => listPeople(q, filter),
    managerOf: (id) => managerOf(q, id),
    upsertGraphPatches: (patches, at) => upsertGraphPatches(q, patches, at),
    markRemoved: (ids, at) => markRemoved(q, ids, at),
    markGraphPeopleNotIn: (seen, at) => markGraphPeopleNotIn(q, seen, at),
    promoteManagers: (at) => promoteManagers(q, at),
    getDeltaLink: (feed) => getDeltaLink(q, feed),
    saveDeltaLink: (feed, link, at) => saveDeltaLink(q, feed, link, at),
    findIdsByMailOrEmployeeId: (mails, ids) => findIdsByMailOrEmployeeId(q, mails, ids),
    upsertHrRecords: (records, at) => upsertHrRecords(q, records, at),
    deactivateHrPeopleNotIn: (keep, at) => deactivateHrPeopleNotIn(q, keep, at),
  };
}

export function pgDirectoryDb(pool: pg.Pool): DirectoryDb {
  return {
    store: pgDirectory(pool),
    transaction: (work) => withTransaction(pool, (c) => work({ directory: pgDirectory(c), audit: pgAuditLog(c) })),
    exclusively: (lock, work) => withAdvisoryLock(pool, lock, (c) => work(pgDirectory(c))),
  };
}
