import type { AppContext } from '../context';
import type { Db } from '../db';
import type { Severity } from '../incidents/schema';
import { applyTransition, insertIncident } from '../incidents/service';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { SEVERITIES } from '../incidents/schema';
import type { WebhookPayload } from './schema';

const ACTOR = 'alertmanager';

function mapSeverity(ctx: AppContext, value: string | undefined): Severity {
  return (
    (value !== undefined ? ctx.config.incidents.severity_map[value] : undefined) ??
    ctx.config.incidents.default_severity
  );
}

function highest(severities: Severity[]): Severity {
  return [...severities].sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0] as Severity;
}

/** Serialises notifications of one group across replicas (both HA Alertmanagers may send at once). */
async function lockGroup(tx: Db, groupKey: string): Promise<void> {
  if (tx.kind === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtext(?)) AS locked', [groupKey]);
}

/**
 * One Alertmanager notification → at most one open incident per group. Alerts are upserted by
 * fingerprint + startsAt, so resends (group_interval, repeat_interval, both HA members, a
 * restarted Alertmanager) only move last-seen times. Everything happens in one transaction that
 * commits before the 200 goes out.
 */
export async function receiveWebhook(ctx: AppContext, p: WebhookPayload) {
  return ctx.db.transaction(async (tx) => {
    await lockGroup(tx, p.groupKey);
    const now = ctx.now();
    const firing = p.alerts.filter((a) => a.status === 'firing');
    let incident = await incidentStore.openByGroupKey(tx, p.groupKey);
    let outcome: 'opened' | 'updated' | 'reopened' | 'resolved' | 'unchanged' | 'ignored' = 'unchanged';

    if (!incident && firing.length > 0) {
      const last = await incidentStore.lastByGroupKey(tx, p.groupKey);
      const newAlert = async () => {
        for (const a of firing) {
          const known = await tx.get(
            'SELECT 1 AS x FROM incident_alerts WHERE fingerprint = ? AND starts_at = ?',
            [a.fingerprint, Date.parse(a.startsAt)],
          );
          if (!known) return true;
        }
        return false;
      };
      if (
        last &&
        last.resolved_at !== null &&
        now - Number(last.resolved_at) <= ctx.config.incidents.reopen_window &&
        (await newAlert())
      ) {
        incident = await applyTransition(
          ctx,
          tx,
          last,
          'reopen',
          ACTOR,
          'the alert group fired again within incidents.reopen_window',
        );
        outcome = 'reopened';
      } else if (!last || (await newAlert())) {
        const first = firing[0] as (typeof firing)[number];
        const common = { ...first.labels, ...p.commonLabels };
        const summary = p.commonAnnotations.summary ?? first.annotations.summary;
        const alertname = p.commonLabels.alertname ?? p.groupLabels.alertname ?? first.labels.alertname ?? '';
        incident = await insertIncident(
          ctx,
          tx,
          {
            title: (summary ?? (alertname || 'Alert')).slice(0, 500),
            severity: highest(firing.map((a) => mapSeverity(ctx, a.labels.severity))),
            service: common[ctx.config.incidents.service_label] ?? '',
            source: 'alertmanager',
            labels: p.commonLabels,
            symptom: (p.commonAnnotations.description ?? first.annotations.description ?? '').slice(
              0,
              20_000,
            ),
            impact: '',
            groupKey: p.groupKey,
            alertname: alertname || null,
            occurredAt: Math.min(...firing.map((a) => Date.parse(a.startsAt))),
            detectedAt: now,
          },
          ACTOR,
        );
        outcome = 'opened';
      }
    }
    if (!incident) return { outcome: 'ignored' as const, incident: null, alertsNew: 0, alertsResolved: 0 };

    let alertsNew = 0;
    let alertsResolved = 0;
    for (const a of p.alerts) {
      const startsAt = Date.parse(a.startsAt);
      const endsAt = a.status === 'resolved' && !a.endsAt.startsWith('0001') ? Date.parse(a.endsAt) : null;
      const existing = await tx.get<{ status: string; incident_id: string }>(
        'SELECT status, incident_id FROM incident_alerts WHERE fingerprint = ? AND starts_at = ?',
        [a.fingerprint, startsAt],
      );
      const alertname = a.labels.alertname ?? '';
      if (!existing) {
        await tx.run(
          `INSERT INTO incident_alerts (fingerprint, starts_at, incident_id, status, ends_at, alertname, labels, annotations, generator_url, first_seen_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            a.fingerprint,
            startsAt,
            incident.id,
            a.status,
            endsAt,
            alertname,
            JSON.stringify(a.labels),
            JSON.stringify(a.annotations),
            a.generatorURL,
            now,
            now,
          ],
        );
        await incidentStore.appendTimeline(
          tx,
          incident.id,
          now,
          a.status === 'firing' ? 'alert_firing' : 'alert_resolved',
          ACTOR,
          {
            fingerprint: a.fingerprint,
            alertname,
            startsAt: a.startsAt,
            labels: a.labels,
          },
        );
        alertsNew++;
        if (a.status === 'resolved') alertsResolved++;
      } else {
        if (existing.status === 'firing' && a.status === 'resolved') {
          await tx.run(
            'UPDATE incident_alerts SET status = ?, ends_at = ?, annotations = ?, last_seen_at = ? WHERE fingerprint = ? AND starts_at = ?',
            ['resolved', endsAt, JSON.stringify(a.annotations), now, a.fingerprint, startsAt],
          );
          await incidentStore.appendTimeline(tx, existing.incident_id, now, 'alert_resolved', ACTOR, {
            fingerprint: a.fingerprint,
            alertname,
            endsAt: a.endsAt,
          });
          alertsResolved++;
        } else {
          await tx.run(
            // annotations change between notifications (a value, a runbook link): keep the latest
            'UPDATE incident_alerts SET annotations = ?, last_seen_at = ? WHERE fingerprint = ? AND starts_at = ?',
            [JSON.stringify(a.annotations), now, a.fingerprint, startsAt],
          );
        }
      }
    }

    const fields: Partial<IncidentRow> = { last_seen_at: now };
    if (alertsNew > 0 && firing.length > 0) {
      const severity = highest([
        incident.severity,
        ...firing.map((a) => mapSeverity(ctx, a.labels.severity)),
      ]);
      if (severity !== incident.severity) {
        await incidentStore.appendTimeline(tx, incident.id, now, 'updated', ACTOR, {
          changes: { severity: { from: incident.severity, to: severity } },
        });
        fields.severity = severity;
      }
    }
    await incidentStore.update(tx, incident.id, fields);
    incident = { ...incident, ...fields };

    // Top-level resolved: the whole group is over. A person who already resolved or closed it keeps their state.
    if (p.status === 'resolved' && incident.status !== 'resolved' && incident.status !== 'closed') {
      incident = await applyTransition(
        ctx,
        tx,
        incident,
        'resolve',
        ACTOR,
        'all alerts of the group resolved (Alertmanager)',
      );
      outcome = 'resolved';
    } else if (outcome === 'unchanged' && alertsNew + alertsResolved > 0) {
      outcome = 'updated';
    }
    return { outcome, incident: incident.number, alertsNew, alertsResolved };
  });
}
