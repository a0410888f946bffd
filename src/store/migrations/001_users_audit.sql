-- People the bot has met in Teams, with what is needed to write to them first.
CREATE TABLE users (
  aad_object_id     text PRIMARY KEY CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  tenant_id         text NOT NULL,
  teams_user_id     text,
  name              text,
  locale            text,
  time_zone         text,
  conversation_id   text,
  conversation_ref  jsonb,
  installed         boolean NOT NULL DEFAULT false,
  first_seen_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  uninstalled_at    timestamptz
);
CREATE INDEX users_tenant_idx ON users (tenant_id);

-- Append-only: who did or saw what, about whom, when. Rows are never updated or deleted.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  subject     text,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
