import type { UserProfile, UserRecord, UserSighting, UserStore } from '../ports.ts';
import type { Queryable } from './transaction.ts';

export function pgUserStore(pool: Queryable): UserStore {
  return {
    async recordSighting(s, at) {
      // COALESCE keeps what we knew when an activity omits a field (e.g. a card submit carries no timezone).
      // The time zone is learned once, not moved by every activity: it fixes which day a check-in card counts for,
      // and a client that says another zone on each message must not open tomorrow's card today.
      const { rows } = await pool.query<{ inserted: boolean }>(
        `INSERT INTO users AS u (aad_object_id, tenant_id, teams_user_id, name, locale, time_zone,
                                 conversation_id, conversation_ref, installed, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $8::jsonb IS NOT NULL, $9, $9)
         ON CONFLICT (aad_object_id) DO UPDATE SET
           tenant_id = EXCLUDED.tenant_id,
           teams_user_id = COALESCE(EXCLUDED.teams_user_id, u.teams_user_id),
           name = COALESCE(EXCLUDED.name, u.name),
           locale = COALESCE(EXCLUDED.locale, u.locale),
           time_zone = COALESCE(u.time_zone, EXCLUDED.time_zone),
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

    async recordConversation(recipient, conversationId, reference) {
      await pool.query(
        `INSERT INTO users (aad_object_id, tenant_id, conversation_id, conversation_ref, installed)
         VALUES ($1, $2, $3, $4::jsonb, true)
         ON CONFLICT (aad_object_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id,
           conversation_ref = EXCLUDED.conversation_ref, installed = true, uninstalled_at = NULL`,
        [recipient.aadObjectId, recipient.tenantId, conversationId, JSON.stringify(reference)],
      );
    },

    async forgetConversation(aadObjectId, conversationId) {
      // Only the reference that failed: one stored meanwhile by a newer activity is kept.
      await pool.query(
        `UPDATE users SET conversation_ref = NULL, conversation_id = NULL
          WHERE aad_object_id = $1 AND conversation_ref->'conversation'->>'id' IS NOT DISTINCT FROM $2`,
        [aadObjectId, conversationId],
      );
    },

    async profiles(aadObjectIds) {
      const { rows } = await pool.query<{
        aad_object_id: string;
        tenant_id: string | null;
        locale: string | null;
        time_zone: string | null;
        name: string | null;
      }>(
        `SELECT want.aad_object_id, u.tenant_id, u.locale, u.time_zone, COALESCE(d.display_name, u.name) AS name
           FROM unnest($1::text[]) AS want(aad_object_id)
           LEFT JOIN users u USING (aad_object_id) LEFT JOIN directory d USING (aad_object_id)`,
        [aadObjectIds],
      );
      return new Map(
        rows.map((r): [string, UserProfile] => [
          r.aad_object_id,
          {
            aadObjectId: r.aad_object_id,
            ...(r.tenant_id ? { tenantId: r.tenant_id } : {}),
            ...(r.locale ? { locale: r.locale } : {}),
            ...(r.time_zone ? { timeZone: r.time_zone } : {}),
            ...(r.name ? { name: r.name } : {}),
          },
        ]),
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
