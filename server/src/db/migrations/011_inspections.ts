// Issue 16: inspections (巡检). A template is versioned: every import of a changed definition adds
// a version (definition as JSON, and the YAML it came from), runs keep the version they ran, so a
// report reads as it was signed. A run freezes its metric and configuration items at evaluation
// (value, failing series) and waits for the manual ones; it is signed by the inspector (巡检人) and
// then the reviewer (复核人), which completes it and stores its reports (HTML, PDF, Excel).
// UNIQUE (schedule_id, scheduled_for): a scheduled run is inserted once, however many replicas try.
// inspection_run_events is the run's timeline.
export default `
CREATE TABLE inspection_templates (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);

CREATE TABLE inspection_template_versions (
  template_id TEXT NOT NULL REFERENCES inspection_templates (id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  yaml TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (template_id, version)
);

CREATE TABLE inspection_runs (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  template_id TEXT NOT NULL REFERENCES inspection_templates (id),
  template_version INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  schedule_id TEXT,
  scheduled_for BIGINT,
  subject_kind TEXT,
  subject_id TEXT,
  state TEXT NOT NULL,
  evaluated_at BIGINT NOT NULL,
  inspector TEXT,
  inspector_signed_at BIGINT,
  reviewer TEXT,
  reviewer_signed_at BIGINT,
  completed_at BIGINT,
  cancelled_at BIGINT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (schedule_id, scheduled_for)
);
CREATE INDEX inspection_runs_template ON inspection_runs (template_id, evaluated_at);
CREATE INDEX inspection_runs_subject ON inspection_runs (subject_kind, subject_id);
CREATE INDEX inspection_runs_state ON inspection_runs (state);

CREATE TABLE inspection_run_items (
  run_id TEXT NOT NULL REFERENCES inspection_runs (id),
  item_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  layer TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  value DOUBLE PRECISION,
  series TEXT NOT NULL DEFAULT '[]',
  truncated INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  note TEXT,
  evidence TEXT NOT NULL DEFAULT '[]',
  completed_by TEXT,
  completed_at BIGINT,
  follow_up_kind TEXT,
  follow_up_id TEXT,
  follow_up_ref TEXT,
  PRIMARY KEY (run_id, item_key)
);

CREATE TABLE inspection_run_events (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES inspection_runs (id),
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX inspection_run_events_run ON inspection_run_events (run_id, at);

CREATE TABLE inspection_reports (
  run_id TEXT NOT NULL REFERENCES inspection_runs (id),
  format TEXT NOT NULL,
  locale TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, format)
);
`;
