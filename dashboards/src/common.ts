import { ThresholdsConfigBuilder, ThresholdsMode } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as Stat } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as Timeseries } from '@grafana/grafana-foundation-sdk/timeseries';

/** The provisioned Prometheus (provisioning/grafana/datasources/opsdesk.yaml). */
export const PROMETHEUS = { type: 'prometheus', uid: 'prometheus' };

export function prom(expr: string, legend = '', refId = 'A'): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).legendFormat(legend).refId(refId).datasource(PROMETHEUS);
}

/** An instant query shaped as a table, for table and stat panels. */
export function promTable(expr: string, refId: string): DataqueryBuilder {
  return new DataqueryBuilder()
    .expr(expr)
    .instant()
    .format('table' as never)
    .refId(refId)
    .datasource(PROMETHEUS);
}

/** A half-width time series panel on the provisioned Prometheus with one target per query. */
export function timeseries(title: string, unit: string, ...queries: DataqueryBuilder[]): Timeseries {
  const p = new Timeseries().title(title).unit(unit).datasource(PROMETHEUS).height(8).span(12);
  for (const q of queries) p.withTarget(q);
  return p;
}

/** A quarter-width number on the provisioned Prometheus. */
export function stat(title: string, expr: string, unit = 'short'): Stat {
  return new Stat().title(title).unit(unit).datasource(PROMETHEUS).span(6).height(4).withTarget(prom(expr));
}

/** A stat whose background is green at 0 and red from 1: for counts of things that are wrong. */
export function alarmStat(title: string): Stat {
  return new Stat()
    .title(title)
    .unit('short')
    .datasource(PROMETHEUS)
    .colorMode('background' as never)
    .graphMode('none' as never)
    .textMode('value_and_name' as never)
    .thresholds(
      new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
        { value: null as never, color: 'green' },
        { value: 1, color: 'red' },
      ]),
    );
}
