// Issue 13 item 6: escalation policies. One row per incident: the policy chosen when it opened,
// the next step (1-based) and repeat (0: the first pass), when that step is due by the policy's
// waits (due_at) and when it pages (next_at: due_at, or the start of the next service hours);
// stopped_* when a person responded or the incident was resolved, finished_at after the last
// step of the last repeat. policy NULL: no policy matched (or the incident predates escalation).
// escalation_steps: each page once, keyed by (incident, policy, repeat, step), so a restart or a
// second replica can never page the same step twice (the policy is in the key: an incident whose
// severity changes starts the steps of its new policy). run: 1 for the escalation started when the
// incident opened, k for the one started by its (k-1)-th reopen; started_at is when that run began
// (its acknowledgement is the first one since), and it is in the step key too, so a reopened
// incident pages step 1 of its policy again while the earlier pages stay in the history.
// Incidents that exist when this runs are recorded as not escalated and finished (policy NULL,
// finished_at set): an upgrade pages nobody for incidents opened before it, even when a severity
// change would make a policy match (an unfinished NULL row is one that matched nothing yet).
export default `
CREATE TABLE escalations (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  policy TEXT,
  run INTEGER NOT NULL DEFAULT 1,
  started_at BIGINT NOT NULL,
  step INTEGER NOT NULL,
  repeat INTEGER NOT NULL,
  due_at BIGINT,
  next_at BIGINT,
  stopped_at BIGINT,
  stopped_by TEXT,
  stop_reason TEXT,
  finished_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX escalations_next ON escalations (next_at);

CREATE TABLE escalation_steps (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  run INTEGER NOT NULL DEFAULT 1,
  repeat INTEGER NOT NULL,
  step INTEGER NOT NULL,
  policy TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  at BIGINT NOT NULL,
  notified TEXT NOT NULL DEFAULT '[]',
  channels TEXT,
  uncovered TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (incident_id, run, policy, repeat, step)
);

INSERT INTO escalations (incident_id, policy, run, started_at, step, repeat, finished_at, updated_at)
SELECT id, NULL, 1, created_at, 0, 0, created_at, created_at FROM incidents;
`;
