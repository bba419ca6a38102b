/**
 * The promtool and amtool checks of the provisioning files, run with a given binary: the current
 * releases in prometheus.test.ts and alertmanager.test.ts, Debian's oldest supported ones in
 * oldest-supported.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const PROM = path.join(__dirname, '..', 'prometheus');
export const RULES = path.join(PROM, 'rules');
export const RULE_TESTS = path.join(RULES, 'tests');
export const AM = path.join(__dirname, '..', 'alertmanager');
export const ruleFiles = readdirSync(RULES).filter((f) => f.endsWith('.rules.yml'));
export const ruleTestFiles = readdirSync(RULE_TESTS).filter((f) => f.endsWith('.test.yml'));

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  file: string;
}
/** every rule of rules/*.rules.yml, with the file it is in */
export const rules: Rule[] = ruleFiles.flatMap((file) =>
  (
    parse(readFileSync(path.join(RULES, file), 'utf8')) as { groups: Array<{ rules: Rule[] }> }
  ).groups.flatMap((g) => g.rules.map((r) => ({ ...r, file }))),
);
export const alerts = rules.filter((r) => r.alert);

export interface RuleTestFile {
  tests: Array<{
    interval?: string;
    input_series?: Array<{ series: string; values: string }>;
    alert_rule_test?: Array<{
      eval_time: string;
      alertname: string;
      exp_alerts?: Array<{ exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }>;
    }>;
  }>;
}
/** rules/tests/*.test.yml, by file name */
export const ruleTests: Array<RuleTestFile & { file: string }> = ruleTestFiles.map((file) => ({
  ...(parse(readFileSync(path.join(RULE_TESTS, file), 'utf8')) as RuleTestFile),
  file,
}));

/** `promtool check rules` and `promtool check config` report nothing. */
export function expectRulesAndConfigValid(promtool: string): void {
  const rulesCheck = spawnSync(promtool, ['check', 'rules', ...ruleFiles], { cwd: RULES, encoding: 'utf8' });
  expect(rulesCheck.stderr).toBe('');
  expect(rulesCheck.status).toBe(0);
  const configCheck = spawnSync(promtool, ['check', 'config', 'prometheus.yml'], {
    cwd: PROM,
    encoding: 'utf8',
  });
  expect(configCheck.stderr).toBe('');
  expect(configCheck.status).toBe(0);
}

/** `promtool test rules` passes every rule test. */
export function expectRuleTestsPass(promtool: string): void {
  const r = spawnSync(promtool, ['test', 'rules', ...ruleTestFiles], { cwd: RULE_TESTS, encoding: 'utf8' });
  expect(r.stdout + r.stderr).not.toContain('FAILED');
  expect([r.status, r.status === 0 ? '' : r.stdout + r.stderr]).toEqual([0, '']);
}

/** `amtool check-config` accepts alertmanager.yml and its templates. */
export function expectAlertmanagerConfigValid(amtool: string): void {
  const r = spawnSync(amtool, ['check-config', 'alertmanager.yml'], { cwd: AM, encoding: 'utf8' });
  expect(r.stdout).toContain('SUCCESS');
  expect([r.status, r.stderr]).toEqual([0, '']);
}
