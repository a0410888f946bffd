import { checkinRenderer } from '../bot/checkin-renderer.ts';
import { checkinJobs } from '../src/checkin/jobs.ts';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { Directory } from '../src/people/directory/index.ts';
import { directorySyncJob } from '../src/people/directory/sync-job.ts';
import type { Clock, Transact } from '../src/ports.ts';
import { questionPurgeJob } from '../src/questions/retention.ts';
import type { JobDefinition } from '../src/schedule/jobs.ts';
import type { Stores } from './stores.ts';

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
  return [
    ...checkinJobs({
      stores: deps.stores,
      transaction: deps.transaction,
      now: () => deps.clock.now(),
      calendar: config.calendar,
      renderer: checkinRenderer,
      reminderAfterMs: config.checkin.reminderAfterMinutes * 60_000,
    }),
    questionPurgeJob({ store: deps.stores.questionLog, retentionDays: config.questions.retentionDays, log }),
    directorySyncJob({
      directory,
      hrCsvFile: config.directory.hrCsvFile,
      syncMinutes: config.directory.syncMinutes,
      log,
    }),
  ];
}
