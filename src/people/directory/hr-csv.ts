import { decodeText, parseCsv } from './csv.ts';
import { normalisePrefecture } from './prefectures.ts';
import type { Role } from './types.ts';
import { isGuid } from '../../input/index.ts';

export type HrColumn =
  | 'employee_id'
  | 'aad_object_id'
  | 'name'
  | 'email'
  | 'department'
  | 'job_title'
  | 'manager_email'
  | 'manager_aad_object_id'
  | 'manager_employee_id'
  | 'home_prefecture'
  | 'hire_date'
  | 'role';

const HEADER_ALIASES: Record<HrColumn, string[]> = {
  employee_id: ['employee_id', 'employeeid', '社員番号', '従業員番号', '社員id'],
  aad_object_id: ['aad_object_id', 'aadobjectid', 'object_id', 'objectid', 'entra_object_id', 'オブジェクトid'],
  name: ['name', 'display_name', 'displayname', '氏名', '名前', '表示名'],
  email: ['email', 'mail', 'e-mail', 'メール', 'メールアドレス'],
  department: ['department', '部署', '所属', '部署名'],
  job_title: ['job_title', 'jobtitle', 'title', '役職'],
  manager_email: ['manager_email', '上長メール', '上長メールアドレス', '上司メール'],
  manager_aad_object_id: ['manager_aad_object_id', '上長オブジェクトid'],
  manager_employee_id: ['manager_employee_id', '上長社員番号', '上司社員番号'],
  home_prefecture: ['home_prefecture', 'prefecture', '居住都道府県', '都道府県', '居住地'],
  hire_date: ['hire_date', 'hiredate', '入社日'],
  role: ['role', '役割', '権限'],
};

const headerToColumn = new Map<string, HrColumn>();
for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [HrColumn, string[]][]) {
  for (const a of aliases) headerToColumn.set(a, column);
}

const ROLE_ALIASES: Record<string, Role> = {
  employee: 'employee',
  一般: 'employee',
  社員: 'employee',
  従業員: 'employee',
  manager: 'manager',
  管理職: 'manager',
  マネージャー: 'manager',
  マネジャー: 'manager',
  上長: 'manager',
  admin: 'admin',
  administrator: 'admin',
  管理者: 'admin',
};

const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** One valid row of the HR file, normalised. */
export interface HrRow {
  line: number;
  employeeId: string;
  aadObjectId?: string;
  name: string;
  email: string;
  department?: string;
  jobTitle?: string;
  managerEmail?: string;
  managerAadObjectId?: string;
  managerEmployeeId?: string;
  homePrefecture?: string;
  hireDate?: string;
  role?: Role;
}

export interface ParsedHrFile {
  encoding: string;
  rows: HrRow[];
  rejected: { line: number; reason: string }[];
}

const norm = (s: string) => s.normalize('NFKC').trim();

/** 2024-04-01, 2024/4/1, 2024.4.1 (full-width digits too) → 2024-04-01, if such a day exists. */
export function parseDate(value: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(norm(value));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function parseRole(value: string): Role | undefined {
  return ROLE_ALIASES[norm(value).toLowerCase()];
}

/** Decodes, parses and checks every row on its own; checks that need the database (managers, ids) come later. */
export function parseHrFile(buffer: Uint8Array): ParsedHrFile {
  const { text, encoding } = decodeText(buffer);
  const { records, unterminatedQuoteAt } = parseCsv(text);
  const rejected: ParsedHrFile['rejected'] = [];
  const rows: HrRow[] = [];
  const header = records[0];
  if (!header) return { encoding, rows, rejected: [{ line: 1, reason: 'empty file / 空のファイルです' }] };

  const columns = header.fields.map((h) => headerToColumn.get(norm(h).toLowerCase().replace(/\s+/g, '_')));
  const missing = (['employee_id', 'name', 'email'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const reason = `header lacks ${missing.join(', ')} / 見出しに ${missing.join(', ')} がありません`;
    return { encoding, rows, rejected: [{ line: header.line, reason }] };
  }

  const seen = {
    employeeId: new Map<string, number>(),
    email: new Map<string, number>(),
    aad: new Map<string, number>(),
  };
  for (const record of records.slice(1)) {
    const v: Partial<Record<HrColumn, string>> = {};
    columns.forEach((c, i) => {
      const raw = record.fields[i];
      if (c && raw !== undefined && norm(raw) !== '') v[c] = norm(raw);
    });
    const problems: string[] = [];
    if (record.fields.length !== header.fields.length)
      problems.push(
        `${record.fields.length} fields, the header has ${header.fields.length} / 列の数が見出しと違います`,
      );
    if (!v.employee_id) problems.push('employee_id is empty / 社員番号がありません');
    if (!v.name) problems.push('name is empty / 氏名がありません');
    if (!v.email) problems.push('email is empty / メールがありません');
    else if (!EMAIL.test(v.email)) problems.push(`email "${v.email}" is not an address / メールの形式が不正です`);
    if (v.aad_object_id && !isGuid(v.aad_object_id))
      problems.push(`aad_object_id "${v.aad_object_id}" is not a GUID / オブジェクトIDの形式が不正です`);
    if (v.manager_aad_object_id && !isGuid(v.manager_aad_object_id))
      problems.push(`manager_aad_object_id "${v.manager_aad_object_id}" is not a GUID / 上長オブジェクトIDが不正です`);
    if (v.manager_email && !EMAIL.test(v.manager_email))
      problems.push(`manager_email "${v.manager_email}" is not an address / 上長メールの形式が不正です`);
    const prefecture = v.home_prefecture ? normalisePrefecture(v.home_prefecture) : undefined;
    if (v.home_prefecture && !prefecture)
      problems.push(`home_prefecture "${v.home_prefecture}" is not one of the 47 / 都道府県名が不正です`);
    const hireDate = v.hire_date ? parseDate(v.hire_date) : undefined;
    if (v.hire_date && !hireDate)
      problems.push(`hire_date "${v.hire_date}" is not a date like 2024-04-01 / 入社日が日付ではありません`);
    const role = v.role ? parseRole(v.role) : undefined;
    if (v.role && !role) problems.push(`role "${v.role}" is unknown / 役割が不明です (一般・管理職・管理者)`);

    const email = v.email?.toLowerCase();
    const aad = v.aad_object_id?.toLowerCase();
    const dup = (map: Map<string, number>, key: string | undefined, what: string) => {
      if (!key) return;
      const first = map.get(key);
      if (first !== undefined)
        problems.push(`${what} repeats line ${first} / ${what} が ${first} 行目と重複しています`);
      else if (problems.length === 0) map.set(key, record.line);
    };
    if (problems.length === 0) {
      dup(seen.employeeId, v.employee_id, 'employee_id');
      dup(seen.email, email, 'email');
      dup(seen.aad, aad, 'aad_object_id');
    }
    if (problems.length > 0) {
      rejected.push({ line: record.line, reason: problems.join('; ') });
      continue;
    }
    rows.push({
      line: record.line,
      employeeId: v.employee_id!,
      aadObjectId: aad,
      name: v.name!,
      email: email!,
      department: v.department,
      jobTitle: v.job_title,
      managerEmail: v.manager_email?.toLowerCase(),
      managerAadObjectId: v.manager_aad_object_id?.toLowerCase(),
      managerEmployeeId: v.manager_employee_id,
      homePrefecture: prefecture,
      hireDate,
      role,
    });
  }
  if (unterminatedQuoteAt !== undefined)
    rejected.push({
      line: unterminatedQuoteAt,
      reason:
        'a quoted field never ends (truncated file?) / 引用符が閉じていません（ファイルが途中で切れていませんか）',
    });
  return { encoding, rows, rejected };
}
