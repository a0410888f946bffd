import type { CheckinCards, IssuedCard } from '../checkin/store.ts';
import type { CheckKind } from '../checkin/questions.ts';
import type { Queryable } from './transaction.ts';

const CHUNK = 5_000;

export function pgCheckinCards(q: Queryable): CheckinCards {
  return {
    async issue(cards) {
      // unnest: 50,000 cards at 09:00 are ten statements, not 50,000.
      for (let i = 0; i < cards.length; i += CHUNK) {
        const chunk = cards.slice(i, i + CHUNK);
        await q.query(
          `INSERT INTO checkin_cards (card_id, aad_object_id, kind, local_date, time_zone, issued_at)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::timestamptz[])`,
          [
            chunk.map((c) => c.cardId),
            chunk.map((c) => c.aadObjectId),
            chunk.map((c) => c.kind),
            chunk.map((c) => c.localDate),
            chunk.map((c) => c.timeZone),
            chunk.map((c) => c.issuedAt),
          ],
        );
      }
    },

    async purgeIssuedBefore(before, limit) {
      const { rowCount } = await q.query(
        `DELETE FROM checkin_cards WHERE card_id IN (
           SELECT card_id FROM checkin_cards WHERE issued_at < $1 ORDER BY issued_at LIMIT $2)`,
        [before, limit],
      );
      return rowCount ?? 0;
    },

    async get(cardId) {
      const { rows } = await q.query<{
        card_id: string;
        aad_object_id: string;
        kind: CheckKind;
        local_date: string;
        time_zone: string;
        issued_at: Date;
      }>(
        `SELECT card_id, aad_object_id, kind, to_char(local_date, 'YYYY-MM-DD') AS local_date, time_zone, issued_at
           FROM checkin_cards WHERE card_id = $1`,
        [cardId],
      );
      const r = rows[0];
      return (
        r && {
          cardId: r.card_id,
          aadObjectId: r.aad_object_id,
          kind: r.kind,
          localDate: r.local_date,
          timeZone: r.time_zone,
          issuedAt: r.issued_at,
        }
      );
    },
  } satisfies CheckinCards;
}

export type { IssuedCard };
