import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { ApiError, conflict, notFound, unprocessable } from '../http/errors';
import type { Caller } from '../auth/roles';
import type { GoalState } from '../sla/policy';
import { refreshClocks } from '../sla/stored';
import { enqueueIncidentEvent } from '../notify/outbox';
import { STATUSES, type Action, type Incident, type ListQuery } from './schema';
import { allowedActions, nextStatus, timestampsFor } from './state';
import { incidentStore, type AlertRow, type IncidentRow, type PauseRow, type TimelineRow } from './store';

const iso = (ms: number | null) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

function slaOut(states: GoalState[]) {
  return states.map((s) => ({
    goal: s.goal,
    goalSeconds: s.goalMs / 1000,
    calendar: s.calendar,
    elapsedSeconds: Math.round(s.elapsedMs / 1000),
    remainingSeconds: Math.round(s.remainingMs / 1000),
    dueAt: iso(s.dueAt),
    state: s.state,
    atRisk: s.atRisk,
    pausedUntil: iso(s.pausedUntil),
    pauseReason: s.pauseReason,
  }));
}

export function toIncident(
  ctx: AppContext,
  row: IncidentRow,
  pauses: readonly PauseRow[],
  now = ctx.now(),
): Incident {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    severity: row.severity,
    status: row.status,
    service: row.service,
    source: row.source,
    labels: JSON.parse(row.labels) as Record<string, string>,
    symptom: row.symptom,
    impact: row.impact,
    assignee: row.assignee,
    supportMode: row.support_mode,
    groupKey: row.group_key,
    alertname: row.alertname,
    occurredAt: iso(row.occurred_at) as string,
    detectedAt: iso(row.detected_at) as string,
    acknowledgedAt: iso(row.acknowledged_at),
    respondedAt: iso(row.responded_at),
    mitigatedAt: iso(row.mitigated_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    lastSeenAt: iso(row.last_seen_at),
    truncatedAlerts: Number(row.truncated_alerts ?? 0),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    sla: slaOut(ctx.sla.evaluate(row, pauses, now)),
  };
}

export function toAlert(a: AlertRow) {
  const annotations = JSON.parse(a.annotations) as Record<string, string>;
  return {
    fingerprint: a.fingerprint,
    startsAt: iso(a.starts_at) as string,
    endsAt: iso(a.ends_at),
    status: a.status,
    alertname: a.alertname,
    labels: JSON.parse(a.labels) as Record<string, string>,
    annotations,
    runbookUrl: annotations.runbook_url ?? null,
    generatorURL: a.generator_url,
    lastSeenAt: iso(a.last_seen_at) as string,
  };
}

export function toTimelineEntry(t: TimelineRow) {
  return {
    id: Number(t.id),
    at: iso(t.at) as string,
    kind: t.kind,
    actor: t.actor,
    data: JSON.parse(t.data) as Record<string, unknown>,
  };
}

export async function requireIncident(db: Db, idOrNumber: string): Promise<IncidentRow> {
  const row = await incidentStore.get(db, idOrNumber);
  if (!row) throw notFound(`incident ${idOrNumber}`);
  return row;
}

export interface NewIncident {
  title: string;
  severity: IncidentRow['severity'];
  service: string;
  source: IncidentRow['source'];
  labels: Record<string, string>;
  symptom: string;
  impact: string;
  assignee?: string | null | undefined;
  supportMode?: IncidentRow['support_mode'] | undefined;
  groupKey?: string | null;
  alertname?: string | null;
  occurredAt: number;
  detectedAt: number;
}

/** Inserts an incident with its number and its first timeline entry (inside the caller's transaction). */
export async function insertIncident(
  ctx: AppContext,
  tx: Db,
  n: NewIncident,
  actor: string,
): Promise<IncidentRow> {
  const now = ctx.now();
  const row: IncidentRow = {
    id: randomUUID(),
    number: await incidentStore.nextNumber(
      tx,
      ctx.config.incidents.number_prefix,
      new Date(n.detectedAt).getUTCFullYear(),
    ),
    title: n.title,
    severity: n.severity,
    status: 'triggered',
    service: n.service,
    source: n.source,
    labels: JSON.stringify(n.labels),
    symptom: n.symptom,
    impact: n.impact,
    assignee: n.assignee ?? null,
    support_mode: n.supportMode ?? null,
    group_key: n.groupKey ?? null,
    alertname: n.alertname ?? null,
    truncated_alerts: 0,
    occurred_at: n.occurredAt,
    detected_at: n.detectedAt,
    acknowledged_at: null,
    mitigated_at: null,
    resolved_at: null,
    closed_at: null,
    waiting_since: null,
    last_seen_at: n.source === 'alertmanager' ? now : null,
    response_breached_at: null,
    resolution_breached_at: null,
    responded_at: null,
    response_due_at: null,
    response_risk_at: null,
    resolution_due_at: null,
    resolution_risk_at: null,
    sla_stale: 1,
    created_at: now,
    updated_at: now,
  };
  await incidentStore.insert(tx, row);
  await incidentStore.appendTimeline(tx, row.id, now, 'created', actor, {
    source: n.source,
    severity: n.severity,
    title: n.title,
  });
  if (row.assignee)
    await incidentStore.appendTimeline(tx, row.id, now, 'assigned', actor, { assignee: row.assignee });
  ctx.metrics.incidentOpened(row.severity, n.source);
  const opened = (await refreshClocks(ctx, tx, row, now)).row;
  // Alertmanager's incidents are announced by the receiver once their alerts are stored
  if (n.source !== 'alertmanager') await enqueueIncidentEvent(ctx, tx, 'incident.opened', opened, actor);
  return opened;
}

/**
 * Checks another domain adds to closing an incident (inspections: a passing verification run),
 * registered by that domain so this one imports none of them; each throws the refusal.
 */
export type CloseGate = (ctx: AppContext, tx: Db, row: IncidentRow) => Promise<void>;
export const closeGates = new Set<CloseGate>();

/**
 * Applies a transition and its effects: timestamps, SLA pauses (waiting for the customer; the
 * time between resolve and reopen), the review rule on close, the timeline entry and the stored
 * clocks. Only a person's transition (`byPerson`, the API's callers) is a response: Alertmanager
 * resolving or reopening an incident neither acknowledges it nor stops its response clock, and
 * a person resolving or closing it closes the alerts Alertmanager still reports firing.
 */
export async function applyTransition(
  ctx: AppContext,
  tx: Db,
  row: IncidentRow,
  action: Action,
  actor: string,
  note?: string,
  opts: { byPerson?: boolean } = {},
): Promise<IncidentRow> {
  const result = nextStatus(row.status, action);
  if (!result.ok) {
    const allowed = result.allowed.length ? `; allowed now: ${result.allowed.join(', ')}` : '';
    throw conflict('illegal_transition', `cannot ${action} an incident that is ${row.status}${allowed}`);
  }
  if (
    action === 'close' &&
    ctx.config.incidents.review_required_for.includes(row.severity) &&
    !(await incidentStore.hasReview(tx, row.id))
  ) {
    throw unprocessable(
      'review_required',
      `a ${row.severity} incident is closed only with a post-incident review; write it (PUT /api/v1/incidents/${row.number}/review) first`,
    );
  }
  if (action === 'close') for (const gate of closeGates) await gate(ctx, tx, row);
  const now = ctx.now();
  const byPerson = opts.byPerson === true;
  const fields: Partial<IncidentRow> = {
    status: result.to,
    updated_at: now,
    ...timestampsFor(action, now, row, byPerson),
  };
  if (byPerson && isResponse(row, action)) fields.responded_at = now;
  if (row.status === 'waiting_for_customer') {
    await incidentStore.closePause(tx, row.id, 'waiting', now);
    fields.waiting_since = null;
  }
  if (result.to === 'waiting_for_customer') {
    await incidentStore.openPause(tx, row.id, 'waiting', now);
    fields.waiting_since = now;
  }
  if (action === 'resolve') await incidentStore.openPause(tx, row.id, 'resolved', now);
  if (action === 'reopen') await incidentStore.closePause(tx, row.id, 'resolved', now);
  const alertsClosed =
    byPerson && (action === 'resolve' || action === 'close')
      ? await incidentStore.closeFiringAlerts(tx, row.id, now)
      : 0;
  await incidentStore.update(tx, row.id, { ...fields, sla_stale: 0 });
  await incidentStore.appendTimeline(tx, row.id, now, 'status_changed', actor, {
    from: row.status,
    to: result.to,
    action,
    ...(note ? { note } : {}),
    ...(alertsClosed ? { alertsClosed } : {}),
  });
  const { row: updated, states } = await refreshClocks(ctx, tx, { ...row, ...fields } as IncidentRow, now);
  observeClocks(ctx, updated, states, {
    responded: fields.responded_at !== undefined,
    resolved: action === 'resolve',
  });
  const announced = TRANSITION_EVENTS[action];
  if (announced) await enqueueIncidentEvent(ctx, tx, announced, updated, actor, note ? { note } : {});
  return updated;
}

/** The transitions the notification channels hear of (mitigate, wait and close are the team's own). */
const TRANSITION_EVENTS: Partial<
  Record<Action, 'incident.acknowledged' | 'incident.resolved' | 'incident.reopened'>
> = {
  acknowledge: 'incident.acknowledged',
  resolve: 'incident.resolved',
  reopen: 'incident.reopened',
};

/** A person's first action on an incident that is still open (or that they reopen) is its response. */
function isResponse(row: IncidentRow, action: Action | 'comment'): boolean {
  if (row.responded_at !== null) return false;
  if (action === 'reopen') return true;
  return row.status !== 'resolved' && row.status !== 'closed';
}

function observeClocks(
  ctx: AppContext,
  row: IncidentRow,
  states: readonly GoalState[],
  what: { responded: boolean; resolved: boolean },
): void {
  for (const g of states) {
    if (g.goal === 'response' && what.responded)
      ctx.metrics.responseSeconds.observe({ severity: row.severity }, g.elapsedMs / 1000);
    if (g.goal === 'resolution' && what.resolved)
      ctx.metrics.resolutionSeconds.observe({ severity: row.severity }, g.elapsedMs / 1000);
  }
}

/** Alerts shown with an incident; the rest are paged through GET /api/v1/incidents/:id/alerts. */
export const ALERTS_ON_DETAIL = 50;

export class IncidentService {
  constructor(private readonly ctx: AppContext) {}

  private async present(row: IncidentRow): Promise<Incident> {
    const pauses = await incidentStore.pauses(this.ctx.db, [row.id]);
    return toIncident(this.ctx, row, pauses.get(row.id) ?? []);
  }

  async create(
    body: Omit<NewIncident, 'source' | 'occurredAt' | 'detectedAt'> & {
      occurredAt?: string;
      detectedAt?: string;
    },
    caller: Caller,
  ): Promise<Incident> {
    const now = this.ctx.now();
    const detectedAt = body.detectedAt ? Date.parse(body.detectedAt) : now;
    const occurredAt = body.occurredAt ? Date.parse(body.occurredAt) : detectedAt;
    if (occurredAt > detectedAt)
      throw new ApiError(400, 'invalid_request', 'body occurredAt: must not be after detectedAt');
    const row = await this.ctx.db.transaction((tx) =>
      insertIncident(this.ctx, tx, { ...body, source: 'manual', occurredAt, detectedAt }, caller.actor),
    );
    return this.present(row);
  }

  /** One incident with the first page of its alerts (the rest through alerts()). */
  async get(id: string) {
    const row = await requireIncident(this.ctx.db, id);
    const [incident, alerts, alertCount, hasReview] = await Promise.all([
      this.present(row),
      incidentStore.alerts(this.ctx.db, row.id, { limit: ALERTS_ON_DETAIL }),
      incidentStore.alertCount(this.ctx.db, row.id),
      incidentStore.hasReview(this.ctx.db, row.id),
    ]);
    return {
      ...incident,
      alerts: alerts.rows.map(toAlert),
      alertCount,
      alertsNextCursor: alerts.nextCursor,
      hasReview,
      allowedActions: allowedActions(row.status),
    };
  }

  async alerts(id: string, page: { limit: number; cursor?: string | undefined }) {
    const row = await requireIncident(this.ctx.db, id);
    const { rows, nextCursor } = await incidentStore.alerts(this.ctx.db, row.id, page);
    return { alerts: rows.map(toAlert), nextCursor };
  }

  async list(q: ListQuery) {
    const { rows, nextCursor } = await incidentStore.list(this.ctx.db, q);
    const pauses = await incidentStore.pauses(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    const now = this.ctx.now();
    return { incidents: rows.map((r) => toIncident(this.ctx, r, pauses.get(r.id) ?? [], now)), nextCursor };
  }

  async counts(q: Omit<ListQuery, 'sort' | 'limit' | 'cursor'>) {
    const found = await incidentStore.countByStatus(this.ctx.db, q);
    const counts = Object.fromEntries(STATUSES.map((s) => [s, found[s] ?? 0])) as Record<
      (typeof STATUSES)[number],
      number
    >;
    return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  }

  async update(id: string, body: Record<string, unknown>, caller: Caller): Promise<Incident> {
    const row = await this.ctx.db.transaction(async (tx) => {
      const current = await requireIncident(tx, id);
      const now = this.ctx.now();
      const map: Record<string, keyof IncidentRow> = {
        title: 'title',
        severity: 'severity',
        service: 'service',
        labels: 'labels',
        symptom: 'symptom',
        impact: 'impact',
        assignee: 'assignee',
        supportMode: 'support_mode',
        occurredAt: 'occurred_at',
      };
      const fields: Record<string, unknown> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [key, value] of Object.entries(body)) {
        const column = map[key] as keyof IncidentRow;
        const stored =
          key === 'labels'
            ? JSON.stringify(value)
            : key === 'occurredAt'
              ? Date.parse(value as string)
              : value;
        if (stored === current[column]) continue;
        fields[column] = stored;
        changes[key] = { from: key === 'labels' ? JSON.parse(current.labels) : current[column], to: value };
      }
      if (Object.keys(fields).length === 0) return current;
      if (fields.occurred_at !== undefined && Number(fields.occurred_at) > Number(current.detected_at))
        throw new ApiError(
          400,
          'invalid_request',
          `body occurredAt: must not be after detectedAt (${new Date(Number(current.detected_at)).toISOString()})`,
          [{ in: 'body', path: 'occurredAt', message: 'after detectedAt' }],
        );
      fields.updated_at = now;
      fields.sla_stale = 0; // recomputed below, in this transaction
      await incidentStore.update(tx, current.id, fields as Partial<IncidentRow>);
      // severity and service choose the SLA policy: the clocks are re-evaluated on the new goals
      const { row: updated, states } = await refreshClocks(
        this.ctx,
        tx,
        { ...current, ...fields } as IncidentRow,
        now,
      );
      if ('assignee' in changes)
        await incidentStore.appendTimeline(tx, current.id, now, 'assigned', caller.actor, {
          assignee: body.assignee,
          from: current.assignee,
        });
      const other = Object.fromEntries(Object.entries(changes).filter(([k]) => k !== 'assignee'));
      if (Object.keys(other).length) {
        const policyChanged = 'severity' in other || 'service' in other;
        await incidentStore.appendTimeline(tx, current.id, now, 'updated', caller.actor, {
          changes: other,
          ...(policyChanged
            ? {
                sla: Object.fromEntries(
                  states.map((g) => [
                    g.goal,
                    { goalSeconds: g.goalMs / 1000, dueAt: iso(g.dueAt), state: g.state },
                  ]),
                ),
              }
            : {}),
        });
      }
      return updated;
    });
    return this.present(row);
  }

  async transition(id: string, action: Action, caller: Caller, note?: string): Promise<Incident> {
    const row = await this.ctx.db.transaction(async (tx) =>
      applyTransition(this.ctx, tx, await requireIncident(tx, id), action, caller.actor, note, {
        byPerson: true,
      }),
    );
    return this.present(row);
  }

  /** A comment; a person's first comment on an open incident is its response. Text is stored as sent. */
  async comment(id: string, text: string, caller: Caller) {
    return this.ctx.db.transaction(async (tx) => {
      const row = await requireIncident(tx, id);
      const now = this.ctx.now();
      const entryId = await incidentStore.appendTimeline(tx, row.id, now, 'comment', caller.actor, { text });
      if (isResponse(row, 'comment')) {
        await incidentStore.update(tx, row.id, { updated_at: now, responded_at: now, sla_stale: 0 });
        const { row: updated, states } = await refreshClocks(
          this.ctx,
          tx,
          { ...row, responded_at: now, updated_at: now },
          now,
        );
        observeClocks(this.ctx, updated, states, { responded: true, resolved: false });
      } else {
        await incidentStore.update(tx, row.id, { updated_at: now });
      }
      return toTimelineEntry({
        id: entryId,
        incident_id: row.id,
        at: now,
        kind: 'comment',
        actor: caller.actor,
        data: JSON.stringify({ text }),
      });
    });
  }

  async timeline(id: string) {
    const row = await requireIncident(this.ctx.db, id);
    return { entries: (await incidentStore.timeline(this.ctx.db, row.id)).map(toTimelineEntry) };
  }
}
