/**
 * The oldest supported Prometheus and Alertmanager (Debian 12's 2.42 and 0.25) still accept the
 * provisioned rules, rule tests and Alertmanager configuration. Every other test runs on the
 * current releases that scripts/go-tools.sh builds.
 */
import { describeWithPrograms, OLDEST_PROGRAMS } from '@opsdesk/testing';
import { expectAlertmanagerConfigValid, expectRuleTestsPass, expectRulesAndConfigValid } from './checks';

describeWithPrograms(
  { [OLDEST_PROGRAMS.promtool]: 'prometheus', [OLDEST_PROGRAMS.amtool]: 'prometheus-alertmanager' },
  'the oldest supported versions (Debian: Prometheus 2.42, Alertmanager 0.25)',
  () => {
    test('promtool 2.42 checks the rules and the config and passes the rule tests', () => {
      expectRulesAndConfigValid(OLDEST_PROGRAMS.promtool);
      expectRuleTestsPass(OLDEST_PROGRAMS.promtool);
    });

    test('amtool 0.25 accepts alertmanager.yml', () => {
      expectAlertmanagerConfigValid(OLDEST_PROGRAMS.amtool);
    });
  },
);
