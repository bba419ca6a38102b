import { locationUtil } from '@grafana/data';
import { config } from '@grafana/runtime';
import type { Alert } from '../api/types';

/** The PromQL expression of an alert, from its generatorURL (Prometheus writes it as g0.expr). */
export function expressionOf(alert: Alert): string | undefined {
  try {
    const url = new URL(alert.generatorURL);
    return url.searchParams.get('g0.expr') ?? undefined;
  } catch {
    return undefined;
  }
}

function selector(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return `ALERTS{${parts.join(',')}}`;
}

/**
 * A Grafana Explore link for an alert: its expression (or its ALERTS series) over its time range,
 * ±15 min, in the user's current org, under Grafana's sub-path when it has one.
 */
export function exploreUrl(datasourceUid: string, alert: Alert): string {
  const from = Date.parse(alert.startsAt) - 15 * 60_000;
  const to = alert.endsAt ? Date.parse(alert.endsAt) + 15 * 60_000 : Date.now();
  const expr = expressionOf(alert) ?? selector(alert.labels);
  const panes = {
    a: {
      datasource: datasourceUid,
      queries: [{ refId: 'A', expr, datasource: { type: 'prometheus', uid: datasourceUid } }],
      range: { from: String(from), to: String(to) },
    },
  };
  const orgId = config.bootData?.user?.orgId ?? 1;
  return locationUtil.assureBaseUrl(
    `/explore?schemaVersion=1&orgId=${orgId}&panes=${encodeURIComponent(JSON.stringify(panes))}`
  );
}
