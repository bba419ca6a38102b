import type { AppContext } from '../context';
import { own } from '../http/input';
import type { Severity } from '../incidents/schema';
import { SEVERITIES } from '../incidents/schema';
import { applyTransition, insertIncident } from '../incidents/service';
import { nextStatus } from '../incidents/state';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { enqueueIncidentEvent } from '../notify/outbox';
import { boundPayload, INDEXED_CHARS, storedGroupKey } from './limits';
import type { AmAlert, WebhookPayload } from './schema';
import { alertKey, receiverStore, type NewAlertRow, type NewTimelineRow } from './store';

const ACTOR = 'alertmanager';
type Outcome = 'opened' | 'updated' | 'reopened' | 'resolved' | 'unchanged' | 'ignored';

/**
 * Label values reach configuration maps only as own properties: a severity of `constructor`,
 * `toString` or `__proto__` is unknown, and gets the default like any other unknown value.
 */
export function mapSeverity(config: AppContext['config']['incidents'], value: string | undefined): Severity {
  const mapped = own(config.severity_map, value);
  return mapped !== undefined && (SEVERITIES as readonly string[]).includes(mapped)
    ? mapped
    : config.default_severity;
}

function highest(severities: Severity[]): Severity {
  return [...severities].sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0] as Severity;
}

const startsAtMs = (a: AmAlert) => Date.parse(a.startsAt);
const endsAtMs = (a: AmAlert) =>
  a.status === 'resolved' && !a.endsAt.startsWith('0001') ? Date.parse(a.endsAt) : null;

/**
 * One Alertmanager notification → at most one open incident per group. Alerts are upserted by
 * fingerprint + startsAt, so resends (group_interval, repeat_interval, both HA members, a
 * restarted Alertmanager) only move last-seen times, and a firing notification that arrives after
 * the resolved one of the same alerts changes nothing. Everything happens in one transaction that
 * commits before the 200 goes out.
 */
export async function receiveWebhook(ctx: AppContext, received: WebhookPayload) {
  const { payload: p, shortened } = boundPayload(received);
  const groupKey = storedGroupKey(p.groupKey);
  const cfg = ctx.config.incidents;
  const result = await ctx.db.transaction(async (tx) => {
    await receiverStore.lockGroup(tx, groupKey);
    const now = ctx.now();
    const known = await receiverStore.known(
      tx,
      p.alerts.map((a) => ({ fingerprint: a.fingerprint, startsAt: startsAtMs(a) })),
    );
    const isNew = (a: AmAlert) => !known.has(alertKey(a.fingerprint, startsAtMs(a)));
    const firing = p.alerts.filter((a) => a.status === 'firing');
    let incident = await incidentStore.openByGroupKey(tx, groupKey);
    let outcome: Outcome = 'unchanged';
    /** opened from a resolved notification whose firing one has not arrived (or never will) */
    let openedResolved = false;

    if (!incident) {
      const last = await incidentStore.lastByGroupKey(tx, groupKey);
      const recent =
        last !== undefined &&
        last.resolved_at !== null &&
        now - Number(last.resolved_at) <= cfg.reopen_window;
      const newFiring = firing.some(isNew);
      const newResolved = !newFiring && p.alerts.some(isNew);
      if (newFiring && recent && last && nextStatus(last.status, 'reopen').ok) {
        incident = await applyTransition(
          ctx,
          tx,
          last,
          'reopen',
          ACTOR,
          'the alert group fired again within incidents.reopen_window',
        );
        outcome = 'reopened';
      } else if (newResolved && recent && last) {
        // Resolved alerts of a group that just ended: they belong to it, and it stays resolved.
        incident = last;
      } else if (newFiring || newResolved) {
        const alerts = newFiring ? firing : p.alerts;
        const first = alerts[0] as AmAlert;
        const common = { ...first.labels, ...p.commonLabels };
        const summary = own(p.commonAnnotations, 'summary') ?? own(first.annotations, 'summary');
        const alertname =
          own(p.commonLabels, 'alertname') ??
          own(p.groupLabels, 'alertname') ??
          own(first.labels, 'alertname') ??
          '';
        incident = await insertIncident(
          ctx,
          tx,
          {
            title: (summary ?? (alertname || 'Alert')).slice(0, 500),
            severity: highest(alerts.map((a) => mapSeverity(cfg, own(a.labels, 'severity')))),
            service: (own(common, cfg.service_label) ?? '').slice(0, INDEXED_CHARS),
            source: 'alertmanager',
            labels: p.commonLabels,
            symptom: (
              own(p.commonAnnotations, 'description') ??
              own(first.annotations, 'description') ??
              ''
            ).slice(0, 20_000),
            impact: '',
            groupKey,
            alertname: alertname ? alertname.slice(0, INDEXED_CHARS) : null,
            occurredAt: Math.min(...alerts.map(startsAtMs)),
            detectedAt: now,
          },
          ACTOR,
        );
        outcome = 'opened';
        openedResolved = !newFiring;
      }
    }
    if (!incident) return { outcome: 'ignored' as const, incident: null, alertsNew: 0, alertsResolved: 0 };

    let alertsNew = 0;
    let alertsResolved = 0;
    const inserts: NewAlertRow[] = [];
    const timeline: NewTimelineRow[] = [];
    const touched: Array<{ fingerprint: string; startsAt: number }> = [];
    const entry = (incidentId: string, kind: string, data: Record<string, unknown>) =>
      timeline.push({ incident_id: incidentId, at: now, kind, actor: ACTOR, data: JSON.stringify(data) });
    const seen = new Set<string>();
    for (const a of p.alerts) {
      const startsAt = startsAtMs(a);
      const key = alertKey(a.fingerprint, startsAt);
      if (seen.has(key)) continue; // the same alert twice in one notification
      seen.add(key);
      const existing = known.get(key);
      const alertname = own(a.labels, 'alertname') ?? '';
      if (!existing) {
        inserts.push({
          fingerprint: a.fingerprint,
          starts_at: startsAt,
          incident_id: incident.id,
          status: a.status,
          ends_at: endsAtMs(a),
          alertname: alertname.slice(0, INDEXED_CHARS),
          labels: JSON.stringify(a.labels),
          annotations: JSON.stringify(a.annotations),
          generator_url: a.generatorURL,
          first_seen_at: now,
          last_seen_at: now,
        });
        entry(incident.id, a.status === 'firing' ? 'alert_firing' : 'alert_resolved', {
          fingerprint: a.fingerprint,
          alertname,
          startsAt: a.startsAt,
          ...(a.status === 'resolved' ? { endsAt: a.endsAt } : {}),
          labels: a.labels,
        });
        alertsNew++;
        if (a.status === 'resolved') alertsResolved++;
      } else if (existing.status === 'firing' && a.status === 'resolved') {
        await receiverStore.resolveAlert(
          tx,
          {
            fingerprint: a.fingerprint,
            startsAt,
            endsAt: endsAtMs(a),
            annotations: JSON.stringify(a.annotations),
          },
          now,
        );
        entry(existing.incident_id, 'alert_resolved', {
          fingerprint: a.fingerprint,
          alertname,
          endsAt: a.endsAt,
        });
        alertsResolved++;
      } else {
        // A resend, or a firing notification that arrives after the resolved one: nothing moves
        // back. The latest annotations are kept, except those of such a late, stale firing.
        const annotations = JSON.stringify(a.annotations);
        const stale = existing.status === 'resolved' && a.status === 'firing';
        if (!stale && annotations !== existing.annotations)
          await receiverStore.updateAnnotations(tx, a.fingerprint, startsAt, annotations, now);
        else touched.push({ fingerprint: a.fingerprint, startsAt });
      }
    }
    await receiverStore.insertAlerts(tx, inserts);
    await receiverStore.touchAlerts(tx, touched, now);
    await receiverStore.appendTimeline(tx, timeline);
    if (outcome === 'opened') await enqueueIncidentEvent(ctx, tx, 'incident.opened', incident, ACTOR);

    const fields: Partial<IncidentRow> = { last_seen_at: now };
    const newFiring = firing.filter(isNew);
    if (newFiring.length > 0) {
      const severity = highest([
        incident.severity,
        ...newFiring.map((a) => mapSeverity(cfg, own(a.labels, 'severity'))),
      ]);
      if (severity !== incident.severity) {
        await incidentStore.appendTimeline(tx, incident.id, now, 'updated', ACTOR, {
          changes: { severity: { from: incident.severity, to: severity } },
        });
        fields.severity = severity;
      }
    }
    await incidentStore.update(tx, incident.id, fields);
    const truncatedBefore = Number(incident.truncated_alerts);
    if (p.truncatedAlerts !== truncatedBefore) {
      await receiverStore.setTruncatedAlerts(tx, incident.id, p.truncatedAlerts);
      await incidentStore.appendTimeline(tx, incident.id, now, 'alerts_truncated', ACTOR, {
        truncatedAlerts: p.truncatedAlerts,
        ...(p.truncatedAlerts > 0
          ? {
              note: 'Alertmanager left alerts out of the notification (webhook max_alerts); it has the full group',
            }
          : {}),
      });
    }
    incident = { ...incident, ...fields };

    // Top-level resolved: the whole group is over. A person who already resolved or closed it keeps their state.
    const groupOver = p.status === 'resolved' || openedResolved;
    if (groupOver && incident.status !== 'resolved' && incident.status !== 'closed') {
      incident = await applyTransition(
        ctx,
        tx,
        incident,
        'resolve',
        ACTOR,
        openedResolved
          ? 'resolved notification received before any firing one (Alertmanager)'
          : 'all alerts of the group resolved (Alertmanager)',
      );
      outcome = openedResolved ? 'opened' : 'resolved';
    } else if (outcome === 'unchanged' && alertsNew + alertsResolved > 0) {
      outcome = 'updated';
    }
    return { outcome, incident: incident.number, alertsNew, alertsResolved };
  });
  return { ...result, truncatedAnnotations: shortened };
}
