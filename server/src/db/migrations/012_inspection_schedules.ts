// Issue 16: inspection schedules (巡检计划). A schedule runs a template at local times (JSON array of
// 'HH:MM') on the days of a calendar of the server config (sla.calendars): every day, its working
// days, or its first/last working day of a month. inspection_schedule_state keeps how far the
// scheduler got: last_due_at is the newest due time it handled (started, or recorded as missed),
// last_run_at the newest due time whose run exists, missed_at the newest due time that was skipped
// (more than a day behind, only the newest is started). The run itself is inserted with
// UNIQUE(schedule_id, scheduled_for) on inspection_runs (migration 011), so replicas start it once.
export default `
CREATE TABLE inspection_schedules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  template_id TEXT NOT NULL,
  calendar TEXT NOT NULL,
  times TEXT NOT NULL,
  days TEXT NOT NULL,
  inspector TEXT,
  reviewer TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX inspection_schedules_template ON inspection_schedules (template_id);

CREATE TABLE inspection_schedule_state (
  schedule_id TEXT PRIMARY KEY,
  last_due_at BIGINT,
  last_run_at BIGINT,
  missed_at BIGINT,
  missed_count INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
`;
