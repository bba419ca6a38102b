import type { AppContext } from '../context';
import type { IncidentRow } from '../incidents/store';
import { recurrenceStore } from './store';

const DAY = 86_400_000;

/** Incidents of the same service and alertname within incidents.recurrence_window of this one. */
export async function related(ctx: AppContext, row: IncidentRow): Promise<IncidentRow[]> {
  if (!row.alertname) return [];
  const w = ctx.config.incidents.recurrence_window;
  return recurrenceStore.sameAlert(ctx.db, {
    service: row.service,
    alertname: row.alertname,
    exceptId: row.id,
    from: Number(row.occurred_at) - w,
    to: Number(row.occurred_at) + w,
  });
}

/** Repeat counts per (service, alertname) over the last 30 and 90 days, most repeated first. */
export async function recurrence(ctx: AppContext) {
  const now = ctx.now();
  const rows = await recurrenceStore.repeats(ctx.db, now - 90 * DAY, now - 30 * DAY);
  return {
    repeats: rows.map((r) => ({
      service: r.service,
      alertname: r.alertname,
      last30Days: r.recent,
      last90Days: r.total,
      lastOccurredAt: new Date(r.last).toISOString(),
    })),
  };
}
