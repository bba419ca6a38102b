/**
 * The promtool and amtool checks of the provisioning files, run with a given binary: the current
 * releases in prometheus.test.ts and alertmanager.test.ts, Debian's oldest supported ones in
 * oldest-supported.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const PROM = path.join(__dirname, '..', 'prometheus');
export const RULES = path.join(PROM, 'rules');
export const RULE_TESTS = path.join(RULES, 'tests');
export const AM = path.join(__dirname, '..', 'alertmanager');
export const ruleFiles = readdirSync(RULES).filter((f) => f.endsWith('.rules.yml'));
export const ruleTestFiles = readdirSync(RULE_TESTS).filter((f) => f.endsWith('.test.yml'));

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
