import type { AppContext } from '../context';
import { incidentStore, type IncidentRow } from '../incidents/store';

/**
 * Records SLA breaches as they happen: sets the breach time on the incident, appends an
 * `sla_breached` timeline entry and counts it. Run on a timer; on PostgreSQL under an advisory
 * lock so that one replica does it.
 */
export async function recordBreaches(ctx: AppContext, since: number): Promise<number> {
  const rows = await ctx.db.all<IncidentRow>(
    `SELECT * FROM incidents
      WHERE (status NOT IN ('resolved', 'closed') OR updated_at >= ?)
        AND (response_breached_at IS NULL OR resolution_breached_at IS NULL)`,
    [since],
  );
  if (rows.length === 0) return 0;
  const now = ctx.now();
  const pauses = await incidentStore.pauses(
    ctx.db,
    rows.map((r) => r.id),
  );
  let recorded = 0;
  for (const row of rows) {
    for (const g of ctx.sla.evaluate(row, pauses.get(row.id) ?? [], now)) {
      const column = g.goal === 'response' ? 'response_breached_at' : 'resolution_breached_at';
      if (g.state !== 'breached' || row[column] !== null) continue;
      const at = g.dueAt ?? now;
      const changed = await ctx.db.transaction(async (tx) => {
        const n = await tx.run(`UPDATE incidents SET ${column} = ? WHERE id = ? AND ${column} IS NULL`, [
          at,
          row.id,
        ]);
        if (n > 0) {
          await incidentStore.appendTimeline(tx, row.id, now, 'sla_breached', 'opsdesk', {
            goal: g.goal,
            goalSeconds: g.goalMs / 1000,
            calendar: g.calendar,
            dueAt: new Date(at).toISOString(),
          });
        }
        return n;
      });
      if (changed > 0) {
        ctx.metrics.breaches.inc({ severity: row.severity, goal: g.goal });
        recorded++;
      }
    }
  }
  return recorded;
}
