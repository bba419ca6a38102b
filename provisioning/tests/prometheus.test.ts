import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithPrograms, program } from '@opsdesk/testing';
import { alerts, expectRuleTestsPass, expectRulesAndConfigValid, rules, ruleTests } from './checks';

/** alertname → whether some unit test expects it to fire, and some expects it not to. */
function testedCases(): Map<string, { fires: boolean; quiet: boolean }> {
  const seen = new Map<string, { fires: boolean; quiet: boolean }>();
  for (const { file, tests } of ruleTests) {
    for (const t of tests) {
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

const HAN = /\p{Script=Han}/u;

describe('rule conventions', () => {
  test('alerts: CamelCase, a known severity, summary, description (English and zh) and a runbook that exists', () => {
    const runbook = readFileSync(path.join(__dirname, '..', '..', 'docs', 'runbooks.md'), 'utf8');
    const problems: string[] = [];
    for (const a of alerts) {
      const where = `${a.file}: ${a.alert}`;
      if (!/^[A-Z][a-zA-Z0-9]+$/.test(a.alert!)) problems.push(`${where}: name is not CamelCase`);
      if (!['critical', 'warning', 'info'].includes(a.labels?.severity ?? ''))
        problems.push(`${where}: severity must be critical, warning or info`);
      for (const key of ['summary', 'description', 'summary_zh', 'description_zh', 'runbook_url'])
        if (!a.annotations?.[key]) problems.push(`${where}: no ${key} annotation`);
      for (const key of ['summary_zh', 'description_zh'])
        if (a.annotations?.[key] && !HAN.test(a.annotations[key]))
          problems.push(`${where}: ${key} is not written in Chinese`);
      const anchor = a.annotations?.runbook_url?.split('#')[1];
      if (!anchor || !runbook.includes(`## ${a.alert}`) || anchor !== a.alert!.toLowerCase())
        problems.push(`${where}: runbook_url must point at docs/runbooks.md#${a.alert!.toLowerCase()}`);
    }
    expect(problems).toEqual([]);
    expect(alerts.length).toBeGreaterThanOrEqual(20);
  });

  test('the zh annotations use the same template values as the English ones', () => {
    // a value shown in one language and not in the other is a translation that says something else
    const values = (text = '') =>
      [...text.matchAll(/\{\{\s*(?:if eq |printf "[^"]*" )?(\$(?:labels\.\w+|value))/g)]
        .map((m) => m[1])
        .sort();
    const differ = alerts.flatMap((a) =>
      (['summary', 'description'] as const)
        .filter(
          (k) =>
            JSON.stringify(values(a.annotations?.[k])) !== JSON.stringify(values(a.annotations?.[`${k}_zh`])),
        )
        .map(
          (k) =>
            `${a.alert}: ${k} ${values(a.annotations?.[k]).join(',')} ≠ ${k}_zh ${values(a.annotations?.[`${k}_zh`]).join(',')}`,
        ),
    );
    expect(differ).toEqual([]);
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
