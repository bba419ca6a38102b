// Issue 15: backups. Policies are configuration (backups.policies); what is stored are the reports
// the backup hosts send (runs, restore tests), keyed by the id the client generated once per
// report, so a resend after a lost answer is recorded once (body_hash tells a resend from a
// different report reusing the id), and the data-restore requests (数据恢复) of incidents, whose
// attempts (JSON [{startedAt, finishedAt, result}]) give the time spent restoring within the
// incident's repair time. rto_ms is the policy's RTO when the test was recorded, so the history
// keeps its verdict when the target changes later.
// tokens.scope: a scoped token (auth/roles.ts SCOPES) may call only the routes listing its scope.
export default `
ALTER TABLE tokens ADD COLUMN scope TEXT;

CREATE TABLE backup_runs (
  id TEXT PRIMARY KEY,
  policy TEXT NOT NULL,
  host TEXT,
  tool TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  duration_ms BIGINT NOT NULL,
  exit_code INTEGER NOT NULL,
  result TEXT NOT NULL,
  snapshot_id TEXT,
  bytes_added BIGINT,
  bytes_processed BIGINT,
  files_new BIGINT,
  files_changed BIGINT,
  files_unmodified BIGINT,
  message TEXT,
  summary TEXT,
  summary_bytes BIGINT NOT NULL DEFAULT 0,
  body_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  received_by TEXT NOT NULL
);
CREATE INDEX backup_runs_policy ON backup_runs (policy, finished_at);
CREATE INDEX backup_runs_finished ON backup_runs (finished_at);

CREATE TABLE backup_restore_tests (
  id TEXT PRIMARY KEY,
  policy TEXT NOT NULL,
  host TEXT,
  snapshot_id TEXT,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  duration_ms BIGINT NOT NULL,
  bytes_restored BIGINT,
  files_restored BIGINT,
  result TEXT NOT NULL,
  restore_exit_code INTEGER NOT NULL,
  verification TEXT NOT NULL,
  message TEXT,
  rto_ms BIGINT NOT NULL,
  body_hash TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  received_by TEXT NOT NULL
);
CREATE INDEX backup_restore_tests_policy ON backup_restore_tests (policy, finished_at);
CREATE INDEX backup_restore_tests_finished ON backup_restore_tests (finished_at);

CREATE TABLE backup_restore_requests (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  what TEXT NOT NULL,
  policy TEXT,
  snapshot_id TEXT,
  requested_by TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts TEXT NOT NULL DEFAULT '[]',
  verification TEXT,
  cancel_reason TEXT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT,
  verified_at BIGINT,
  verified_by TEXT,
  cancelled_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX backup_restore_requests_incident ON backup_restore_requests (incident_id, created_at);
CREATE INDEX backup_restore_requests_created ON backup_restore_requests (created_at);
`;
