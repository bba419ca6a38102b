import type { AppContext } from '../context';
import type { Db } from '../db';
import { incidentStore, type IncidentRow } from '../incidents/store';
import type { GoalState } from './policy';

/**
 * Recomputes an incident's stored clocks (due and at-risk instants) after a change, inside the
 * caller's transaction. A recorded breach that the clock no longer shows (a lower severity, a
 * longer goal) is cleared, so the tick records it again if the new goal is missed.
 */
export async function refreshClocks(
  ctx: AppContext,
  db: Db,
  row: IncidentRow,
  now = ctx.now(),
): Promise<{ row: IncidentRow; states: GoalState[] }> {
  const pauses = (await incidentStore.pauses(db, [row.id])).get(row.id) ?? [];
  const states = ctx.sla.evaluate(row, pauses, now);
  const fields: Partial<IncidentRow> = { ...ctx.sla.stored(states), sla_stale: 0 };
  for (const s of states) {
    const column = s.goal === 'response' ? 'response_breached_at' : 'resolution_breached_at';
    if (row[column] !== null && s.state !== 'breached') fields[column] = null;
  }
  await incidentStore.update(db, row.id, fields);
  return { row: { ...row, ...fields }, states };
}

const sameInputs = (a: IncidentRow, b: IncidentRow) =>
  a.severity === b.severity &&
  a.service === b.service &&
  a.status === b.status &&
  Number(a.detected_at) === Number(b.detected_at) &&
  a.responded_at === b.responded_at &&
  a.resolved_at === b.resolved_at &&
  a.waiting_since === b.waiting_since;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** Longest stretch of calendar arithmetic between two turns of the event loop. */
const SLICE_MS = 5;

/**
 * Recomputes the stored clocks of stale incidents a batch at a time: the calendar walk runs
 * outside any transaction and gives the event loop a turn every few milliseconds, so that
 * /-/healthy and webhooks are answered meanwhile; a short transaction then writes the batch,
 * skipping an incident that changed in between (its own change recomputed or re-marked it).
 * Returns how many.
 */
export async function refreshStaleClocks(
  ctx: AppContext,
  stop: () => boolean = () => false,
  batch = 200,
): Promise<number> {
  let done = 0;
  let afterId = '';
  while (!stop()) {
    const rows = await incidentStore.staleClocks(ctx.db, batch, afterId);
    if (rows.length === 0) return done;
    afterId = (rows[rows.length - 1] as IncidentRow).id;
    const now = ctx.now();
    const pauses = await incidentStore.pauses(
      ctx.db,
      rows.map((r) => r.id),
    );
    const computed = new Map<string, Partial<IncidentRow>>();
    let slice = performance.now();
    for (const row of rows) {
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEventLoop();
        slice = performance.now();
      }
      let fields: Partial<IncidentRow>;
      try {
        const states = ctx.sla.evaluate(row, pauses.get(row.id) ?? [], now);
        fields = { ...ctx.sla.stored(states), sla_stale: 0 };
        for (const s of states) {
          const column = s.goal === 'response' ? 'response_breached_at' : 'resolution_breached_at';
          if (row[column] !== null && s.state !== 'breached') fields[column] = null;
        }
      } catch (err) {
        ctx.log.warn({ incident: row.number, err: (err as Error).message }, 'cannot compute SLA clocks');
        fields = { sla_stale: 0 };
      }
      computed.set(row.id, fields);
    }
    await ctx.db.transaction(async (tx) => {
      for (const row of rows) {
        const current = await incidentStore.get(tx, row.id);
        if (!current || Number(current.sla_stale) !== 1 || !sameInputs(current, row)) continue;
        await incidentStore.update(tx, row.id, computed.get(row.id) as Partial<IncidentRow>);
      }
    });
    done += rows.length;
    await yieldToEventLoop();
  }
  return done;
}
