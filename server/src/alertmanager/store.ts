import { sql } from 'kysely';
import type { Db } from '../db';
import type { NewRow } from '../db/tables';
import type { AlertRow } from '../incidents/store';

/** The stored state of one alert (fingerprint + startsAt), as the receiver needs it. */
export interface KnownAlert {
  status: AlertRow['status'];
  incident_id: string;
  annotations: string;
}

/** An alert row as the receiver writes it: Alertmanager reports only firing or resolved. */
export type NewAlertRow = Omit<AlertRow, 'status'> & { status: 'firing' | 'resolved' };

export type NewTimelineRow = Omit<NewRow<'timeline'>, 'id'> & { data: string };

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
  /**
   * Serialises notifications of one group across replicas (both HA Alertmanagers may send at
   * once): a transaction-scoped advisory lock on PostgreSQL; SQLite transactions are serial already.
   */
  async lockGroup(tx: Db, groupKey: string): Promise<void> {
    if (tx.kind === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(${groupKey}))`.execute(
        tx.kysely,
      );
  },

  /** What is stored of these alerts, by alertKey. */
  async known(
    db: Db,
    alerts: ReadonlyArray<{ fingerprint: string; startsAt: number }>,
  ): Promise<Map<string, KnownAlert>> {
    const out = new Map<string, KnownAlert>();
    const wanted = new Set(alerts.map((a) => alertKey(a.fingerprint, a.startsAt)));
    const fingerprints = [...new Set(alerts.map((a) => a.fingerprint))];
    for (const part of chunks(fingerprints, 500)) {
      const rows = await db.kysely
        .selectFrom('incident_alerts')
        .select(['fingerprint', 'starts_at', 'status', 'incident_id', 'annotations'])
        .where('fingerprint', 'in', part)
        .execute();
      for (const r of rows) {
        const key = alertKey(r.fingerprint, Number(r.starts_at));
        if (wanted.has(key))
          out.set(key, { status: r.status, incident_id: r.incident_id, annotations: r.annotations });
      }
    }
    return out;
  },

  async insertAlerts(db: Db, rows: readonly NewAlertRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await db.kysely
        .insertInto('incident_alerts')
        .values(part)
        // an alert routed to two groups (a route with continue: true) may arrive through both at once
        .onConflict((oc) => oc.columns(['fingerprint', 'starts_at']).doNothing())
        .execute();
    }
  },

  async resolveAlert(
    db: Db,
    a: { fingerprint: string; startsAt: number; endsAt: number | null; annotations: string },
    now: number,
  ) {
    await db.kysely
      .updateTable('incident_alerts')
      .set({ status: 'resolved', ends_at: a.endsAt, annotations: a.annotations, last_seen_at: now })
      .where('fingerprint', '=', a.fingerprint)
      .where('starts_at', '=', a.startsAt)
      .execute();
  },

  /** Annotations change between notifications (a value, a runbook link): the row keeps the latest. */
  async updateAnnotations(db: Db, fingerprint: string, startsAt: number, annotations: string, now: number) {
    await db.kysely
      .updateTable('incident_alerts')
      .set({ annotations, last_seen_at: now })
      .where('fingerprint', '=', fingerprint)
      .where('starts_at', '=', startsAt)
      .execute();
  },

  async touchAlerts(db: Db, keys: ReadonlyArray<{ fingerprint: string; startsAt: number }>, now: number) {
    for (const part of chunks(keys)) {
      await db.kysely
        .updateTable('incident_alerts')
        .set({ last_seen_at: now })
        .where((eb) =>
          eb.or(
            part.map((k) =>
              eb.and([eb('fingerprint', '=', k.fingerprint), eb('starts_at', '=', k.startsAt)]),
            ),
          ),
        )
        .execute();
    }
  },

  /** Timeline entries of many alerts at once (the timeline table belongs to incidents; same columns). */
  async appendTimeline(db: Db, rows: readonly NewTimelineRow[]): Promise<void> {
    for (const part of chunks(rows)) await db.kysely.insertInto('timeline').values(part).execute();
  },

  setTruncatedAlerts: async (db: Db, incidentId: string, truncatedAlerts: number): Promise<void> => {
    await db.kysely
      .updateTable('incidents')
      .set({ truncated_alerts: truncatedAlerts })
      .where('id', '=', incidentId)
      .execute();
  },
};
