/**
 * The app's provisioning file against how Grafana applies it at every start: jsonData is
 * replaced wholesale, secureJsonData merged key by key (pluginsettings service). A token in this
 * file would overwrite the one an Org Admin saved in the UI at each restart, and an unset
 * ${VAR} would overwrite it with "".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const file = path.join(ROOT, 'provisioning', 'grafana', 'plugins', 'opsdesk-ops-app.yaml');
const doc = parse(readFileSync(file, 'utf8')) as {
  apps: Array<{ type: string; jsonData?: Record<string, string>; secureJsonData?: unknown }>;
};
const datasources = parse(
  readFileSync(path.join(ROOT, 'provisioning', 'grafana', 'datasources', 'opsdesk.yaml'), 'utf8')
) as { datasources: Array<{ uid: string; type: string }> };

test('the app is provisioned without tokens, so a restart never replaces the ones saved in the UI', () => {
  const app = doc.apps.find((a) => a.type === 'opsdesk-ops-app');
  expect(app).toBeDefined();
  expect(app!.secureJsonData).toBeUndefined();
  // jsonData is replaced at every start: it must carry every setting the app reads
  expect(Object.keys(app!.jsonData ?? {}).sort()).toEqual(['prometheusUid', 'serverUrl']);
});

test('the Prometheus data source the app plots with is provisioned', () => {
  const uid = doc.apps[0]!.jsonData!.prometheusUid;
  expect(datasources.datasources.find((d) => d.uid === uid)?.type).toBe('prometheus');
});
