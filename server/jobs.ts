import { readFileSync, statSync } from 'node:fs';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { createDirectory } from '../src/people/directory/index.ts';
import type { JobDefinition } from '../src/schedule/jobs.ts';
import { checkinJobs } from '../src/checkin/jobs.ts';
import type { Clock, Transact } from '../src/ports.ts';
import { checkinRenderer } from '../bot/checkin-renderer.ts';
import type { Stores } from './stores.ts';

type Directory = ReturnType<typeof createDirectory>;

/** The schedules every instance knows; the scheduler runs each slot on exactly one of them. */
export function scheduledJobs(deps: {
  config: Config;
  directory: Directory;
  log: Logger;
  stores: Stores;
  transaction: Transact<Stores>;
  clock: Clock;
}): JobDefinition[] {
  const { config, directory, log } = deps;
  let importedVersion = '';
  return [
    ...checkinJobs({
      stores: deps.stores,
      transaction: deps.transaction,
      now: () => deps.clock.now(),
      calendar: config.calendar,
      renderer: checkinRenderer,
      reminderAfterMs: config.checkin.reminderAfterMinutes * 60_000,
    }),
    {
      name: 'directory-sync',
      schedule: { every: `${config.directory.syncMinutes}m` },
      async run() {
        if (directory.graph) {
          const result = await directory.graph.syncOnce();
          log.info({ ...result }, 'directory synchronised from Microsoft Graph');
          return;
        }
        // The HR file is read again only when it changed; a re-import of the same file changes nothing anyway.
        let version: string;
        try {
          const st = statSync(config.directory.hrCsvFile);
          version = `${st.size}:${st.mtimeMs}`;
        } catch {
          return;
        }
        if (version === importedVersion) return;
        const result = await directory.importHrCsv(readFileSync(config.directory.hrCsvFile), { sourceName: 'hr.csv' });
        importedVersion = version;
        log.info(
          { imported: result.imported, updated: result.updated, rejected: result.rejected.length },
          'directory imported from the HR file',
        );
        for (const r of result.rejected.slice(0, 20))
          log.warn({ line: r.line, reason: r.reason }, 'HR file row rejected');
      },
    },
  ];
}
