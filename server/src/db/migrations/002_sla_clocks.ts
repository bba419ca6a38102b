// Issue 11: who responded, and each SLA clock's due time stored so /metrics and the breach tick
// read them with indexed queries instead of walking the calendar for every open incident.
//
// responded_at: the first action of a person (acknowledge, a transition, a comment) — never one of
//   the server's own actors. Back-filled from acknowledged_at, except where Alertmanager's resolve
//   set it (acknowledged_at equal to the moment of a status change by "alertmanager"): those
//   incidents nobody touched lose the acknowledgement that was made up for them.
// <goal>_due_at: when the goal falls (running) or fell (breached) due; NULL when it was met, the
//   incident cleared by itself, or the clock waits for the customer.
// <goal>_risk_at: when a running clock enters its at-risk share (sla.at_risk_share of the goal).
// sla_stale: 1 when the stored clocks must be recomputed (open incidents after this migration,
//   a change made outside the incident service, a configuration reload, a new calendar day).
// The indexes are partial so that each query reads only what it needs, however long the history:
// the tick the goals not yet recorded as breached and the stale incidents; /metrics reads the
// open incidents' clocks from one covering index.
export default `
ALTER TABLE incidents ADD COLUMN responded_at BIGINT;
ALTER TABLE incidents ADD COLUMN response_due_at BIGINT;
ALTER TABLE incidents ADD COLUMN response_risk_at BIGINT;
ALTER TABLE incidents ADD COLUMN resolution_due_at BIGINT;
ALTER TABLE incidents ADD COLUMN resolution_risk_at BIGINT;
ALTER TABLE incidents ADD COLUMN sla_stale INTEGER NOT NULL DEFAULT 0;

UPDATE incidents SET acknowledged_at = NULL
 WHERE acknowledged_at IS NOT NULL
   AND EXISTS (SELECT 1 FROM timeline t
                WHERE t.incident_id = incidents.id AND t.kind = 'status_changed'
                  AND t.actor = 'alertmanager' AND t.at = incidents.acknowledged_at);
UPDATE incidents SET responded_at = acknowledged_at;
UPDATE incidents SET sla_stale = 1 WHERE status NOT IN ('resolved', 'closed');

CREATE INDEX incidents_response_due ON incidents (response_due_at) WHERE response_breached_at IS NULL;
CREATE INDEX incidents_resolution_due ON incidents (resolution_due_at) WHERE resolution_breached_at IS NULL;
CREATE INDEX incidents_sla_stale ON incidents (id) WHERE sla_stale = 1;
CREATE INDEX incidents_status_clocks ON incidents (status, severity, response_risk_at, response_due_at, resolution_risk_at, resolution_due_at);
CREATE INDEX incidents_detected ON incidents (detected_at);
CREATE INDEX incident_alerts_incident_order ON incident_alerts (incident_id, starts_at, fingerprint);
`;
