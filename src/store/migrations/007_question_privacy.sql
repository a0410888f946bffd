-- What people type is personal data (health, family, sometimes a password). The audit log is append-only and can
-- never be purged, so it records that a question was answered and how, not the question. Rows written before this
-- migration are cleaned here, the one place where the append-only trigger is lifted: DISABLE TRIGGER is
-- transactional and takes an exclusive lock, so no other session ever writes or sees the table without it, and a
-- failure rolls back to the trigger in force.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
WITH cleaned AS (
  -- Only question.answered ever wrote one; any action is cleaned in case a deployment differs.
  UPDATE audit_log SET detail = detail - 'question'
  WHERE detail ? 'question'
  RETURNING 1
)
INSERT INTO audit_log (actor, action, detail)
SELECT 'migration-007', 'audit.question-text-removed', jsonb_build_object('rows', count(*)) FROM cleaned
HAVING count(*) > 0;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;

-- During a rolling deployment, instances still running the old code keep writing the question for a while; and no
-- later code may start again. The database strips typed-text keys on the way in (the app refuses them earlier).
CREATE FUNCTION audit_log_without_typed_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.detail := NEW.detail - ARRAY['question', 'text', 'note', 'notes', 'answers', 'body', 'activity', 'row'];
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_no_typed_text BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_without_typed_text();

-- Question text kept to improve the answers, only when QUESTION_RETENTION_DAYS > 0, and deleted by a daily job
-- once older. Nothing here says who asked: no user id, no hash of one, only the day (not the time, which would
-- match the audit row's), and a random id (a sequence would give the order of asking, matching the audit log's).
CREATE TABLE question_log (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asked_on  date NOT NULL,
  language  text NOT NULL CHECK (language IN ('ja', 'en')),
  verdict   text NOT NULL CHECK (verdict IN ('allowed', 'conditional', 'prohibited', 'required', 'depends', 'unknown')),
  text      text NOT NULL CHECK (length(text) BETWEEN 1 AND 500)
);
CREATE INDEX question_log_asked_on_idx ON question_log (asked_on);
