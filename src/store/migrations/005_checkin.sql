-- Daily telework check-ins and check-outs. A submitted record is never changed: a correction is a new row
-- pointing at the one it replaces, so what the person said first stays on record next to what they said later.
CREATE TABLE checkins (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  aad_object_id       text NOT NULL CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  local_date          date NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('checkin', 'checkout')),
  -- The card that was submitted: the same card submitted twice (a double tap, a Teams retry) is one record.
  card_id             uuid NOT NULL UNIQUE,
  answers             jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  guideline_revision  text NOT NULL,
  submitted_at        timestamptz NOT NULL,
  corrects_id         uuid REFERENCES checkins (id),
  -- A record is corrected at most once, so the corrections of a day form one line, never a tree.
  CONSTRAINT checkins_corrects_once UNIQUE (corrects_id),
  CONSTRAINT checkins_not_self CHECK (corrects_id IS DISTINCT FROM id)
);
-- One original per person, day and kind: a second check-in card for the same day changes nothing.
CREATE UNIQUE INDEX checkins_one_original_idx ON checkins (aad_object_id, local_date, kind) WHERE corrects_id IS NULL;
-- Reports read one day across everyone (who has not checked in yet?).
CREATE INDEX checkins_day_idx ON checkins (local_date, kind);

-- What the answers showed against the guideline, written with the record in one transaction.
CREATE TABLE compliance_events (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checkin_id          uuid NOT NULL REFERENCES checkins (id),
  aad_object_id       text NOT NULL,
  local_date          date NOT NULL,
  rule_id             text NOT NULL,
  section             text NOT NULL,
  severity            text NOT NULL CHECK (severity IN ('violation', 'caution', 'incident')),
  guideline_revision  text NOT NULL,
  notify              text,
  created_at          timestamptz NOT NULL
);
CREATE INDEX compliance_events_checkin_idx ON compliance_events (checkin_id);
CREATE INDEX compliance_events_day_idx ON compliance_events (local_date, severity);

-- Immutable in the database itself, not only by convention in the code. DELETE stays possible for a
-- retention purge.
CREATE FUNCTION checkins_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable; submit a correction instead', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER checkins_no_update BEFORE UPDATE ON checkins
  FOR EACH ROW EXECUTE FUNCTION checkins_immutable();
CREATE TRIGGER compliance_events_no_update BEFORE UPDATE ON compliance_events
  FOR EACH ROW EXECUTE FUNCTION checkins_immutable();
