// The provisioning files as `npm start` runs them: everything on localhost instead of the
// docker-compose host names. Used by scripts/start.js; provisioning/tests checks that the copy
// keeps what the alerts rely on (every target's `service` and `support_hours`).
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** The compose host names of the provisioning files, as they are when everything runs here. */
function forLocalhost(text) {
  return text
    .replace(/host-exporter:9741/g, 'localhost:9741')
    .replace(/transfer-exporter:9742/g, 'localhost:9742')
    .replace(/flow-exporter:9743/g, 'localhost:9743')
    .replace(/opsdesk-server:9744/g, 'localhost:9744')
    .replace(/alertmanager:9093/g, 'localhost:9093');
}

/** provisioning/prometheus/prometheus.yml for localhost, with the rule files at absolute paths. */
function localPrometheusConfig(root) {
  return forLocalhost(
    readFileSync(path.join(root, 'provisioning/prometheus/prometheus.yml'), 'utf8'),
  ).replace('  - rules/*.rules.yml', `  - ${path.join(root, 'provisioning/prometheus/rules')}/*.rules.yml`);
}

module.exports = { forLocalhost, localPrometheusConfig };
