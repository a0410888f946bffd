-- Who the employees are, from Microsoft Graph and/or the HR CSV file. People who leave are marked inactive, never
-- deleted, so a roll call's history and a manager's digest can still name them.
CREATE TABLE directory (
  aad_object_id          text PRIMARY KEY CHECK (length(aad_object_id) BETWEEN 1 AND 64),
  employee_id            text,
  display_name           text NOT NULL,
  mail                   text,
  user_principal_name    text,
  department             text,
  job_title              text,
  office_location        text,
  usage_location         text,
  -- No foreign key: a manager can arrive on a later page (or a later delta) than the people who report to them.
  manager_aad_object_id  text,
  home_prefecture        text,
  hire_date              date,
  role                   text NOT NULL DEFAULT 'employee' CHECK (role IN ('employee', 'manager', 'admin')),
  source                 text NOT NULL CHECK (source IN ('graph', 'hr-csv')),
  active                 boolean NOT NULL DEFAULT true,
  removed_at             timestamptz,
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_mail_idx ON directory (lower(mail));
CREATE INDEX directory_employee_id_idx ON directory (employee_id);
CREATE INDEX directory_manager_idx ON directory (manager_aad_object_id);
CREATE INDEX directory_prefecture_idx ON directory (home_prefecture) WHERE active;

-- Where the Graph delta query left off (the @odata.deltaLink), one row per feed.
CREATE TABLE directory_sync (
  feed         text PRIMARY KEY,
  delta_link   text NOT NULL,
  synced_at    timestamptz NOT NULL DEFAULT now()
);
