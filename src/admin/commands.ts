import type { Admin, DeliveryReport, DirectoryImport } from './admin.ts';

/**
 * The admin operations as one table, read by both fronts: the admin API (api/admin/) makes each entry a route
 * `/api/admin/<name with / for .>` audited as `admin.<name>`, and the CLI (cli/) makes it the command `<name with a
 * space for .>`. A new operation is one entry here.
 */

export type OptionSpec =
  { type: 'string'; maxLength: number; description: string } | { type: 'boolean'; description: string };
export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues<S extends OptionSpecs> = {
  [K in keyof S]?: S[K] extends { type: 'boolean' }
    ? boolean
    : S[K] extends { type: 'string' }
      ? string
      : string | boolean;
};
/** What may go to the audit log: ids, codes and counts, never what a file or a person said. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface Upload {
  bytes: Buffer;
  /** The base name of the file, as given by the client (validated by the API). */
  fileName: string;
}

export interface AdminCommand<S extends OptionSpecs = OptionSpecs, R = unknown> {
  /** `area.verb`, e.g. `directory.import`. */
  name: string;
  /** One line for the CLI's usage, Japanese then English. */
  summary: string;
  /** Reads are GET; anything that changes something is POST. */
  method: 'GET' | 'POST';
  /** Named options: the query string of the route, `--flags` of the CLI. */
  options: S;
  /** The command takes a file (the CLI's one positional argument), sent as the raw request body. */
  upload?: { maxBytes: number; contentTypes: readonly string[] };
  run(admin: Admin, input: { options: OptionValues<S>; upload?: Upload }): Promise<R>;
  audit(result: R, input: { options: OptionValues<S>; upload?: Upload }): { subject?: string; detail: AuditDetail };
  /** True when part of the input was refused (the CLI then exits with 1, as a script must notice). */
  partial?(result: R): boolean;
  /** The CLI's human output, Japanese first; `source` is the file the user named, for `file:line` references. */
  describe(result: R, source?: string): string[];
}

/** Type-checks one entry against its own options and result, then lets the table hold entries of every shape. */
function command<S extends OptionSpecs, R>(c: AdminCommand<S, R>): AdminCommand {
  return c as unknown as AdminCommand;
}

/** An HR file of 50,000 rows is 5–10 MB. */
const HR_FILE_MAX_BYTES = 32 * 1024 * 1024;

export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  command({
    name: 'delivery.report',
    summary: '配信状況と届かなかった人（理由別） / messages by status and people not reached, by reason',
    method: 'GET',
    options: { campaign: { type: 'string', maxLength: 200, description: 'キャンペーン / campaign id' } },
    run: (admin, { options }) => admin.deliveryReport({ campaign: options.campaign }),
    audit: (r: DeliveryReport) => ({
      subject: r.campaign ?? undefined,
      detail: { ...r.counts, unreachable: Object.values(r.unreachable).reduce((a, b) => a + b, 0) },
    }),
    describe(r: DeliveryReport) {
      const { sent, sending, queued, failed } = r.counts;
      const reasons = Object.entries(r.unreachable);
      return [
        `配信状況 / delivery${r.campaign ? `（${r.campaign}）` : ''}`,
        `  送信済み sent ${sent}  送信中 sending ${sending}  待機 queued ${queued}  失敗 failed ${failed}`,
        reasons.length ? '届かなかった人 / not reached, by reason:' : '届かなかった人はいません / everyone was reached',
        ...reasons.map(([reason, people]) => `  ${reason}: ${people} 人`),
      ];
    },
  }),
  command({
    name: 'directory.import',
    summary: '人事 CSV ファイルの取り込み / import the HR CSV file (UTF-8 or Shift_JIS)',
    method: 'POST',
    options: {
      replace: {
        type: 'boolean',
        description: 'ファイルにない人を在籍していない扱いに / people absent from the file have left',
      },
    },
    upload: {
      maxBytes: HR_FILE_MAX_BYTES,
      contentTypes: ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel', 'text/plain'],
    },
    run: (admin, { options, upload }) =>
      admin.importDirectory(upload!.bytes, { fileName: upload!.fileName, replace: options.replace }),
    audit: (r: DirectoryImport, { options, upload }) => ({
      subject: r.fileName,
      detail: {
        bytes: upload?.bytes.length ?? 0,
        imported: r.imported,
        updated: r.updated,
        unchanged: r.unchanged,
        deactivated: r.deactivated,
        rejected: r.rejected.length,
        warnings: r.warnings.length,
        replace: Boolean(options.replace),
      },
    }),
    partial: (r: DirectoryImport) => r.rejected.length > 0,
    describe(r: DirectoryImport, source = r.fileName) {
      return [
        `取り込み完了: 新規 ${r.imported} 件、更新 ${r.updated} 件、変更なし ${r.unchanged} 件、` +
          `無効化 ${r.deactivated} 件、不正な行 ${r.rejected.length} 件、警告 ${r.warnings.length} 件`,
        `Imported: ${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ` +
          `${r.deactivated} deactivated, ${r.rejected.length} rejected, ${r.warnings.length} warnings`,
        ...r.rejected.map((x) => `  不正 / rejected  ${source}:${x.line}  ${x.reason}`),
        ...r.warnings.map((x) => `  警告 / warning   ${source}:${x.line}  ${x.reason}`),
      ];
    },
  }),
];

export function findCommand(name: string): AdminCommand | undefined {
  return ADMIN_COMMANDS.find((c) => c.name === name);
}

/** `directory.import` → `/api/admin/directory/import`. */
export function commandPath(c: Pick<AdminCommand, 'name'>): string {
  return `/api/admin/${c.name.split('.').join('/')}`;
}
