// Issue 13 item 5: duty rosters. The rotations themselves are configuration (oncall.rosters);
// what people change at run time is stored: overrides (a swap is two overrides sharing swap_id),
// handovers with the incidents open at that moment, and the roster's timeline of every change
// with its actor. Overrides are never deleted, only marked removed, so the timeline keeps them.
export default `
CREATE TABLE oncall_overrides (
  id TEXT PRIMARY KEY,
  roster TEXT NOT NULL,
  layer TEXT NOT NULL,
  person TEXT NOT NULL,
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  swap_id TEXT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  removed_at BIGINT,
  removed_by TEXT
);
CREATE INDEX oncall_overrides_layer ON oncall_overrides (roster, layer, start_at);

CREATE TABLE oncall_handovers (
  id TEXT PRIMARY KEY,
  roster TEXT NOT NULL,
  layer TEXT NOT NULL,
  from_person TEXT,
  to_person TEXT NOT NULL,
  at BIGINT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  open_incidents TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by TEXT
);
CREATE INDEX oncall_handovers_roster ON oncall_handovers (roster, at);

CREATE TABLE oncall_timeline (
  id TEXT PRIMARY KEY,
  roster TEXT NOT NULL,
  subject TEXT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX oncall_timeline_subject ON oncall_timeline (subject, at);
CREATE INDEX oncall_timeline_roster ON oncall_timeline (roster, at);
`;
