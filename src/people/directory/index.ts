import type { Logger } from '../../log.ts';
import { systemClock, type Clock } from '../../ports.ts';
import { createGraphDirectory, type GraphConfig } from './graph.ts';
import { importHrCsv, type HrImportOptions } from './hr-import.ts';
import type { DirectoryDb } from './store.ts';
import type { PeopleFilter } from './types.ts';

export type * from './types.ts';
export type * from './store.ts';
export { graphConfigFromEnv, type GraphConfig, type GraphDirectory, type SyncResult } from './graph.ts';
export { normalisePrefecture, PREFECTURES } from './prefectures.ts';

/**
 * Who the employees are (Graph and/or the HR file) joined with whether Teams has told us how to reach them.
 * `graph` is present only when a Graph app registration is configured.
 */
export function createDirectory(deps: { db: DirectoryDb; log: Logger; clock?: Clock; graph?: GraphConfig }) {
  const clock = deps.clock ?? systemClock;
  const { store } = deps.db;
  const graph = deps.graph ? createGraphDirectory({ ...deps, config: deps.graph, clock }) : undefined;
  return {
    graph,
    findPerson: (aadObjectId: string) => store.findPerson(aadObjectId),
    /** Everybody matching the filter (active by default), with their conversation reference when Teams gave one. */
    listPeople: (filter: PeopleFilter = {}) => store.listPeople(filter),
    listReachable: (filter: Omit<PeopleFilter, 'reachable'> = {}) => store.listPeople({ ...filter, reachable: true }),
    listUnreached: (filter: Omit<PeopleFilter, 'reachable'> = {}) => store.listPeople({ ...filter, reachable: false }),
    importHrCsv: (buffer: Uint8Array, opts: Omit<HrImportOptions, 'clock'>) =>
      importHrCsv(deps.db, buffer, { ...opts, clock }),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
