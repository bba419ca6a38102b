// Tokens, incidents with their alerts, timeline, pauses, reviews and action items.
// SERIAL_PK is replaced per dialect; everything else is plain SQL both databases accept.
export default `
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  service TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  labels TEXT NOT NULL DEFAULT '{}',
  symptom TEXT NOT NULL DEFAULT '',
  impact TEXT NOT NULL DEFAULT '',
  assignee TEXT,
  support_mode TEXT,
  group_key TEXT,
  alertname TEXT,
  occurred_at BIGINT NOT NULL,
  detected_at BIGINT NOT NULL,
  acknowledged_at BIGINT,
  mitigated_at BIGINT,
  resolved_at BIGINT,
  closed_at BIGINT,
  waiting_since BIGINT,
  last_seen_at BIGINT,
  response_breached_at BIGINT,
  resolution_breached_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX incidents_created ON incidents (created_at, id);
CREATE INDEX incidents_status_created ON incidents (status, created_at, id);
CREATE INDEX incidents_severity_created ON incidents (severity, created_at, id);
CREATE INDEX incidents_service_created ON incidents (service, created_at, id);
CREATE INDEX incidents_group ON incidents (group_key, created_at);
CREATE INDEX incidents_recurrence ON incidents (service, alertname, occurred_at);

CREATE TABLE incident_alerts (
  fingerprint TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  status TEXT NOT NULL,
  ends_at BIGINT,
  alertname TEXT NOT NULL DEFAULT '',
  labels TEXT NOT NULL DEFAULT '{}',
  annotations TEXT NOT NULL DEFAULT '{}',
  generator_url TEXT NOT NULL DEFAULT '',
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (fingerprint, starts_at)
);
CREATE INDEX incident_alerts_incident ON incident_alerts (incident_id);

CREATE TABLE incident_pauses (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  reason TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  PRIMARY KEY (incident_id, reason, started_at)
);

CREATE TABLE timeline (
  id SERIAL_PK,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_incident ON timeline (incident_id, id);

CREATE TABLE reviews (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE action_items (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX action_items_incident ON action_items (incident_id);
`;
