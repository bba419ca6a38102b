import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { prom, stat, timeseries } from './common';

/** Is OpsDesk itself healthy: targets up, collectors succeeding, scrape cost, the server's work. */
export function components() {
  const ts = (title: string, unit: string, expr: string, legend: string) =>
    timeseries(title, unit, prom(expr, legend));
  return new DashboardBuilder('OpsDesk components')
    .uid('opsdesk-components')
    .tags(['opsdesk'])
    .refresh('30s')
    .time({ from: 'now-3h', to: 'now' })
    .withPanel(stat('Targets down', 'count(up == 0) or vector(0)'))
    .withPanel(stat('Failing collectors', 'count(opsdesk_host_collector_success == 0) or vector(0)'))
    .withPanel(
      stat('Series dropped (1 h)', 'sum(increase(opsdesk_host_series_dropped_total[1h])) or vector(0)'),
    )
    .withPanel(stat('Webhooks (1 h)', 'sum(increase(opsdesk_alertmanager_webhooks_total[1h])) or vector(0)'))
    .withPanel(ts('Targets up', 'bool', 'up', '{{job}} {{instance}}'))
    .withPanel(
      ts(
        'Slowest collectors',
        's',
        'topk(5, opsdesk_host_collector_duration_seconds)',
        '{{instance}} {{collector}}',
      ),
    )
    .withPanel(ts('Exporter memory', 'bytes', 'process_resident_memory_bytes', '{{job}} {{instance}}'))
    .withPanel(ts('Open incidents', 'short', 'sum by (severity) (opsdesk_incidents_open)', '{{severity}}'));
}
