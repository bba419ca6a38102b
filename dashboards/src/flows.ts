import { DashboardBuilder, QueryVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGauge } from '@grafana/grafana-foundation-sdk/bargauge';
import { PROMETHEUS, prom, stat, timeseries } from './common';

/** One business flow: its funnel, where instances are stuck or fail, and its checks. */
export function flows() {
  const f = 'flow="$flow"';
  const ts = (title: string, unit: string, expr: string, legend: string) =>
    timeseries(title, unit, prom(expr, legend));
  return new DashboardBuilder('Business flows')
    .uid('opsdesk-flows')
    .tags(['opsdesk', 'flows'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .withVariable(
      new QueryVariableBuilder('flow')
        .label('Flow')
        .datasource(PROMETHEUS)
        .query('label_values(opsdesk_flow_started_total, flow)')
        .refresh('onTimeRangeChanged' as never),
    )
    .withPanel(stat('Started', `sum(increase(opsdesk_flow_started_total{${f}}[$__range]))`))
    .withPanel(stat('Completed', `sum(increase(opsdesk_flow_completed_total{${f}}[$__range]))`))
    .withPanel(stat('Failed', `sum(increase(opsdesk_flow_failed_total{${f}}[$__range]))`))
    .withPanel(stat('Stuck now', `sum(opsdesk_flow_step_stuck{${f}}) or vector(0)`))
    .withPanel(
      new BarGauge()
        .title('Funnel: instances that entered each step')
        .unit('short')
        .datasource(PROMETHEUS)
        .span(12)
        .height(10)
        .withTarget(
          prom(`sum by (step) (increase(opsdesk_flow_step_started_total{${f}}[$__range]))`, '{{step}}'),
        ),
    )
    .withPanel(ts('Stuck per step', 'short', `sum by (step) (opsdesk_flow_step_stuck{${f}})`, '{{step}}'))
    .withPanel(
      ts('In progress per step', 'short', `sum by (step) (opsdesk_flow_step_in_progress{${f}})`, '{{step}}'),
    )
    .withPanel(
      ts(
        'Failures per reason',
        'ops',
        `sum by (reason) (rate(opsdesk_flow_failed_total{${f}}[$__rate_interval]))`,
        '{{reason}}',
      ),
    )
    .withPanel(
      ts(
        'Step time, p95',
        's',
        `histogram_quantile(0.95, sum by (step, le) (rate(opsdesk_flow_step_duration_seconds_bucket{${f}}[$__rate_interval])))`,
        '{{step}}',
      ),
    )
    .withPanel(ts('Synthetic journeys', 'bool', 'opsdesk_flow_journey_step_success', '{{journey}} {{step}}'))
    .withPanel(ts('SQL checks', 'bool', 'opsdesk_flow_sql_check_success', '{{check}}'));
}
