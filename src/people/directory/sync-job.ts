import { readFileSync, statSync } from 'node:fs';
import { scrubMessage, type Logger } from '../../log.ts';
import type { JobDefinition } from '../../schedule/jobs.ts';
import type { Directory } from './index.ts';

/**
 * Keeps the directory current: a Graph delta round when Graph is configured, else the HR file read again when it
 * changed (a re-import of the same file would change nothing anyway, but costs a transaction over everyone).
 */
export function directorySyncJob(o: {
  directory: Directory;
  hrCsvFile: string;
  syncMinutes: number;
  log: Logger;
}): JobDefinition {
  let importedVersion = '';
  return {
    name: 'directory-sync',
    schedule: { every: `${o.syncMinutes}m` },
    async run() {
      if (o.directory.graph) {
        await o.directory.graph.syncOnce(); // which logs its own round
        return;
      }
      let version: string;
      try {
        const st = statSync(o.hrCsvFile);
        version = `${st.size}:${st.mtimeMs}`;
      } catch {
        return;
      }
      if (version === importedVersion) return;
      const result = await o.directory.importHrCsv(readFileSync(o.hrCsvFile), { sourceName: 'hr.csv' });
      importedVersion = version;
      o.log.info(
        { imported: result.imported, updated: result.updated, rejected: result.rejected.length },
        'directory imported from the HR file',
      );
      for (const r of result.rejected.slice(0, 20))
        o.log.warn({ line: r.line, reason: scrubMessage(r.reason) }, 'HR file row rejected'); // quoted cells are data
    },
  };
}
