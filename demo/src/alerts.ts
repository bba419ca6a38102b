import { createHash } from 'node:crypto';

/** The most alert groups the alert_storm fault makes at once (each group opens one incident). */
export const MAX_STORM_GROUPS = 50;
/** Alerts in each group: one message per group, not per alert, is what aggregation shows. */
export const ALERTS_PER_GROUP = 4;

export interface StormOptions {
  /** the OpsDesk server, e.g. http://localhost:9744 */
  serverUrl: string;
  /** an editor token (the Alertmanager webhook's role) */
  token: string;
  /** how often a firing group is sent again, as Alertmanager's group_interval would; default 60 s */
  repeatMs?: number;
  now?: () => number;
}

interface Group {
  key: string;
  labels: Record<string, string>;
  alerts: Array<{ labels: Record<string, string>; annotations: Record<string, string>; startsAt: string }>;
}

const fingerprint = (labels: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(labels).sort()))
    .digest('hex')
    .slice(0, 16);

/**
 * Group `i` of the storm: gateway errors at participant demo_<i>, four gateways each. The first
 * group is critical (a P1: it escalates), the others warnings. Alertmanager's labels and
 * annotations, English and zh, as the provisioned rules write them.
 */
function group(i: number, startsAt: string): Group {
  const participant = `demo_${String(i).padStart(2, '0')}`;
  const severity = i === 1 ? 'critical' : 'warning';
  const labels = { alertname: 'DemoGatewayErrors', participant };
  const alerts = Array.from({ length: ALERTS_PER_GROUP }, (_, k) => {
    const instance = `gw-${k + 1}.${participant}:9742`;
    return {
      labels: { ...labels, severity, service: 'trading-platform', support_hours: '24x7', instance },
      annotations: {
        summary: `Gateway ${instance} of ${participant} rejects orders`,
        description: `The demo's alert storm: ${participant}'s gateway answers errors (opsdesk-demo alert_storm fault).`,
        summary_zh: `${participant} 的网关 ${instance} 拒绝报单`,
        description_zh: `演示告警风暴：${participant} 的网关返回错误（opsdesk-demo 的 alert_storm 故障）。`,
        runbook_url: 'https://github.com/opsdesk/opsdesk/blob/main/docs/demo.md#an-alert-storm',
      },
      startsAt,
    };
  });
  return { key: `{}:{alertname="DemoGatewayErrors", participant="${participant}"}`, labels, alerts };
}

/**
 * The alert_storm fault: `set(n)` makes groups 1..n fire, posted to the server's Alertmanager
 * webhook as Alertmanager posts them (version 4, one request per group, repeated while firing);
 * lowering n sends the groups above it resolved. What the server then tells the demo's channels —
 * one message per incident, in Chinese, paced at the robot's 20 a minute — is the demo.
 */
export function alertStorm(opts: StormOptions) {
  const now = opts.now ?? Date.now;
  const firing = new Map<number, Group>();
  let posted = 0;
  let errors = 0;
  let lastError: string | null = null;

  const post = async (g: Group, status: 'firing' | 'resolved') => {
    const endsAt = status === 'resolved' ? new Date(now()).toISOString() : '0001-01-01T00:00:00Z';
    const alerts = g.alerts.map((a) => ({
      status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt,
      generatorURL: 'http://localhost:9090/graph?g0.expr=demo_gateway_errors',
      fingerprint: fingerprint(a.labels),
    }));
    try {
      const res = await fetch(`${opts.serverUrl}/api/v1/alertmanager/webhook`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          version: '4',
          groupKey: g.key,
          truncatedAlerts: 0,
          status,
          receiver: 'opsdesk-server',
          groupLabels: g.labels,
          commonLabels: { ...g.labels, severity: alerts[0]!.labels.severity!, service: 'trading-platform' },
          commonAnnotations: {},
          externalURL: 'http://localhost:9093',
          alerts,
        }),
      });
      const text = await res.text();
      if (res.ok) posted++;
      else {
        errors++;
        lastError = `${res.status} ${text.slice(0, 200)}`;
      }
    } catch (err) {
      errors++;
      lastError = (err as Error).message;
    }
  };

  const repeat = setInterval(() => {
    for (const g of firing.values()) void post(g, 'firing');
  }, opts.repeatMs ?? 60_000);
  repeat.unref();

  return {
    /** fire groups 1..n and resolve those above n; resolves once every request is answered */
    async set(n: number): Promise<void> {
      const startsAt = new Date(now()).toISOString();
      const sends: Array<Promise<void>> = [];
      for (let i = 1; i <= n; i++)
        if (!firing.has(i)) {
          const g = group(i, startsAt);
          firing.set(i, g);
          sends.push(post(g, 'firing'));
        }
      for (const [i, g] of firing)
        if (i > n) {
          firing.delete(i);
          sends.push(post(g, 'resolved'));
        }
      await Promise.all(sends);
    },
    get stats() {
      return { firingGroups: firing.size, posted, errors, lastError };
    },
    stop() {
      clearInterval(repeat);
    },
  };
}
