import type pg from 'pg';
import type { UserRecord, UserSighting, UserStore } from '../ports.ts';

export function pgUserStore(pool: pg.Pool): UserStore {
  return {
    async recordSighting(s, at) {
      // COALESCE keeps what we knew when an activity omits a field (e.g. a card submit carries no timezone).
      const { rows } = await pool.query<{ inserted: boolean }>(
        `INSERT INTO users AS u (aad_object_id, tenant_id, teams_user_id, name, locale, time_zone,
                                 conversation_id, conversation_ref, installed, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $8::jsonb IS NOT NULL, $9, $9)
         ON CONFLICT (aad_object_id) DO UPDATE SET
           tenant_id = EXCLUDED.tenant_id,
           teams_user_id = COALESCE(EXCLUDED.teams_user_id, u.teams_user_id),
           name = COALESCE(EXCLUDED.name, u.name),
           locale = COALESCE(EXCLUDED.locale, u.locale),
           time_zone = COALESCE(EXCLUDED.time_zone, u.time_zone),
           conversation_id = COALESCE(EXCLUDED.conversation_id, u.conversation_id),
           conversation_ref = COALESCE(EXCLUDED.conversation_ref, u.conversation_ref),
           installed = u.installed OR EXCLUDED.installed,
           uninstalled_at = CASE WHEN EXCLUDED.conversation_ref IS NOT NULL THEN NULL ELSE u.uninstalled_at END,
           last_seen_at = GREATEST(u.last_seen_at, EXCLUDED.last_seen_at)
         RETURNING (xmax = 0) AS inserted`,
        [
          s.aadObjectId,
          s.tenantId,
          s.teamsUserId ?? null,
          s.name ?? null,
          s.locale ?? null,
          s.timeZone ?? null,
          s.conversationId ?? null,
          s.conversationReference ? JSON.stringify(s.conversationReference) : null,
          at,
        ],
      );
      return { firstTime: rows[0]?.inserted ?? false };
    },

    async markUninstalled(aadObjectId, at) {
      await pool.query(
        `UPDATE users SET installed = false, conversation_ref = NULL, conversation_id = NULL, uninstalled_at = $2
         WHERE aad_object_id = $1`,
        [aadObjectId, at],
      );
    },

    async get(aadObjectId) {
      const { rows } = await pool.query('SELECT * FROM users WHERE aad_object_id = $1', [aadObjectId]);
      const r = rows[0];
      if (!r) return undefined;
      const user: UserRecord = {
        aadObjectId: r.aad_object_id,
        tenantId: r.tenant_id,
        teamsUserId: r.teams_user_id ?? undefined,
        name: r.name ?? undefined,
        locale: r.locale ?? undefined,
        timeZone: r.time_zone ?? undefined,
        conversationId: r.conversation_id ?? undefined,
        conversationReference: r.conversation_ref ?? undefined,
        installed: r.installed,
        firstSeenAt: r.first_seen_at,
        lastSeenAt: r.last_seen_at,
        uninstalledAt: r.uninstalled_at ?? undefined,
      };
      return user;
    },
  };
}
