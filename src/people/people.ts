import type { AuditLog, Clock, UserSighting, UserStore } from '../ports.ts';

export type SightingSource = 'install' | 'conversation-update' | 'message' | 'invoke';

/** Keeps the record of who has the app and how to reach them; every Teams event that names a person passes here. */
export function createPeople(deps: { users: UserStore; audit: AuditLog; clock: Clock }) {
  return {
    async seen(sighting: UserSighting, source: SightingSource): Promise<{ firstTime: boolean }> {
      const at = deps.clock.now();
      const result = await deps.users.recordSighting(sighting, at);
      if (result.firstTime || source === 'install') {
        await deps.audit.record({
          at,
          actor: sighting.aadObjectId,
          action: source === 'install' ? 'app.installed' : 'user.first-seen',
          subject: sighting.aadObjectId,
          detail: { tenantId: sighting.tenantId, locale: sighting.locale, timeZone: sighting.timeZone },
        });
      }
      return result;
    },

    async uninstalled(aadObjectId: string): Promise<void> {
      const at = deps.clock.now();
      await deps.users.markUninstalled(aadObjectId, at);
      await deps.audit.record({ at, actor: aadObjectId, action: 'app.uninstalled', subject: aadObjectId });
    },

    get: (aadObjectId: string) => deps.users.get(aadObjectId),
  };
}

export type People = ReturnType<typeof createPeople>;
