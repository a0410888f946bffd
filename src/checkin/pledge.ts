import type { CheckinStore } from './store.ts';

/**
 * Before the first telework day the pledge must be signed (§0): the check-in cards of people who have never
 * checked in say so. The one place this is decided; the bot and the scheduled cards only render it.
 */
export async function needingPledge(
  store: Pick<CheckinStore, 'everCheckedIn'>,
  aadObjectIds: string[],
): Promise<Set<string>> {
  if (aadObjectIds.length === 0) return new Set();
  const veterans = await store.everCheckedIn(aadObjectIds);
  return new Set(aadObjectIds.filter((id) => !veterans.has(id)));
}
