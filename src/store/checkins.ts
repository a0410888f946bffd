import type pg from 'pg';
import type { Finding } from '../checkin/evaluate.ts';
import type { CheckKind } from '../checkin/questions.ts';
import type { CheckinStore, CheckRecord, NewCheck, SaveResult, StoredFinding } from '../checkin/store.ts';
import type { LocalDate } from '../schedule/time.ts';
import { inTransaction, type Queryable } from './transaction.ts';

interface Row {
  id: string;
  aad_object_id: string;
  local_date: string;
  kind: CheckKind;
  card_id: string;
  answers: Record<string, string>;
  guideline_revision: string;
  submitted_at: Date;
  corrects_id: string | null;
}

const COLUMNS = `id, aad_object_id, local_date::text AS local_date, kind, card_id, answers, guideline_revision,
  submitted_at, corrects_id`;

const toRecord = (r: Row): CheckRecord => ({
  id: r.id,
  aadObjectId: r.aad_object_id,
  localDate: r.local_date,
  kind: r.kind,
  cardId: r.card_id,
  answers: r.answers,
  guidelineRevision: r.guideline_revision,
  submittedAt: r.submitted_at,
  ...(r.corrects_id ? { correctsId: r.corrects_id } : {}),
});

export function pgCheckins(pool: Queryable): CheckinStore {
  // Bound to the person as well as the card: whatever a caller passes, one person's record never answers another.
  async function byCard(q: pg.ClientBase, cardId: string, who: string): Promise<CheckRecord | undefined> {
    const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM checkins WHERE card_id = $1 AND aad_object_id = $2`, [
      cardId,
      who,
    ]);
    return rows[0] && toRecord(rows[0]);
  }

  async function chainOf(q: pg.ClientBase | Queryable, who: string, day: LocalDate, kind: CheckKind) {
    // Rows of one person, day and kind are few; following the links in SQL keeps the order right even if
    // two corrections were submitted within the same clock tick.
    const { rows } = await q.query<Row>(
      `WITH RECURSIVE chain AS (
         SELECT c.*, 0 AS depth FROM checkins c
         WHERE aad_object_id = $1 AND local_date = $2::date AND kind = $3 AND corrects_id IS NULL
         UNION ALL
         SELECT c.*, chain.depth + 1 FROM checkins c JOIN chain ON c.corrects_id = chain.id
       )
       SELECT ${COLUMNS} FROM chain ORDER BY depth`,
      [who, day, kind],
    );
    return rows.map(toRecord);
  }

  async function cardTaken(q: pg.ClientBase, cardId: string): Promise<boolean> {
    const { rows } = await q.query('SELECT 1 FROM checkins WHERE card_id = $1', [cardId]);
    return rows.length > 0;
  }

  return {
    async save(check: NewCheck, findings: readonly Finding[], at: Date): Promise<SaveResult> {
      return inTransaction(pool, async (client) => {
        // An original goes straight to the INSERT (a resubmit is found when it conflicts); a correction first checks
        // that the same card is not simply sent again, which would otherwise read as "superseded".
        if (check.correctsId) {
          const again = await byCard(client, check.cardId, check.aadObjectId);
          if (again) return { status: 'duplicate', record: again };
          const { rows } = await client.query<{ corrected: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM checkins n WHERE n.corrects_id = c.id) AS corrected FROM checkins c
             WHERE c.id = $1 AND c.aad_object_id = $2 AND c.local_date = $3::date AND c.kind = $4`,
            [check.correctsId, check.aadObjectId, check.localDate, check.kind],
          );
          if (!rows[0]) return { status: 'not-found' };
          if (rows[0].corrected) return { status: 'superseded' };
        }

        const inserted = await client.query<Row>(
          `INSERT INTO checkins (aad_object_id, local_date, kind, card_id, answers, guideline_revision, submitted_at,
             corrects_id)
           VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8)
           ON CONFLICT DO NOTHING
           RETURNING ${COLUMNS}`,
          [
            check.aadObjectId,
            check.localDate,
            check.kind,
            check.cardId,
            JSON.stringify(check.answers),
            check.guidelineRevision,
            at,
            check.correctsId ?? null,
          ],
        );
        const row = inserted.rows[0];
        if (!row) {
          // Lost a race: the same card, another original for the day, or another correction of the same record.
          const same = await byCard(client, check.cardId, check.aadObjectId);
          if (same) return { status: 'duplicate', record: same };
          // The card id is taken by someone else's record: never theirs to see, and never ours to store.
          if (await cardTaken(client, check.cardId)) throw new Error('check-in card id already used by another person');
          if (check.correctsId) return { status: 'superseded' };
          const original = (await chainOf(client, check.aadObjectId, check.localDate, check.kind))[0];
          if (original) return { status: 'duplicate', record: original };
          throw new Error('check-in insert conflicted with no visible row');
        }

        for (const f of findings) {
          await client.query(
            `INSERT INTO compliance_events (checkin_id, aad_object_id, local_date, rule_id, section, severity,
               guideline_revision, notify, created_at)
             VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9)`,
            [
              row.id,
              check.aadObjectId,
              check.localDate,
              f.ruleId,
              f.section,
              f.severity,
              check.guidelineRevision,
              f.notify ?? null,
              at,
            ],
          );
        }
        return { status: 'stored', record: toRecord(row) };
      });
    },

    async current(aadObjectId, localDate, kind) {
      return (await chainOf(pool, aadObjectId, localDate, kind)).at(-1);
    },

    chain: (aadObjectId, localDate, kind) => chainOf(pool, aadObjectId, localDate, kind),

    async checkinDates(aadObjectId: string, since: string): Promise<Set<string>> {
      const { rows } = await pool.query<{ day: string }>(
        `SELECT DISTINCT local_date::text AS day FROM checkins
          WHERE aad_object_id = $1 AND kind = 'checkin' AND local_date >= $2::date`,
        [aadObjectId, since],
      );
      return new Set(rows.map((r) => r.day));
    },

    async checkedInOn(aadObjectIds: string[], dates: LocalDate[]): Promise<Set<string>> {
      const { rows } = await pool.query<{ aad_object_id: string; local_date: string }>(
        // Only the days asked about (a reminder window spans at most two): a person's whole history is not needed.
        `SELECT aad_object_id, to_char(local_date, 'YYYY-MM-DD') AS local_date FROM checkins
          WHERE kind = 'checkin' AND local_date = ANY($2::date[]) AND aad_object_id = ANY($1)`,
        [aadObjectIds, dates],
      );
      return new Set(rows.map((r) => `${r.aad_object_id}|${r.local_date}`));
    },

    async everCheckedIn(aadObjectIds: string[]): Promise<Set<string>> {
      const { rows } = await pool.query<{ aad_object_id: string }>(
        // One index probe per person that stops at the first check-in, not a scan of everyone's history.
        `SELECT a.id AS aad_object_id FROM unnest($1::text[]) AS a(id)
          WHERE EXISTS (SELECT 1 FROM checkins c WHERE c.aad_object_id = a.id AND c.kind = 'checkin')`,
        [aadObjectIds],
      );
      return new Set(rows.map((r) => r.aad_object_id));
    },

    async findingsOf(checkinId: string): Promise<StoredFinding[]> {
      const { rows } = await pool.query<{
        checkin_id: string;
        rule_id: string;
        section: string;
        severity: StoredFinding['severity'];
        guideline_revision: string;
        notify: string | null;
      }>(
        `SELECT checkin_id, rule_id, section, severity, guideline_revision, notify FROM compliance_events
         WHERE checkin_id = $1 ORDER BY id`,
        [checkinId],
      );
      return rows.map((r) => ({
        checkinId: r.checkin_id,
        ruleId: r.rule_id,
        section: r.section,
        severity: r.severity,
        guidelineRevision: r.guideline_revision,
        ...(r.notify ? { notify: r.notify } : {}),
      }));
    },
  };
}
