-- The delivery outbox: every message the bot writes first (roll call, check-in, reminder, digest) is one row here,
-- claimed by workers with FOR UPDATE SKIP LOCKED. dedupe_key makes enqueueing idempotent.
CREATE TABLE delivery_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedupe_key       text NOT NULL UNIQUE,
  campaign         text NOT NULL,
  kind             text NOT NULL,
  priority         smallint NOT NULL,
  aad_object_id    text NOT NULL,
  tenant_id        text NOT NULL,
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  locked_by        text,
  locked_until     timestamptz,
  activity_id      text,
  last_error       text,
  reason           text,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at          timestamptz
);
-- Workers take the most urgent, then the oldest, ready row.
CREATE INDEX delivery_outbox_ready_idx ON delivery_outbox (priority DESC, id) WHERE status = 'queued';
-- Leases of dead workers are found without scanning sent rows.
CREATE INDEX delivery_outbox_lease_idx ON delivery_outbox (locked_until) WHERE status = 'sending';
CREATE INDEX delivery_outbox_campaign_idx ON delivery_outbox (campaign, status);

-- One row per bot app: the global token bucket shared by every instance, and the pause Teams asked for (429).
CREATE TABLE delivery_throttle (
  app           text PRIMARY KEY,
  tokens        double precision NOT NULL DEFAULT 0,
  refilled_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  paused_at     timestamptz,
  paused_until  timestamptz
);
