-- A person's own working week; a person without a row works the company default (Mon–Fri 09:00–18:00).
-- The time zone stays in users.time_zone, where Teams keeps it up to date.
CREATE TABLE user_schedules (
  aad_object_id  text PRIMARY KEY CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  working_days   smallint NOT NULL DEFAULT 62 CHECK (working_days BETWEEN 0 AND 127), -- bit 0 = Sunday
  start_minute   smallint NOT NULL DEFAULT 540 CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute     smallint NOT NULL DEFAULT 1080 CHECK (end_minute BETWEEN 0 AND 1439),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Days a person marked as 出社 (office) or 休暇 (leave), by their local date. No foreign key to users on
-- purpose: HR may record leave for someone who has not opened the app yet.
CREATE TABLE user_days (
  aad_object_id  text NOT NULL CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  day            date NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('office', 'leave')),
  set_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (aad_object_id, day)
);
-- dueUsers asks "who is marked on this date", across everyone.
CREATE INDEX user_days_day_idx ON user_days (day);

-- One row per run of a scheduled job per slot; the primary key is what makes a slot run on one instance only.
CREATE TABLE job_runs (
  job_name         text NOT NULL,
  slot             text NOT NULL,
  scheduled_at     timestamptz NOT NULL,
  window_start     timestamptz NOT NULL,
  window_end       timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  attempts         integer NOT NULL DEFAULT 1,
  owner            text NOT NULL,
  lease_until      timestamptz,
  next_attempt_at  timestamptz,
  last_error       text,
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  PRIMARY KEY (job_name, slot)
);
CREATE INDEX job_runs_recent_idx ON job_runs (job_name, scheduled_at DESC);
