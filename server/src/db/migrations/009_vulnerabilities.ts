// Issue 14 items 3–4: vulnerability findings from scanner reports (Trivy, Grype) and by hand.
// A finding is one vulnerability in one installed package version on one asset; the unique key
// never holds severity or description, which scanners rewrite between database updates. Imports
// are kept with the findings each one reported (import_findings), so a clean re-scan can be
// shown to be clean and a verification can cite it. Timeline entries are never changed.
export default `
CREATE TABLE vulnerability_findings (
  id TEXT PRIMARY KEY,
  asset TEXT NOT NULL,
  package_type TEXT NOT NULL,
  package_name TEXT NOT NULL,
  installed_version TEXT NOT NULL,
  vulnerability_id TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  fixed_version TEXT,
  severity TEXT NOT NULL,
  scanner_severity TEXT,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL,
  source TEXT NOT NULL,
  scan_target TEXT,
  result_target TEXT,
  known_exploited INTEGER NOT NULL DEFAULT 0,
  sla_start_at BIGINT NOT NULL,
  due_at BIGINT,
  overdue_notified_at BIGINT,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  last_import_id TEXT,
  analysis TEXT,
  patch_plan_id TEXT,
  change_ref TEXT,
  fixed_at BIGINT,
  fixed_by TEXT,
  risk_acceptance TEXT,
  risk_expires_at BIGINT,
  acceptance_expired_at BIGINT,
  verification TEXT,
  resolution_note TEXT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX vulnerability_findings_key
  ON vulnerability_findings (asset, package_type, package_name, installed_version, vulnerability_id);
CREATE INDEX vulnerability_findings_state ON vulnerability_findings (state, due_at);
CREATE INDEX vulnerability_findings_scope ON vulnerability_findings (asset, scan_target);
CREATE INDEX vulnerability_findings_risk ON vulnerability_findings (risk_expires_at);

CREATE TABLE vulnerability_imports (
  id TEXT PRIMARY KEY,
  scanner TEXT NOT NULL,
  asset TEXT NOT NULL,
  target TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  reported INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  awaiting_verification INTEGER NOT NULL,
  reopened INTEGER NOT NULL,
  result_targets TEXT NOT NULL DEFAULT '[]',
  meta TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX vulnerability_imports_scope ON vulnerability_imports (asset, target, at);
CREATE INDEX vulnerability_imports_at ON vulnerability_imports (at);

CREATE TABLE vulnerability_import_findings (
  import_id TEXT NOT NULL,
  finding_id TEXT NOT NULL,
  PRIMARY KEY (import_id, finding_id)
);
CREATE INDEX vulnerability_import_findings_finding ON vulnerability_import_findings (finding_id);

CREATE TABLE vulnerability_timeline (
  id TEXT PRIMARY KEY,
  finding_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX vulnerability_timeline_finding ON vulnerability_timeline (finding_id, at, seq);
`;
