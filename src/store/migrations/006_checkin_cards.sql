-- Every check-in and check-out card the server sends, so a submit is taken only from the person the card was issued
-- to and counts for the day fixed when it was issued (in their stored time zone), whatever the client says.
CREATE TABLE checkin_cards (
  card_id        uuid PRIMARY KEY,
  aad_object_id  text NOT NULL CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  kind           text NOT NULL CHECK (kind IN ('checkin', 'checkout')),
  local_date     date NOT NULL,
  time_zone      text NOT NULL,
  issued_at      timestamptz NOT NULL
);
-- A retention purge removes old cards by age (a card is only open on its own day).
CREATE INDEX checkin_cards_issued_idx ON checkin_cards (issued_at);
