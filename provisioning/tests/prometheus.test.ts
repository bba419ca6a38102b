import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithPrograms, program } from '@opsdesk/testing';
import {
  expectRuleTestsPass,
  expectRulesAndConfigValid,
  RULES,
  ruleFiles,
  RULE_TESTS as TESTS,
  ruleTestFiles as testFiles,
} from './checks';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const rules: Array<Rule & { file: string }> = ruleFiles.flatMap((file) =>
  (
    parse(readFileSync(path.join(RULES, file), 'utf8')) as { groups: Array<{ rules: Rule[] }> }
  ).groups.flatMap((g) => g.rules.map((r) => ({ ...r, file }))),
);
const alerts = rules.filter((r) => r.alert);

/** alertname → whether some unit test expects it to fire, and some expects it not to. */
function testedCases(): Map<string, { fires: boolean; quiet: boolean }> {
  const seen = new Map<string, { fires: boolean; quiet: boolean }>();
  for (const file of testFiles) {
    const doc = parse(readFileSync(path.join(TESTS, file), 'utf8')) as {
      tests: Array<{
        interval?: string;
        alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }>;
      }>;
    };
    for (const t of doc.tests) {
      expect([file, t.interval !== undefined]).toEqual([file, true]); // promtool 2.42: always set interval
      for (const c of t.alert_rule_test ?? []) {
        const s = seen.get(c.alertname) ?? { fires: false, quiet: false };
        if ((c.exp_alerts ?? []).length > 0) s.fires = true;
        else s.quiet = true;
        seen.set(c.alertname, s);
      }
    }
  }
  return seen;
}

describe('rule conventions', () => {
  test('alerts: CamelCase, a known severity, summary, description and a runbook that exists', () => {
    const runbook = readFileSync(path.join(__dirname, '..', '..', 'docs', 'runbooks.md'), 'utf8');
    const problems: string[] = [];
    for (const a of alerts) {
      const where = `${a.file}: ${a.alert}`;
      if (!/^[A-Z][a-zA-Z0-9]+$/.test(a.alert!)) problems.push(`${where}: name is not CamelCase`);
      if (!['critical', 'warning', 'info'].includes(a.labels?.severity ?? ''))
        problems.push(`${where}: severity must be critical, warning or info`);
      for (const key of ['summary', 'description', 'runbook_url'])
        if (!a.annotations?.[key]) problems.push(`${where}: no ${key} annotation`);
      const anchor = a.annotations?.runbook_url?.split('#')[1];
      if (!anchor || !runbook.includes(`## ${a.alert}`) || anchor !== a.alert!.toLowerCase())
        problems.push(`${where}: runbook_url must point at docs/runbooks.md#${a.alert!.toLowerCase()}`);
    }
    expect(problems).toEqual([]);
    expect(alerts.length).toBeGreaterThanOrEqual(20);
  });

  test('recording rules are named level:metric:operation', () => {
    const bad = rules
      .filter((r) => r.record && !/^[a-z][a-z0-9_]*:[a-z0-9_]+:[a-z0-9_]+$/.test(r.record))
      .map((r) => `${r.file}: ${r.record}`);
    expect(bad).toEqual([]);
  });

  test('every alert has a unit test where it fires and one where it does not', () => {
    const seen = testedCases();
    const missing = alerts
      .filter((a) => !seen.get(a.alert!)?.fires || !seen.get(a.alert!)?.quiet)
      .map((a) => `${a.alert}: ${JSON.stringify(seen.get(a.alert!) ?? 'no test')}`);
    expect(missing).toEqual([]);
  });
});

describeWithPrograms({ promtool: 'prometheus' }, 'promtool', () => {
  test('promtool check rules and check config find nothing wrong', () => {
    expectRulesAndConfigValid(program('promtool'));
  });

  test('promtool test rules passes', () => {
    expectRuleTestsPass(program('promtool'));
  });
});
