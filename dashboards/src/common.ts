import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';

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
