// Issue 11 items 4 and 6.
// incidents.truncated_alerts: how many alerts Alertmanager left out of the group's latest
//   notification (its webhook max_alerts); the incident shows that its alert list is incomplete.
// tokens.grafana_plugin: 1 for the token the Grafana app plugin sends. Only such a token may name
//   the Grafana user (X-Grafana-Context, X-Grafana-User) that the timeline records; any other
//   client is recorded under its token's name.
export default `
ALTER TABLE incidents ADD COLUMN truncated_alerts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tokens ADD COLUMN grafana_plugin INTEGER NOT NULL DEFAULT 0;
`;
