import type pg from 'pg';
import type { Logger } from '../../log.ts';
import { systemClock, type Clock } from '../../ports.ts';
import { findPerson, listPeople } from '../../store/directory.ts';
import { createGraphDirectory, type GraphConfig } from './graph.ts';
import { importHrCsv, type HrImportOptions } from './hr-import.ts';
import type { PeopleFilter } from './types.ts';

export type * from './types.ts';
export { graphConfigFromEnv, type GraphConfig, type GraphDirectory, type SyncResult } from './graph.ts';
export { normalisePrefecture, PREFECTURES } from './prefectures.ts';

/**
 * Who the employees are (Graph and/or the HR file) joined with whether Teams has told us how to reach them.
 * `graph` is present only when a Graph app registration is configured.
 */
export function createDirectory(deps: { pool: pg.Pool; log: Logger; clock?: Clock; graph?: GraphConfig }) {
  const clock = deps.clock ?? systemClock;
  const graph = deps.graph ? createGraphDirectory({ ...deps, config: deps.graph, clock }) : undefined;
  return {
    graph,
    findPerson: (aadObjectId: string) => findPerson(deps.pool, aadObjectId),
    /** Everybody matching the filter (active by default), with their conversation reference when Teams gave one. */
    listPeople: (filter: PeopleFilter = {}) => listPeople(deps.pool, filter),
    listReachable: (filter: Omit<PeopleFilter, 'reachable'> = {}) =>
      listPeople(deps.pool, { ...filter, reachable: true }),
    listUnreached: (filter: Omit<PeopleFilter, 'reachable'> = {}) =>
      listPeople(deps.pool, { ...filter, reachable: false }),
    importHrCsv: (buffer: Uint8Array, opts: Omit<HrImportOptions, 'clock'>) =>
      importHrCsv(deps.pool, buffer, { ...opts, clock }),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
