import type { AppContext } from '../context';
import type { Db } from '../db';
import { incidentStore, type IncidentRow } from '../incidents/store';
import type { ChannelConfig } from './config';
import { notifyStore } from './store';
import type { NotifyEvent } from './types';

/** Kinds a channel gets only when an event names it (the bridge, a test), never by its filters. */
const NAMED_ONLY = new Set<NotifyEvent['kind']>(['alert.group', 'test']);

/** Does this channel take this event when the event names no channel? */
export function channelWants(channel: ChannelConfig, event: NotifyEvent): boolean {
  if (NAMED_ONLY.has(event.kind)) return false;
  if (channel.events && !channel.events.includes(event.kind)) return false;
  if (channel.severities && event.severity !== undefined && !channel.severities.includes(event.severity))
    return false;
  if (channel.services && !channel.services.includes(event.service ?? '')) return false;
  return true;
}

/** The channels an event goes to: those it names (that exist), else those whose filters match. */
export function channelsFor(ctx: AppContext, event: NotifyEvent): ChannelConfig[] {
  const all = ctx.config.notify.channels;
  if (event.channels) return all.filter((c) => event.channels?.includes(c.name));
  return all.filter((c) => channelWants(c, event));
}

/** Senders of this process, woken after an in-process enqueue (keyed by the context they serve). */
const wakers = new WeakMap<AppContext, (channel: string) => void>();

export function onEnqueued(ctx: AppContext, wake: ((channel: string) => void) | undefined): void {
  if (wake) wakers.set(ctx, wake);
  else wakers.delete(ctx);
}

/**
 * Queues one message per channel the event goes to, in the caller's transaction: the message
 * exists exactly when the event does (a rolled-back transaction queues nothing). Returns how many.
 * The senders of this process are woken; their claim waits for this transaction's commit (see
 * shareChannels), and the poll finds what another process queued.
 */
export async function enqueue(ctx: AppContext, tx: Db, event: NotifyEvent): Promise<number> {
  const channels = channelsFor(ctx, event);
  if (channels.length === 0) return 0;
  const now = ctx.now();
  await notifyStore.shareChannels(
    tx,
    channels.map((c) => c.name),
  );
  await notifyStore.insertMessages(
    tx,
    channels.map((c) => ({
      channel: c.name,
      kind: event.kind,
      agg_key: event.key,
      phase: event.phase,
      events: JSON.stringify([event]),
      status: 'queued' as const,
      next_attempt_at: now,
      lease_until: null,
      lease_owner: null,
      last_error_at: null,
      last_error_kind: null,
      last_error_code: null,
      last_error_message: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    })),
  );
  const wake = wakers.get(ctx);
  if (wake) for (const c of channels) setImmediate(() => wake(c.name));
  return channels.length;
}

/** What an incident event tells a template: the incident as the API shows it (its main fields), and who did what. */
export function incidentData(row: IncidentRow): Record<string, unknown> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
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
    assignee: row.assignee,
    groupKey: row.group_key,
    alertname: row.alertname,
    occurredAt: iso(row.occurred_at),
    detectedAt: iso(row.detected_at),
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedAt: iso(row.resolved_at),
    responseDueAt: iso(row.response_due_at),
    resolutionDueAt: iso(row.resolution_due_at),
  };
}

const PHASES: Partial<Record<NotifyEvent['kind'], NotifyEvent['phase']>> = {
  'incident.opened': 'firing',
  'incident.reopened': 'firing',
  'incident.escalated': 'firing',
  'sla.at_risk': 'firing',
  'sla.breached': 'firing',
  'incident.acknowledged': 'info',
  'incident.resolved': 'resolved',
};

/** Alerts a message shows with its incident (values, links to the graph and the runbook). */
const ALERTS_IN_EVENT = 20;

/**
 * Queues an incident's event in the caller's transaction. `data`: { incident (incidentData),
 * alerts (its first alerts: labels, annotations, generatorURL, status, startsAt, endsAt), actor,
 * ...extra (a note, an SLA goal) }; the aggregation key is the incident's id.
 */
export async function enqueueIncidentEvent(
  ctx: AppContext,
  tx: Db,
  kind: NotifyEvent['kind'],
  row: IncidentRow,
  actor: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  if (ctx.config.notify.channels.length === 0) return 0;
  const alerts = (await incidentStore.alerts(tx, row.id, { limit: ALERTS_IN_EVENT })).rows.map((a) => ({
    status: a.status,
    alertname: a.alertname,
    labels: JSON.parse(a.labels) as Record<string, string>,
    annotations: JSON.parse(a.annotations) as Record<string, string>,
    generatorURL: a.generator_url,
    startsAt: new Date(Number(a.starts_at)).toISOString(),
    endsAt: a.ends_at === null ? null : new Date(Number(a.ends_at)).toISOString(),
  }));
  return enqueue(ctx, tx, {
    kind,
    key: row.id,
    phase: PHASES[kind] ?? 'info',
    severity: row.severity,
    service: row.service,
    at: ctx.now(),
    data: { incident: incidentData(row), alerts, actor, ...extra },
  });
}
