/**
 * Every provisioned alert carries a `service` label, so that every incident has a service (SLA
 * policies per service, MTTA/MTTR per service, recurrence). It comes from one of two places:
 * - the scrape target: every target in prometheus.yml (and in the copy `npm start` runs) has a
 *   `service` label, and the alert's expression keeps it (aggregations say `by (…, service)`);
 *   the rule tests prove the keeping: their scraped input series carry `service` as a target
 *   would, and promtool compares every expected alert's labels exactly;
 * - or the rule itself, for alerts about something no target owns (`labels: { service: … }`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { alerts, PROM, ruleTests, rules } from './checks';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localPrometheusConfig } = require(path.join(ROOT, 'scripts', 'local-provisioning.js')) as {
  localPrometheusConfig(root: string): string;
};

interface ScrapeConfig {
  job_name: string;
  static_configs?: Array<{ targets: string[]; labels?: Record<string, string> }>;
}

function targetsWithoutService(yamlText: string): string[] {
  const config = parse(yamlText) as { scrape_configs: ScrapeConfig[] };
  return config.scrape_configs.flatMap((job) => {
    if (!job.static_configs)
      return [`${job.job_name}: not a static config, so its targets' labels are not checked`];
    return job.static_configs
      .filter((sc) => !sc.labels?.service || !sc.labels?.support_hours)
      .map((sc) => `${job.job_name} ${sc.targets.join(',')}: labels ${JSON.stringify(sc.labels ?? {})}`);
  });
}

/** `name{a="1", b="2"}` → name and label names */
function selector(series: string): { name: string; labels: string[] } {
  const name = series.split('{')[0]!.trim();
  const labels = [...(series.split('{')[1] ?? '').matchAll(/(\w+)\s*=/g)].map((m) => m[1]!);
  return { name, labels };
}

const recorded = new Set(rules.filter((r) => r.record).map((r) => r.record!));

test('every scrape target has a service and support hours, in prometheus.yml and in the copy npm start runs', () => {
  expect(targetsWithoutService(readFileSync(path.join(PROM, 'prometheus.yml'), 'utf8'))).toEqual([]);
  expect(targetsWithoutService(localPrometheusConfig(ROOT))).toEqual([]);
});

test('the rule tests feed scraped series as a target does: with its service', () => {
  const problems: string[] = [];
  for (const { file, tests } of ruleTests)
    for (const t of tests)
      for (const { series } of t.input_series ?? []) {
        const { name, labels } = selector(series);
        // a recording rule's output fed in directly would skip the rule that must keep the label
        if (recorded.has(name))
          problems.push(`${file}: ${series} is the output of a provisioned recording rule`);
        else if (!name.includes(':') && !labels.includes('service'))
          problems.push(`${file}: ${series} has no service label, which every scrape target adds`);
      }
  expect(problems).toEqual([]);
});

test('every alert ends up with a service: set by its rule, or kept from the target in every test where it fires', () => {
  const problems: string[] = [];
  for (const a of alerts) {
    if (a.labels && 'service' in a.labels) {
      if (!/^[a-z][a-z0-9-]*$/.test(a.labels.service ?? ''))
        problems.push(`${a.alert}: labels.service ${JSON.stringify(a.labels.service)} is not a service name`);
      continue;
    }
    const fired = ruleTests.flatMap(({ file, tests }) =>
      tests.flatMap((t) =>
        (t.alert_rule_test ?? [])
          .filter((c) => c.alertname === a.alert)
          .flatMap((c) =>
            (c.exp_alerts ?? []).map((e) => ({
              where: `${file} at ${c.eval_time}`,
              labels: e.exp_labels ?? {},
            })),
          ),
      ),
    );
    if (fired.length === 0) problems.push(`${a.alert}: no rule test where it fires`);
    for (const f of fired)
      if (!f.labels.service) problems.push(`${a.alert}: fires without a service label (${f.where})`);
  }
  expect(problems).toEqual([]);
});
