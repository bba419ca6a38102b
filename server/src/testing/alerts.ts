import { createHash } from 'node:crypto';

export interface TestAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  status?: 'firing' | 'resolved';
}

/** A webhook v4 payload as Alertmanager sends it, with fingerprints computed from the labels. */
export function webhookPayload(
  groupLabels: Record<string, string>,
  alerts: TestAlert[],
  opts: { status?: 'firing' | 'resolved'; truncatedAlerts?: number } = {},
) {
  const groupKey = `{}:{${Object.entries(groupLabels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;
  const full = alerts.map((a) => ({
    status: a.status ?? 'firing',
    labels: a.labels,
    annotations: a.annotations ?? {},
    startsAt: a.startsAt,
    endsAt: a.endsAt ?? '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: createHash('sha256')
      .update(JSON.stringify(Object.entries(a.labels).sort()))
      .digest('hex')
      .slice(0, 16),
  }));
  const common = Object.fromEntries(
    Object.entries(full[0]?.labels ?? {}).filter(([k, v]) => full.every((a) => a.labels[k] === v)),
  );
  return {
    version: '4',
    groupKey,
    truncatedAlerts: opts.truncatedAlerts ?? 0,
    status: opts.status ?? (full.every((a) => a.status === 'resolved') ? 'resolved' : 'firing'),
    receiver: 'opsdesk',
    groupLabels,
    commonLabels: common,
    commonAnnotations: full[0]?.annotations ?? {},
    externalURL: 'http://alertmanager:9093',
    alerts: full,
  };
}
