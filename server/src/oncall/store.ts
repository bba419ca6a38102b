import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db';
import type { NewRow, Row } from '../db/tables';

export type OverrideRow = Row<'oncall_overrides'>;
export type HandoverRow = Row<'oncall_handovers'>;
export type OncallTimelineRow = Row<'oncall_timeline'>;

const num = (v: number | null) => (v === null ? null : Number(v));

function overrideRow(r: OverrideRow): OverrideRow {
  return {
    ...r,
    start_at: Number(r.start_at),
    end_at: Number(r.end_at),
    created_at: Number(r.created_at),
    removed_at: num(r.removed_at),
  };
}

function handoverRow(r: HandoverRow): HandoverRow {
  return { ...r, at: Number(r.at), acknowledged_at: num(r.acknowledged_at) };
}

/** The only SQL of the on-call domain. */
export const oncallStore = {
  /**
   * Serialises override changes of one roster layer across replicas, so two overlapping overrides
   * written at once cannot both pass the overlap check: a transaction-scoped advisory lock on
   * PostgreSQL; SQLite transactions are serial already.
   */
  async lockLayer(tx: Db, roster: string, layer: string): Promise<void> {
    if (tx.kind === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(${`oncall:${roster}/${layer}`}))`.execute(
        tx.kysely,
      );
  },

  /** Overrides in force (not removed) overlapping [from, to), optionally of one roster and layer. */
  async activeOverrides(
    db: Db,
    f: { roster?: string | undefined; layer?: string | undefined; from: number; to: number },
  ): Promise<OverrideRow[]> {
    let q = db.kysely
      .selectFrom('oncall_overrides')
      .selectAll()
      .where('removed_at', 'is', null)
      .where('start_at', '<', f.to)
      .where('end_at', '>', f.from);
    if (f.roster !== undefined) q = q.where('roster', '=', f.roster);
    if (f.layer !== undefined) q = q.where('layer', '=', f.layer);
    const rows = await q.orderBy('start_at').orderBy('id').execute();
    return rows.map(overrideRow);
  },

  async override(db: Db, id: string): Promise<OverrideRow | undefined> {
    const r = await db.kysely
      .selectFrom('oncall_overrides')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && overrideRow(r);
  },

  async overridesOfSwap(db: Db, swapId: string): Promise<OverrideRow[]> {
    const rows = await db.kysely
      .selectFrom('oncall_overrides')
      .selectAll()
      .where('swap_id', '=', swapId)
      .orderBy('start_at')
      .execute();
    return rows.map(overrideRow);
  },

  async insertOverride(db: Db, row: NewRow<'oncall_overrides'>): Promise<void> {
    await db.kysely.insertInto('oncall_overrides').values(row).execute();
  },

  async removeOverride(db: Db, id: string, at: number, by: string): Promise<void> {
    await db.kysely
      .updateTable('oncall_overrides')
      .set({ removed_at: at, removed_by: by })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .execute();
  },

  async insertHandover(db: Db, row: NewRow<'oncall_handovers'>): Promise<void> {
    await db.kysely.insertInto('oncall_handovers').values(row).execute();
  },

  async handover(db: Db, id: string): Promise<HandoverRow | undefined> {
    const r = await db.kysely
      .selectFrom('oncall_handovers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && handoverRow(r);
  },

  async handovers(db: Db, roster: string | undefined, limit: number): Promise<HandoverRow[]> {
    let q = db.kysely.selectFrom('oncall_handovers').selectAll();
    if (roster !== undefined) q = q.where('roster', '=', roster);
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(handoverRow);
  },

  /** Marks a handover acknowledged; false when it already was (a second acknowledgement changes nothing). */
  async acknowledgeHandover(db: Db, id: string, at: number, by: string): Promise<boolean> {
    const r = await db.kysely
      .updateTable('oncall_handovers')
      .set({ acknowledged_at: at, acknowledged_by: by })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async openIncidents(db: Db) {
    return db.kysely
      .selectFrom('incidents')
      .select(['id', 'number', 'title', 'severity', 'status'])
      .where('status', 'in', ['triggered', 'acknowledged', 'mitigated', 'waiting_for_customer'])
      .orderBy('detected_at')
      .orderBy('id')
      .limit(500)
      .execute();
  },

  async addTimeline(
    db: Db,
    e: { roster: string; subject: string; at: number; kind: string; actor: string; data?: object },
  ): Promise<void> {
    await db.kysely
      .insertInto('oncall_timeline')
      .values({
        id: randomUUID(),
        roster: e.roster,
        subject: e.subject,
        at: e.at,
        kind: e.kind,
        actor: e.actor,
        data: JSON.stringify(e.data ?? {}),
      })
      .execute();
  },

  async timelineOf(db: Db, subjects: readonly string[]): Promise<OncallTimelineRow[]> {
    if (subjects.length === 0) return [];
    const rows = await db.kysely
      .selectFrom('oncall_timeline')
      .selectAll()
      .where('subject', 'in', subjects)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, at: Number(r.at) }));
  },
};
