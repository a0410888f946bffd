import { systemClock, type Clock } from '../../ports.ts';
import type { DirectoryDb, HrRecord } from './store.ts';
import { parseHrFile } from './hr-csv.ts';
import type { ImportResult } from './types.ts';

export interface HrImportOptions {
  /** Shown in the audit log, e.g. the file name. */
  sourceName: string;
  /** Mark people from earlier HR files who are absent from this one as gone (never deleted). Default false. */
  replace?: boolean;
  clock?: Clock;
}

const BATCH = 5_000;

/**
 * Imports an HR CSV file (UTF-8, UTF-8 with BOM or Shift_JIS) into the directory in one transaction: bad rows are
 * reported and skipped, good rows are written, and a file with no good row changes nothing.
 */
export async function importHrCsv(db: DirectoryDb, buffer: Uint8Array, opts: HrImportOptions): Promise<ImportResult> {
  const at = (opts.clock ?? systemClock).now();
  const parsed = parseHrFile(buffer);
  const result: ImportResult = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    rejected: [...parsed.rejected],
    warnings: [],
  };
  if (parsed.rows.length === 0) return result;

  // One transaction: the directory rows and the audit row of the import commit together, or neither does.
  const written = await db.transaction(async ({ directory, audit }) => {
    const known = await directory.findIdsByMailOrEmployeeId(
      [...new Set(parsed.rows.flatMap((r) => [r.email, r.managerEmail ?? []].flat()))],
      [...new Set(parsed.rows.flatMap((r) => [r.employeeId, r.managerEmployeeId ?? []].flat()))],
    );
    const knownByMail = new Map(known.filter((k) => k.mail).map((k) => [k.mail!, k.aadObjectId]));
    const knownByEmployeeId = new Map(known.filter((k) => k.employeeId).map((k) => [k.employeeId!, k.aadObjectId]));

    // The file's own people first: a manager in the same file wins over an older directory entry.
    const fileByMail = new Map<string, string>();
    const fileByEmployeeId = new Map<string, string>();
    const resolved: { row: (typeof parsed.rows)[number]; aadObjectId: string }[] = [];
    for (const row of parsed.rows) {
      const aadObjectId = row.aadObjectId ?? knownByMail.get(row.email) ?? knownByEmployeeId.get(row.employeeId);
      if (!aadObjectId) {
        result.rejected.push({
          line: row.line,
          reason:
            'aad_object_id is empty and nobody in the directory has this email or employee_id / ' +
            'オブジェクトIDが空で、同じメール・社員番号の人がディレクトリにいません',
        });
        continue;
      }
      fileByMail.set(row.email, aadObjectId);
      fileByEmployeeId.set(row.employeeId, aadObjectId);
      resolved.push({ row, aadObjectId });
    }

    const records: HrRecord[] = resolved.map(({ row, aadObjectId }) => {
      let managerAadObjectId = row.managerAadObjectId;
      if (!managerAadObjectId && row.managerEmail)
        managerAadObjectId = fileByMail.get(row.managerEmail) ?? knownByMail.get(row.managerEmail);
      if (!managerAadObjectId && row.managerEmployeeId)
        managerAadObjectId =
          fileByEmployeeId.get(row.managerEmployeeId) ?? knownByEmployeeId.get(row.managerEmployeeId);
      if (!managerAadObjectId && (row.managerEmail || row.managerEmployeeId))
        result.warnings.push({
          line: row.line,
          reason: `manager ${row.managerEmail ?? row.managerEmployeeId} not found; imported without a manager / 上長が見つからないため、上長なしで取り込みました`,
        });
      return {
        aadObjectId,
        employeeId: row.employeeId,
        displayName: row.name,
        mail: row.email,
        department: row.department,
        jobTitle: row.jobTitle,
        managerAadObjectId,
        homePrefecture: row.homePrefecture,
        hireDate: row.hireDate,
        role: row.role,
      };
    });

    if (records.length === 0) return false;
    for (let i = 0; i < records.length; i += BATCH) {
      const { inserted, updated } = await directory.upsertHrRecords(records.slice(i, i + BATCH), at);
      result.imported += inserted;
      result.updated += updated;
    }
    result.unchanged = records.length - result.imported - result.updated;
    if (opts.replace)
      result.deactivated = await directory.deactivateHrPeopleNotIn(
        records.map((r) => r.aadObjectId),
        at,
      );
    await audit.record({
      at,
      actor: 'hr-csv',
      action: 'directory.imported',
      subject: opts.sourceName,
      detail: {
        encoding: parsed.encoding,
        imported: result.imported,
        updated: result.updated,
        unchanged: result.unchanged,
        deactivated: result.deactivated,
        rejected: result.rejected.length,
        replace: Boolean(opts.replace),
      },
    });
    return true;
  });
  if (!written) return result;
  result.rejected.sort((a, b) => a.line - b.line);
  result.warnings.sort((a, b) => a.line - b.line);
  return result;
}
