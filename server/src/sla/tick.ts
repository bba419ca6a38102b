import { toLocal } from '@opsdesk/calendar';
import type { AppContext } from '../context';
import { OPEN_STATUSES } from '../incidents/state';
import { incidentStore } from '../incidents/store';
import { GOALS } from './policy';
import { refreshStaleClocks } from './stored';
import { enqueueIncidentEvent } from '../notify/outbox';
import { notifyStore } from '../notify/store';

const BATCH = 200;

/**
 * The SLA tick. First recomputes stored clocks marked stale (a change made outside the incident
 * service, a new calendar day, a start after migration); then records the breaches that fell
 * due: an indexed query on the stored due times, never a calendar walk per open incident. Each
 * breach sets the incident's breach time (once), appends an `sla_breached` timeline entry and is
 * counted. Run on a timer; on PostgreSQL under an advisory lock so that one replica does it.
 * Returns the number of breaches recorded.
 */
export async function recordBreaches(ctx: AppContext, stop: () => boolean = () => false): Promise<number> {
  await refreshStaleClocks(ctx, stop);
  if (stop()) return 0;
  const now = ctx.now();
  let recorded = 0;
  for (const goal of GOALS) {
    for (;;) {
      const due = await incidentStore.dueUnrecorded(ctx.db, goal, now, BATCH);
      if (due.length === 0) break;
      const changed = await ctx.db.transaction(async (tx) => {
        const done: typeof due = [];
        for (const d of due) {
          const at = Number(d.due_at);
          if (!(await incidentStore.recordBreach(tx, goal, d.id, at))) continue;
          const row = await incidentStore.get(tx, d.id);
          const policy = row ? ctx.sla.policyFor(row.severity, row.service) : undefined;
          const entry = {
            goal,
            goalSeconds: policy ? policy[goal] / 1000 : null,
            calendar: policy?.calendar ?? null,
            dueAt: new Date(at).toISOString(),
          };
          await incidentStore.appendTimeline(tx, d.id, now, 'sla_breached', 'opsdesk', entry);
          // a breach found on an incident already resolved or closed (restored history, a server
          // that was down) is recorded on its timeline, but is no news to page anyone with
          if (row && OPEN_STATUSES.includes(row.status))
            await enqueueIncidentEvent(ctx, tx, 'sla.breached', row, 'opsdesk', entry);
          done.push(d);
        }
        return done;
      });
      for (const d of changed) ctx.metrics.breaches.inc({ severity: d.severity, goal });
      recorded += changed.length;
      if (due.length < BATCH || stop()) break;
      // SQLite answers synchronously: without a turn of the event loop between batches, thousands
      // of breaches at once (a start after an upgrade) would hold up /-/healthy and webhooks
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!stop()) await recordAtRisk(ctx, stop);
  return recorded;
}

/**
 * Goals that entered their at-risk share (sla.at_risk_share) and are not yet breached: once per
 * incident and goal, an `sla_at_risk` timeline entry and a notification. Returns how many.
 */
export async function recordAtRisk(ctx: AppContext, stop: () => boolean = () => false): Promise<number> {
  const now = ctx.now();
  let recorded = 0;
  for (const goal of GOALS) {
    for (;;) {
      const due = await notifyStore.atRiskUnrecorded(ctx.db, goal, now, BATCH);
      if (due.length === 0) break;
      recorded += await ctx.db.transaction(async (tx) => {
        let n = 0;
        for (const row of due) {
          const riskAt = Number(row[`${goal}_risk_at`]);
          if (!(await notifyStore.recordRiskNotice(tx, row.id, goal, riskAt, now))) continue;
          const entry = {
            goal,
            riskAt: new Date(riskAt).toISOString(),
            dueAt: new Date(Number(row[`${goal}_due_at`])).toISOString(),
          };
          await incidentStore.appendTimeline(tx, row.id, now, 'sla_at_risk', 'opsdesk', entry);
          await enqueueIncidentEvent(ctx, tx, 'sla.at_risk', row, 'opsdesk', entry);
          n++;
        }
        return n;
      });
      if (due.length < BATCH || stop()) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return recorded;
}

/** The local dates of the calendars at `now`: when it changes, every open clock is recomputed. */
export function calendarDay(ctx: AppContext, now: number): string {
  return [...ctx.sla.calendars.values()]
    .map((c) => {
      const l = toLocal(now, c.data.timeZone);
      return `${c.name}:${l.year}-${l.month}-${l.day}`;
    })
    .join(',');
}
