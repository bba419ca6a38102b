import type { AppContext } from '../context';
import { SEVERITIES } from '../incidents/schema';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { GOALS } from './policy';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const num = (v: number | null) => (v === null ? null : Number(v));

/** Length of the union of intervals, in ms. */
function unionMs(intervals: Array<[number, number]>): number {
  let total = 0;
  let cursor = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    const start = Math.max(a, cursor);
    if (b > start) total += b - start;
    cursor = Math.max(cursor, b);
  }
  return total;
}

/**
 * The SLA report of a period, over incidents detected in [from, to). docs/sla.md defines each figure:
 * - per severity and goal: how many; met, breached, running (paused included) and self-cleared
 *   (Alertmanager resolved it before the response goal fell due and nobody responded — neither met
 *   nor breached); % met = met / (met + breached);
 * - per service: MTTA = mean wall-clock time from detection to the first response of a person,
 *   over the incidents a person responded to; MTTR = mean detection → resolution over the resolved
 *   ones; downtime = the union of the incidents' [occurred, resolved or now) inside the elapsed
 *   part of the period (between a resolution and a reopen excluded); MTBF = (elapsed − downtime) /
 *   incidents; availability = 1 − downtime / elapsed. The elapsed part ends at min(to, now): the
 *   future of the current month is not uptime.
 */
export async function slaReport(ctx: AppContext, from: number, to: number, service?: string) {
  const rows = await incidentStore.between(ctx.db, from, to, service);
  const pauses = await incidentStore.pauses(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  const states = new Map(rows.map((r) => [r.id, ctx.sla.evaluate(r, pauses.get(r.id) ?? [], now)]));
  const goals = SEVERITIES.flatMap((severity) =>
    GOALS.map((goal) => {
      const tally = { met: 0, breached: 0, running: 0, selfCleared: 0 };
      let count = 0;
      for (const r of rows) {
        if (r.severity !== severity) continue;
        count++;
        const g = states.get(r.id)?.find((x) => x.goal === goal);
        if (g?.state === 'met') tally.met++;
        else if (g?.state === 'breached') tally.breached++;
        else if (g?.state === 'self_cleared') tally.selfCleared++;
        else tally.running++;
      }
      return {
        severity,
        goal,
        count,
        ...tally,
        pctMet: tally.met + tally.breached > 0 ? (100 * tally.met) / (tally.met + tally.breached) : null,
      };
    }),
  );
  const byService = new Map<string, IncidentRow[]>();
  for (const r of rows) byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
  const elapsedEnd = Math.min(to, now);
  const elapsed = Math.max(0, elapsedEnd - from);
  const services = [...byService].map(([name, list]) => {
    const responded = list.filter((r) => r.responded_at !== null);
    const resolved = list.filter((r) => r.resolved_at !== null);
    const intervals: Array<[number, number]> = [];
    for (const r of list) {
      const gaps = (pauses.get(r.id) ?? [])
        .filter((p) => p.reason === 'resolved' && p.ended_at !== null)
        .map((p) => [Number(p.started_at), Number(p.ended_at)] as [number, number])
        .sort((a, b) => a[0] - b[0]);
      let cursor = Number(r.occurred_at);
      const end = num(r.resolved_at) ?? now;
      for (const [a, b] of [...gaps, [end, end] as [number, number]]) {
        const s = Math.max(cursor, from);
        const e = Math.min(a, elapsedEnd);
        if (e > s) intervals.push([s, e]);
        cursor = Math.max(cursor, b);
      }
    }
    const down = unionMs(intervals);
    return {
      service: name,
      incidents: list.length,
      responded: responded.length,
      resolved: resolved.length,
      mttaSeconds: mean(responded.map((r) => (Number(r.responded_at) - Number(r.detected_at)) / 1000)),
      mttrSeconds: mean(resolved.map((r) => (Number(r.resolved_at) - Number(r.detected_at)) / 1000)),
      downtimeSeconds: down / 1000,
      mtbfSeconds: list.length && elapsed > 0 ? (elapsed - down) / 1000 / list.length : null,
      availability: elapsed > 0 ? 1 - down / elapsed : null,
    };
  });
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    elapsedSeconds: elapsed / 1000,
    service: service ?? null,
    incidents: rows.length,
    goals,
    services,
  };
}
