import type { AppContext } from '../context';
import { SEVERITIES } from '../incidents/schema';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { GOALS } from './policy';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The SLA report of a period, over incidents detected in [from, to):
 * - per severity and goal: how many, met, breached, still running, and % met = met / (met + breached);
 * - per service: MTTA (mean detection → acknowledgement), MTTR (mean detection → resolution), both
 *   wall-clock seconds; MTBF = (period − time spent in incidents) / number of incidents.
 */
export async function slaReport(ctx: AppContext, from: number, to: number, service?: string) {
  const rows = await incidentStore.between(ctx.db, from, to, service);
  const pauses = await incidentStore.pauses(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  const goals = SEVERITIES.flatMap((severity) =>
    GOALS.map((goal) => {
      let met = 0;
      let breached = 0;
      let running = 0;
      let count = 0;
      for (const r of rows) {
        if (r.severity !== severity) continue;
        count++;
        const g = ctx.sla.evaluate(r, pauses.get(r.id) ?? [], now).find((x) => x.goal === goal);
        if (g?.state === 'met') met++;
        else if (g?.state === 'breached') breached++;
        else running++;
      }
      return {
        severity,
        goal,
        count,
        met,
        breached,
        running,
        pctMet: met + breached > 0 ? (100 * met) / (met + breached) : null,
      };
    }),
  );
  const byService = new Map<string, IncidentRow[]>();
  for (const r of rows) byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
  const period = to - from;
  const services = [...byService].map(([name, list]) => {
    const ack = list
      .filter((r) => r.acknowledged_at !== null)
      .map((r) => (Number(r.acknowledged_at) - Number(r.detected_at)) / 1000);
    const res = list
      .filter((r) => r.resolved_at !== null)
      .map((r) => (Number(r.resolved_at) - Number(r.detected_at)) / 1000);
    const down = list.reduce(
      (sum, r) =>
        sum + Math.max(0, Math.min(Number(r.resolved_at ?? now), to) - Math.max(Number(r.detected_at), from)),
      0,
    );
    return {
      service: name,
      incidents: list.length,
      mttaSeconds: mean(ack),
      mttrSeconds: mean(res),
      mtbfSeconds: list.length ? Math.max(0, period - down) / 1000 / list.length : null,
    };
  });
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    service: service ?? null,
    incidents: rows.length,
    goals,
    services,
  };
}

/** Incidents of the same service and alertname near this one, and repeat counts per (service, alertname). */
export async function related(ctx: AppContext, row: IncidentRow) {
  if (!row.alertname) return [];
  const w = ctx.config.incidents.recurrence_window;
  return ctx.db.all<IncidentRow>(
    'SELECT * FROM incidents WHERE service = ? AND alertname = ? AND id <> ? AND occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at',
    [row.service, row.alertname, row.id, Number(row.occurred_at) - w, Number(row.occurred_at) + w],
  );
}

export async function recurrence(ctx: AppContext) {
  const now = ctx.now();
  const rows = await ctx.db.all<{
    service: string;
    alertname: string;
    d30: number;
    d90: number;
    last: number;
  }>(
    `SELECT service, alertname,
            SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END) AS d30,
            COUNT(*) AS d90,
            MAX(occurred_at) AS last
       FROM incidents
      WHERE alertname IS NOT NULL AND occurred_at >= ?
      GROUP BY service, alertname
     HAVING COUNT(*) >= 2
      ORDER BY d90 DESC, service, alertname`,
    [now - 30 * 86_400_000, now - 90 * 86_400_000],
  );
  return {
    repeats: rows.map((r) => ({
      service: r.service,
      alertname: r.alertname,
      last30Days: Number(r.d30),
      last90Days: Number(r.d90),
      lastOccurredAt: new Date(Number(r.last)).toISOString(),
    })),
  };
}
