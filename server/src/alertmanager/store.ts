import type { Db, Param } from '../db';
import type { AlertRow } from '../incidents/store';

/** The stored state of one alert (fingerprint + startsAt), as the receiver needs it. */
export interface KnownAlert {
  status: 'firing' | 'resolved' | 'closed';
  incident_id: string;
  annotations: string;
}

/** An alert row as the receiver writes it: Alertmanager reports only firing or resolved. */
export type NewAlertRow = Omit<AlertRow, 'status'> & { status: 'firing' | 'resolved' };

export interface NewTimelineRow {
  incident_id: string;
  at: number;
  kind: string;
  actor: string;
  data: string;
}

export const alertKey = (fingerprint: string, startsAt: number) => `${fingerprint}@${startsAt}`;

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Queries of the Alertmanager receiver. A notification can carry thousands of alerts, so every
 * statement here works on a batch; one statement per alert would hold the group's lock for seconds.
 */
export const receiverStore = {
  /** What is stored of these alerts, by alertKey. */
  async known(
    db: Db,
    alerts: ReadonlyArray<{ fingerprint: string; startsAt: number }>,
  ): Promise<Map<string, KnownAlert>> {
    const out = new Map<string, KnownAlert>();
    const wanted = new Set(alerts.map((a) => alertKey(a.fingerprint, a.startsAt)));
    const fingerprints = [...new Set(alerts.map((a) => a.fingerprint))];
    for (const part of chunks(fingerprints, 500)) {
      const rows = await db.all<KnownAlert & { fingerprint: string; starts_at: number }>(
        `SELECT fingerprint, starts_at, status, incident_id, annotations FROM incident_alerts WHERE fingerprint IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const r of rows) {
        const key = alertKey(r.fingerprint, Number(r.starts_at));
        if (wanted.has(key))
          out.set(key, { status: r.status, incident_id: r.incident_id, annotations: r.annotations });
      }
    }
    return out;
  },

  async insertAlerts(db: Db, rows: readonly NewAlertRow[]): Promise<void> {
    const columns = [
      'fingerprint',
      'starts_at',
      'incident_id',
      'status',
      'ends_at',
      'alertname',
      'labels',
      'annotations',
      'generator_url',
      'first_seen_at',
      'last_seen_at',
    ] as const;
    for (const part of chunks(rows)) {
      await db.run(
        // an alert routed to two groups (a route with continue: true) may arrive through both at once
        `INSERT INTO incident_alerts (${columns.join(', ')}) VALUES ${part.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')} ON CONFLICT (fingerprint, starts_at) DO NOTHING`,
        part.flatMap((r) => columns.map((c) => r[c] as Param)),
      );
    }
  },

  async resolveAlert(
    db: Db,
    a: { fingerprint: string; startsAt: number; endsAt: number | null; annotations: string },
    now: number,
  ) {
    await db.run(
      "UPDATE incident_alerts SET status = 'resolved', ends_at = ?, annotations = ?, last_seen_at = ? WHERE fingerprint = ? AND starts_at = ?",
      [a.endsAt, a.annotations, now, a.fingerprint, a.startsAt],
    );
  },

  /** Annotations change between notifications (a value, a runbook link): the row keeps the latest. */
  async updateAnnotations(db: Db, fingerprint: string, startsAt: number, annotations: string, now: number) {
    await db.run(
      'UPDATE incident_alerts SET annotations = ?, last_seen_at = ? WHERE fingerprint = ? AND starts_at = ?',
      [annotations, now, fingerprint, startsAt],
    );
  },

  async touchAlerts(db: Db, keys: ReadonlyArray<{ fingerprint: string; startsAt: number }>, now: number) {
    for (const part of chunks(keys)) {
      await db.run(
        `UPDATE incident_alerts SET last_seen_at = ? WHERE ${part.map(() => '(fingerprint = ? AND starts_at = ?)').join(' OR ')}`,
        [now, ...part.flatMap((k) => [k.fingerprint, k.startsAt])],
      );
    }
  },

  /** Timeline entries of many alerts at once (the timeline table belongs to incidents; same columns). */
  async appendTimeline(db: Db, rows: readonly NewTimelineRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await db.run(
        `INSERT INTO timeline (incident_id, at, kind, actor, data) VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => [r.incident_id, r.at, r.kind, r.actor, r.data]),
      );
    }
  },

  setTruncatedAlerts: (db: Db, incidentId: string, truncatedAlerts: number) =>
    db.run('UPDATE incidents SET truncated_alerts = ? WHERE id = ?', [truncatedAlerts, incidentId]),
};
