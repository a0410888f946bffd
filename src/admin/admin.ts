import type { DeliveryStatus } from '../delivery/outbox.ts';
import type { ImportResult } from '../people/directory/types.ts';

/** What the admin operations need, wired in server/: the delivery engine's reports and the directory's import. */
export interface AdminDeps {
  delivery: {
    statusCounts(campaign?: string): Promise<Record<DeliveryStatus, number>>;
    unreachable(campaign?: string): Promise<Record<string, number>>;
  };
  directory: {
    importHrCsv(buffer: Uint8Array, opts: { sourceName: string; replace?: boolean }): Promise<ImportResult>;
  };
}

/** Input an operation cannot act on; the admin API answers it with `status` and `{ error: code, message }`. */
export class AdminInputError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 415 | 422,
    readonly code: string,
    message: string,
    /** More for the caller (e.g. the rejected lines), never written to the audit log. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AdminInputError';
  }
}

export interface DeliveryReport {
  campaign: string | null;
  counts: Record<DeliveryStatus, number>;
  /** People not reached, by reason. */
  unreachable: Record<string, number>;
}

export interface DirectoryImport extends ImportResult {
  fileName: string;
}

/**
 * The administrator's operations, one object for every front: the admin HTTP API calls it, the CLI calls the API.
 * Add an operation here and give it one entry in ADMIN_COMMANDS (commands.ts).
 */
export function createAdmin(deps: AdminDeps) {
  return {
    /** Messages by status and people not reached by reason, for everything or one campaign. */
    async deliveryReport(opts: { campaign?: string } = {}): Promise<DeliveryReport> {
      const [counts, unreachable] = await Promise.all([
        deps.delivery.statusCounts(opts.campaign),
        deps.delivery.unreachable(opts.campaign),
      ]);
      return { campaign: opts.campaign ?? null, counts, unreachable };
    },

    /**
     * Imports an HR file (UTF-8 or Shift_JIS CSV). Bad rows are skipped and returned with their line numbers; a file
     * with no good row changes nothing and is refused.
     */
    async importDirectory(bytes: Uint8Array, opts: { fileName: string; replace?: boolean }): Promise<DirectoryImport> {
      if (bytes.length === 0) throw new AdminInputError(422, 'empty_file', '空のファイルです / the file is empty');
      // A CSV never holds NUL; a file that does is binary (or UTF-16, which Excel calls "Unicode text").
      if (bytes.includes(0))
        throw new AdminInputError(
          422,
          'not_text',
          'CSV テキストではありません（UTF-8 か Shift_JIS の CSV で保存してください） / ' +
            'the file is not CSV text (save it as CSV in UTF-8 or Shift_JIS)',
        );
      const result = await deps.directory.importHrCsv(bytes, { sourceName: opts.fileName, replace: opts.replace });
      if (result.imported + result.updated + result.unchanged === 0)
        throw new AdminInputError(
          422,
          'no_valid_rows',
          '正しい行が1行もないため、何も取り込みませんでした / no valid row: nothing was imported',
          { rejected: result.rejected },
        );
      return { fileName: opts.fileName, ...result };
    },
  };
}

export type Admin = ReturnType<typeof createAdmin>;
