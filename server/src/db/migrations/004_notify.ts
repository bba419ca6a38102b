// Issue 13 items 2 and 8: the notification outbox and its delivery log.
//
// notify_messages: the outbox. A row is written in the transaction of the event that causes it
//   (an incident opened, an Alertmanager group forwarded), so a message exists exactly when its
//   event does. status queued → sending (leased to one sender for one request) → sent | failed;
//   parts_sent counts the parts (requests) the platform acknowledged, so a message split [k/n]
//   resumes from its first unsent part after a retry or a crash. possible_repeat: it was found
//   `sending` with an expired lease (the process died during the request), so its next part may
//   already have arrived once.
// notify_deliveries: one row per request to a platform; a row is written (outcome pending) before
//   the request, so the sliding-window limiter counts requests in flight on every replica, and
//   finished_at when its answer is recorded (the limiter counts a request at its answer: the
//   platform received it by then).
// notify_channels: one row per configured channel, locked (SELECT … FOR UPDATE) while a sender
//   checks the limiter and claims a message, so replicas take turns; it holds the channel's state
//   (config_error after the platform said the configuration is wrong) and blocked_until (a
//   throttle, a backoff or a configuration retry).
// sla_risk_notices: the SLA tick's record that a goal's at-risk notification was queued (once per
//   incident and goal).
export default `
CREATE TABLE notify_channels (
  name TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'unknown',
  blocked_until BIGINT,
  last_error_at BIGINT,
  last_error_kind TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  updated_at BIGINT NOT NULL
);

CREATE TABLE notify_messages (
  id SERIAL_PK,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  agg_key TEXT NOT NULL,
  phase TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  parts INTEGER NOT NULL DEFAULT 0,
  parts_sent INTEGER NOT NULL DEFAULT 0,
  possible_repeat INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  lease_owner TEXT,
  last_error_at BIGINT,
  last_error_kind TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX notify_messages_queue ON notify_messages (channel, status, id);
CREATE INDEX notify_messages_list ON notify_messages (channel, id);

CREATE TABLE notify_deliveries (
  id SERIAL_PK,
  message_id BIGINT NOT NULL REFERENCES notify_messages (id),
  channel TEXT NOT NULL,
  at BIGINT NOT NULL,
  part INTEGER NOT NULL,
  parts INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  http_status INTEGER,
  code TEXT,
  error TEXT,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  finished_at BIGINT
);
CREATE INDEX notify_deliveries_message ON notify_deliveries (message_id, id);
CREATE INDEX notify_deliveries_channel ON notify_deliveries (channel, at);

CREATE TABLE sla_risk_notices (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  goal TEXT NOT NULL,
  risk_at BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (incident_id, goal)
);
`;
